// `--format junit`: JUnit XML as GitLab, Jenkins and Azure Pipelines read it: a suite per file, a test case per finding.
import { allFindings, type Report } from './report.js'

export function renderJunit(report: Report): string {
  const byFile = new Map(report.files.map((f) => [f.file, [] as ReturnType<typeof allFindings>]))
  for (const f of allFindings(report)) byFile.get(f.file)?.push(f)
  const suites = [...byFile].map(([file, findings]) => {
    const failures = findings.filter((f) => f.severity !== 'info').length
    // A file with nothing to say is one passing case, so every file shows up as tested.
    const cases =
      findings.length === 0
        ? [`    <testcase classname="${attr(file)}" name="partner-contacts" time="0"/>`]
        : findings.map((f) => {
            const name = attr(`${f.ruleId} at ${f.line}:${f.column}`)
            const where = `${file}:${f.line}:${f.column}`
            const body =
              f.severity === 'info'
                ? `<system-out>${text(`${where} info ${f.message} (${f.ruleId})`)}</system-out>`
                : `<failure type="${f.severity}" message="${attr(f.message)}">${text(`${where} ${f.severity} ${f.message} (${f.ruleId})`)}</failure>`
            return `    <testcase classname="${attr(file)}" name="${name}" time="0">${body}</testcase>`
          })
    return [`  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">`, ...cases, '  </testsuite>'].join('\n')
  })
  const tests = [...byFile.values()].reduce((n, f) => n + Math.max(f.length, 1), 0)
  const failures = report.summary.errors + report.summary.warnings
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="partner-contacts" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n')
  // Printed to a runner log, no line may read as a workflow command; character references keep the text exact for XML readers.
  return xml.replace(/^(\s*):(?=:)/gm, '$1&#58;').replace(/##\[/g, '#&#35;[')
}

/** XML 1.0 forbids most control characters even as references; they become U+FFFD. */
function text(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/** Attribute values also escape quotes, and keep line breaks as references (parsers normalise raw ones to spaces). */
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
}
