#!/usr/bin/env node
import { createRequire as __pcCreateRequire } from 'node:module'; const require = __pcCreateRequire(import.meta.url);
import{UsageError,VERSION}from"./chunks/chunk-E3US4JQ2.js";import{ConfigError,FilesError}from"./chunks/chunk-7BLJRGHJ.js";var HELP=`Usage: partner-contacts <command> [options]

Contact information as code for Google Actions Center partners.

Commands:
  validate [files/globs\u2026]   check files against the schema and the launch rules (no network)

Run 'partner-contacts <command> --help' for a command's options.
`,COMMANDS={validate:async()=>(await import("./chunks/validate-command-FBUDR6HX.js")).validateCommand};async function main(argv,io){let[name,...args]=argv;if(name===void 0||name==="-h"||name==="--help"||name==="help")return io.stdout.write(HELP),name===void 0?2:0;if(name==="--version"||name==="-v")return io.stdout.write(`${VERSION}
`),0;let load=COMMANDS[name];if(!load)return io.stderr.write(`partner-contacts: unknown command "${name}"

${HELP}`),2;try{return await(await load())(args,io)}catch(error){return reportError(error,io)}}function reportError(error,io){if(error instanceof UsageError||error instanceof ConfigError||error instanceof FilesError||isParseArgsError(error))return io.stderr.write(`partner-contacts: ${error.message}
`),2;let message=error instanceof Error?error.message:String(error);return io.stderr.write(`partner-contacts: internal error: ${message}
`),io.env.PARTNER_CONTACTS_DEBUG&&error instanceof Error&&error.stack&&io.stderr.write(`${error.stack}
`),2}function isParseArgsError(error){let code=error instanceof TypeError?error.code:void 0;return typeof code=="string"&&code.startsWith("ERR_PARSE_ARGS")}process.exitCode=await main(process.argv.slice(2),{stdout:process.stdout,stderr:process.stderr,stdin:process.stdin,env:process.env,cwd:process.cwd()});
