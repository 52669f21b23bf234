const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
function nodeTooOld(version=process.version){return Number(/^v?(\d+)\./.exec(version)?.[1]??0)>=24?void 0:`partner-contacts needs Node 24 or newer; this is ${version}`}export{nodeTooOld};
