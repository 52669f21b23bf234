const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
import{nodeTooOld}from"./chunks/chunk-ECZMCMMF.js";import"./chunks/chunk-RZKEVL5F.js";var tooOld=nodeTooOld();tooOld&&(process.stdout.write(`::error title=partner-contacts::${tooOld}. Update the runner (self-hosted runners need a version that supports node24 actions).
`),process.exit(2));(await import("./chunks/node_module-N2C5DXIC.js")).enableCompileCache?.();var{run}=await import("./chunks/main-GBYULOSP.js");await run();
