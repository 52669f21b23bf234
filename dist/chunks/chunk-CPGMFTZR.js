const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
import{renderSupportPicture}from"./chunk-FBOKOPT7.js";import{checklistTable}from"./chunk-VGN7ZRKV.js";function validationExtras(results){let byFile=new Map(results.map(r=>[r.file,r]));return file=>{let result=byFile.get(file.file),parts=[];result?.checklist&&parts.push("**Launch readiness**","",checklistTable(result.checklist),"");let picture=renderSupportPicture(result?.support??[]);return picture&&parts.push(picture),parts.length>0?parts.join(`
`).trimEnd():void 0}}export{validationExtras};
