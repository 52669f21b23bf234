import { createRequire as __pcCreateRequire } from 'node:module'; const require = __pcCreateRequire(import.meta.url);
import{ConfigError}from"./chunk-2EJBYHZX.js";import"./chunk-EOYAMRRY.js";import"./chunk-UH2TFAYO.js";async function runApply(_ctx){throw new ConfigError('mode "apply" is not available in this version')}export{runApply};
