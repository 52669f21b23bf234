// The Node version gate of both entry points: imports nothing, so that it runs (and speaks) on any old Node.

export const MINIMUM_NODE_MAJOR = 24

/** The one line an old Node gets instead of a stack trace, or undefined when this Node is new enough. */
export function nodeTooOld(version: string = process.version): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? 0)
  return major >= MINIMUM_NODE_MAJOR ? undefined : `partner-contacts needs Node ${MINIMUM_NODE_MAJOR} or newer; this is ${version}`
}
