const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
import{__esm}from"./chunk-RZKEVL5F.js";var m,node_http_default,createServer,init_node_http=__esm({"builtin:node:http"(){m=process.getBuiltinModule("node:http"),node_http_default=m,createServer=m.createServer}});export{node_http_default,createServer,init_node_http};
