const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
var CONTACT_LIST_FIELDS=["alertContacts","technicalEmergencyContacts","technicalNonEmergencyContacts","merchantIssuesContacts","operationalContactsForGoogle","operationalContactsForUsers"];export{CONTACT_LIST_FIELDS};
