import { createRequire as __pcCreateRequire } from 'node:module'; const require = __pcCreateRequire(import.meta.url);
var CONTACT_LIST_FIELDS=["alertContacts","technicalEmergencyContacts","technicalNonEmergencyContacts","merchantIssuesContacts","operationalContactsForGoogle","operationalContactsForUsers"];export{CONTACT_LIST_FIELDS};
