const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
import{UsageError,guardIo}from"./chunk-BEIDCMOB.js";import{ConfigError,FilesError,VERSION}from"./chunk-KDOADVNQ.js";import{suggest}from"./chunk-CORQAGRM.js";import{PortalError}from"./chunk-36TX3CM7.js";import"./chunk-M2PX4V3Y.js";import"./chunk-XKJ3GHX5.js";import"./chunk-OCQTP7HW.js";import{inline}from"./chunk-OBWET2T7.js";import"./chunk-7B4XFH4B.js";import"./chunk-RZKEVL5F.js";var HELP=`Usage: partner-contacts <command> [options]

Contact information as code for Google Actions Center partners.

Commands:
  validate [files/globs\u2026]   check files against the schema and the launch rules (no network)
  plan [files/globs\u2026]       show what apply would change in the portal (never writes)
  apply [files/globs\u2026]      write the plan to the portal, after asking (or --yes)
  confirm [files/globs\u2026]    record that a person made a manual portal match the file
  import --partner <id>     write a contacts.yaml from the portal, or update one in place
  portal serve --state <f>  run the portal emulator on 127.0.0.1
  help [command]            show this help, or a command's options

Options:
  -h, --help                show this help
  -v, --version             print the version

Run 'partner-contacts help <command>' (or '<command> --help') for a command's options.
Exit status: 0 ok, 1 findings or a refused apply, 2 a usage, configuration or portal problem.
`,COMMANDS={validate:async()=>(await import("./validate-command-SSZTBURL.js")).validateCommand,import:async()=>(await import("./import-command-MIR6YEVY.js")).importCommand,plan:async()=>(await import("./plan-command-XNO3ZDXH.js")).planCommand,apply:async()=>(await import("./apply-command-ZYR5C6FY.js")).applyCommand,confirm:async()=>(await import("./confirm-command-C5QLQXRW.js")).confirmCommand,portal:async()=>(await import("./portal-command-RSPUIHPB.js")).portalCommand};async function main(argv,rawIo){let io=guardIo(rawIo),[name,...args]=argv;if(name==="help"&&args[0]!==void 0)return main([args[0],"--help"],io);if(name===void 0||name==="-h"||name==="--help"||name==="help")return io.stdout.write(HELP),name===void 0?2:0;if(name==="--version"||name==="-v"||name==="version")return io.stdout.write(`${VERSION}
`),0;let load=COMMANDS[name];if(!load){let hint=suggest(name,Object.keys(COMMANDS)),what=name.startsWith("-")?`unknown option ${`"${inline(name.slice(0,40))}"`}`:`unknown command ${`"${inline(name.slice(0,40))}"`}`;return io.stderr.write(`partner-contacts: ${what}${hint?`; did you mean ${hint}?`:""} (see 'partner-contacts help')
`),2}try{return await(await load())(args,io)}catch(error){return reportError(error,io)}}function reportError(error,io){if(error instanceof UsageError||error instanceof ConfigError||error instanceof FilesError||error instanceof PortalError||isParseArgsError(error))return io.stderr.write(`partner-contacts: ${inline(error.message)}
`),2;let message=error instanceof Error?error.message:String(error);return io.stderr.write(`partner-contacts: internal error: ${inline(message)}
`),io.env.PARTNER_CONTACTS_DEBUG&&error instanceof Error&&error.stack&&io.stderr.write(`${error.stack}
`),2}function isParseArgsError(error){let code=error instanceof TypeError?error.code:void 0;return typeof code=="string"&&code.startsWith("ERR_PARSE_ARGS")}export{HELP,main,reportError};
