import { createRequire as __pcCreateRequire } from 'node:module'; const require = __pcCreateRequire(import.meta.url);
import{ConfigError,FilesError}from"./chunk-Z362OR5Y.js";import{PortalError}from"./chunk-SKWBEWK2.js";import{UsageError}from"./chunk-NKSCAMR3.js";import{VERSION}from"./chunk-AHETILFW.js";import"./chunk-EOYAMRRY.js";import"./chunk-UH2TFAYO.js";var HELP=`Usage: partner-contacts <command> [options]

Contact information as code for Google Actions Center partners.

Commands:
  validate [files/globs\u2026]   check files against the schema and the launch rules (no network)
  plan [files/globs\u2026]       show what apply would change in the portal (never writes)
  apply [files/globs\u2026]      write the plan to the portal, after asking (or --yes)
  import --partner <id>     write a contacts.yaml from the portal, or update one in place
  portal serve --state <f>  run the portal emulator on 127.0.0.1

Run 'partner-contacts <command> --help' for a command's options.
`,COMMANDS={validate:async()=>(await import("./validate-command-6M6I73FW.js")).validateCommand,import:async()=>(await import("./import-command-72WBZSII.js")).importCommand,plan:async()=>(await import("./plan-command-YGFJK6QD.js")).planCommand,apply:async()=>(await import("./apply-command-GR7BMTDI.js")).applyCommand,portal:async()=>(await import("./portal-command-C53OOLT2.js")).portalCommand};async function main(argv,io){let[name,...args]=argv;if(name===void 0||name==="-h"||name==="--help"||name==="help")return io.stdout.write(HELP),name===void 0?2:0;if(name==="--version"||name==="-v")return io.stdout.write(`${VERSION}
`),0;let load=COMMANDS[name];if(!load)return io.stderr.write(`partner-contacts: unknown command "${name}"

${HELP}`),2;try{return await(await load())(args,io)}catch(error){return reportError(error,io)}}function reportError(error,io){if(error instanceof UsageError||error instanceof ConfigError||error instanceof FilesError||error instanceof PortalError||isParseArgsError(error))return io.stderr.write(`partner-contacts: ${error.message}
`),2;let message=error instanceof Error?error.message:String(error);return io.stderr.write(`partner-contacts: internal error: ${message}
`),io.env.PARTNER_CONTACTS_DEBUG&&error instanceof Error&&error.stack&&io.stderr.write(`${error.stack}
`),2}function isParseArgsError(error){let code=error instanceof TypeError?error.code:void 0;return typeof code=="string"&&code.startsWith("ERR_PARSE_ARGS")}export{HELP,main,reportError};
