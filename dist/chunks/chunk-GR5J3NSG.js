const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
import{OUTPUT_OPTIONS_HELP}from"./chunk-HHFXPTIK.js";import{UsageError}from"./chunk-A5DXHL5X.js";import{VERSION}from"./chunk-TP3W2UFO.js";import{createPortalClient,resolvePortalUrl}from"./chunk-LT4Z3IZU.js";var PORTAL_OPTIONS={portal:{type:"string"},token:{type:"string"},scope:{type:"string"},redact:{type:"string"},"max-removal-ratio":{type:"string"}},PORTAL_OPTIONS_HELP=`  --portal <url>            portal base URL, file:<path> for the emulator state, or manual:<dir>
                            for a portal kept in step by hand (confirmed states in <dir>)
                            (default: $PARTNER_CONTACTS_PORTAL_URL, then file:.partner-contacts/portal.json)
  --token <token>           bearer token (default: $PARTNER_CONTACTS_PORTAL_TOKEN, then Google credentials)
  --scope <scope>           OAuth scope for Google credentials
  --redact <mode>           never (default), always, auto (= always outside the Action): mask emails and phones
  --max-removal-ratio <r>   share of a list a safe plan may remove, 0 to 1 (default 0.3)
  --rule <id=severity>      override a rule's severity (error, warning, info, off); repeatable
  --fail-on <level>         error (default), warning, never
  --config <file>           config file (default: .partner-contacts.yaml at the repository root)
${OUTPUT_OPTIONS_HELP}
  -h, --help                show this help`;function readRedactMode(values){let mode=values.redact??"never";if(mode!=="never"&&mode!=="always"&&mode!=="auto")throw new UsageError("--redact must be never, always or auto");return mode}function readMaxRemovalRatio(values){let text=values["max-removal-ratio"];if(text===void 0)return;let ratio=Number(text);if(!(ratio>=0&&ratio<=1))throw new UsageError("--max-removal-ratio must be a number from 0 to 1");return ratio}function openPortal(values,io,clientOptions={}){return createPortalClient(resolvePortalUrl(values.portal,io.env),{...values.token!==void 0?{token:values.token}:{},...values.scope!==void 0?{scope:values.scope}:{},env:io.env,cwd:io.cwd,userAgent:`partner-contacts/${VERSION}`,...clientOptions})}export{PORTAL_OPTIONS,PORTAL_OPTIONS_HELP,readRedactMode,readMaxRemovalRatio,openPortal};
