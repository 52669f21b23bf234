// Preloaded into a spawned CLI: records every module it loads and every network attempt, to a file.
import { appendFileSync } from 'node:fs'
import { registerHooks } from 'node:module'
import net from 'node:net'

const out = process.env.PC_TRACE_FILE
registerHooks({
  load(url, context, nextLoad) {
    appendFileSync(out, `load ${url}\n`)
    return nextLoad(url, context)
  },
})
const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  appendFileSync(out, `connect ${JSON.stringify(args[0]?.port ?? args[0])}\n`)
  return connect.apply(this, args)
}
const realFetch = globalThis.fetch
globalThis.fetch = (...args) => {
  appendFileSync(out, `fetch ${String(args[0])}\n`)
  return realFetch(...args)
}
