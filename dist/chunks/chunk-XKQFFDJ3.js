const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
var m=process.getBuiltinModule("node:os");var userInfo=m.userInfo;var EOL=m.EOL;export{userInfo,EOL};
