import { createRequire as __pcCreateRequire } from 'node:module'; const require = __pcCreateRequire(import.meta.url);
import{ConfigError}from"./chunk-2EJBYHZX.js";import"./chunk-EOYAMRRY.js";import"./chunk-UH2TFAYO.js";async function runDrift(_ctx){throw new ConfigError('mode "drift" is not available in this version')}export{runDrift};
