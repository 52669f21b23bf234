const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
var m=process.getBuiltinModule("node:readline");var createInterface=m.createInterface;async function ask(io,question){let rl=createInterface({input:io.stdin,output:io.stderr,terminal:!0});try{return await new Promise(resolve=>{rl.once("SIGINT",()=>{io.stderr.write(`
`),resolve({aborted:"interrupted"})}),rl.once("close",()=>resolve({aborted:"closed"})),rl.question(question,answer=>resolve({answer:answer.trim()}))})}finally{rl.close()}}function aborted(io,how){return io.stderr.write(`partner-contacts: aborted, nothing written
`),how==="interrupted"?130:1}export{ask,aborted};
