const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
import{__esm}from"./chunk-RZKEVL5F.js";var m,format,fileURLToPath,init_node_url=__esm({"builtin:node:url"(){m=process.getBuiltinModule("node:url"),format=m.format,fileURLToPath=m.fileURLToPath}});export{format,fileURLToPath,init_node_url};
