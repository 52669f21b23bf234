import { createRequire as __pcCreateRequire } from 'node:module'; const require = __pcCreateRequire(import.meta.url);
var UsageError=class extends Error{name="UsageError"};function useColor(io,stream){return!!stream.isTTY&&io.env.NO_COLOR===void 0&&io.env.TERM!=="dumb"}export{UsageError,useColor};
