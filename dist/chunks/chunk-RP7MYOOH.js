const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
var VERSION="0.1.0";export{VERSION};
