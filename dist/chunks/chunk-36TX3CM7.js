const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
var PortalError=class extends Error{constructor(kind,operation,message,httpStatus,portalStatus){super(`${operation}: ${message}`);this.kind=kind;this.operation=operation;this.httpStatus=httpStatus;this.portalStatus=portalStatus}kind;operation;httpStatus;portalStatus;name="PortalError"};export{PortalError};
