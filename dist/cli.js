#!/usr/bin/env node
import { createRequire as __pcCreateRequire } from 'node:module'; const require = __pcCreateRequire(import.meta.url);
import{enableCompileCache}from"node:module";enableCompileCache?.();var{main}=await import("./chunks/main-7SUAIDHN.js");process.exitCode=await main(process.argv.slice(2),{stdout:process.stdout,stderr:process.stderr,stdin:process.stdin,env:process.env,cwd:process.cwd()});
