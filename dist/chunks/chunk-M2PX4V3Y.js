const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
var m=process.getBuiltinModule("node:fs/promises");var glob=m.glob;var rename=m.rename;var rm=m.rm;var mkdir=m.mkdir;var stat=m.stat;var writeFile=m.writeFile;var readFile=m.readFile;export{glob,rename,rm,mkdir,stat,writeFile,readFile};
