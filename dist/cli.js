#!/usr/bin/env node
const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
import"./chunks/chunk-RZKEVL5F.js";function nodeTooOld(version=process.version){return Number(/^v?(\d+)\./.exec(version)?.[1]??0)>=24?void 0:`partner-contacts needs Node 24 or newer; this is ${version}`}var tooOld=nodeTooOld();tooOld&&(process.stderr.write(`${tooOld}. Install Node 24 (nodejs.org), or inside this repository run it through npx or npm run after npm ci.
`),process.exit(2));(await import("./chunks/node_module-N2C5DXIC.js")).enableCompileCache?.();var{main}=await import("./chunks/main-CXPLBKFM.js");process.exitCode=await main(process.argv.slice(2),{stdout:process.stdout,stderr:process.stderr,stdin:process.stdin,env:process.env,cwd:process.cwd()});
