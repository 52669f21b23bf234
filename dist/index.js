import { createRequire as __pcCreateRequire } from 'node:module'; const require = __pcCreateRequire(import.meta.url);
import{enableCompileCache}from"node:module";enableCompileCache?.();var{run}=await import("./chunks/main-MOK262M2.js");await run();
