// Finds the first line whose indentation fits no open block: when YAML fails to parse, that line is the likely cause,
// and the parser's own errors (an unclosed quote, a key spanning lines) only follow from it.

export interface BadIndentation {
  /** 1-based line of the misplaced line. */
  line: number
  indent: number
  /** The indentation it most likely needs, and a line that has it. */
  expected: number
  like: number
}

interface Level {
  indent: number
  line: number
}

/**
 * A line-based reading of block YAML: every content line must sit at the indentation of an open block, or deeper than
 * its parent when the line before opened a block (`key:` with no value, `-`, `- key:`). Block scalars and flow
 * collections spanning lines are skipped. Only called for a file that did not parse, so the cheap reading is enough.
 */
export function findBadIndentation(text: string): BadIndentation | undefined {
  const lines = text.split(/\r?\n/)
  const stack: Level[] = []
  let opened = false
  let scalarAbove: number | undefined
  let flowDepth = 0
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!
    const indent = raw.length - raw.replace(/^ +/, '').length
    const content = stripComment(raw.slice(indent))
    if (content === '' || content === '---' || content === '...') continue
    if (content.startsWith('\t')) return undefined // tabs: the parser's own message says it
    if (scalarAbove !== undefined && indent > scalarAbove) continue
    scalarAbove = undefined
    if (flowDepth > 0) {
      flowDepth = Math.max(0, flowDepth + bracketBalance(content))
      continue
    }
    const line = i + 1
    const top = stack.at(-1)
    if (!top || (opened && indent > top.indent)) {
      stack.push({ indent, line })
    } else if (indent > top.indent) {
      return { line, indent, expected: top.indent, like: top.line }
    } else {
      let popped: Level | undefined
      while (stack.length > 1 && stack.at(-1)!.indent > indent) popped = stack.pop()
      const level = stack.at(-1)!
      if (level.indent !== indent) {
        // Between two levels: the nearer one, the deeper on a tie (a sibling one space short is the usual slip).
        const deeper = popped ?? level
        const nearer = deeper.indent - indent <= indent - level.indent || level.indent > indent ? deeper : level
        return { line, indent, expected: nearer.indent, like: nearer.line }
      }
    }
    let rest = content
    let at = indent
    // `- - x`: each dash opens a sequence item whose content starts after it.
    for (let dash = /^-(?: +|$)/.exec(rest); dash && rest !== ''; dash = /^-(?: +|$)/.exec(rest)) {
      at += dash[0].length
      rest = rest.slice(dash[0].length)
      if (rest !== '') stack.push({ indent: at, line })
    }
    if (rest === '') {
      opened = true
      continue
    }
    opened = /:$/.test(rest)
    if (/:\s+[|>][-+0-9]*$/.test(rest)) scalarAbove = at
    // Only a value that starts a flow collection can continue on the next lines; `(` or `[` inside plain text cannot.
    const flow = /^(?:[^'"[{]*?:\s+)?([[{].*)$/.exec(rest)?.[1]
    const balance = flow ? bracketBalance(flow) : 0
    if (balance > 0) flowDepth = balance
  }
  return undefined
}

export function indentationMessage(bad: BadIndentation): string {
  const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`
  const why = bad.indent > bad.expected ? 'deeper than the line above allows' : 'which lines up with no block above it'
  return `bad indentation: this line is indented ${spaces(bad.indent)}, ${why}; YAML reads the structure from indentation, so indent it ${spaces(bad.expected)}, like line ${bad.like}`
}

/** A comment starts at `#` after a space (or at the start), outside quotes. */
function stripComment(text: string): string {
  return splitComment(text).code
}

/** A line's code (trailing spaces dropped) and its comment (from `#`, or undefined), quotes respected. */
export function splitComment(text: string): { code: string; comment?: string } {
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quote) {
      if (c === quote) quote = undefined
    } else if (c === '"' || c === "'") {
      quote = c
    } else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      return { code: text.slice(0, i).trimEnd(), comment: text.slice(i).trimEnd() }
    }
  }
  return { code: text.trimEnd() }
}

function bracketBalance(text: string): number {
  let depth = 0
  let quote: string | undefined
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = undefined
    } else if (c === '"' || c === "'") quote = c
    else if (c === '[' || c === '{') depth++
    else if (c === ']' || c === '}') depth--
  }
  return depth
}
