const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
import{__esm}from"./chunk-RZKEVL5F.js";var m,deprecate,promisify,types,init_node_util=__esm({"builtin:node:util"(){m=process.getBuiltinModule("node:util"),deprecate=m.deprecate,promisify=m.promisify,types=m.types}});export{deprecate,promisify,types,init_node_util};
