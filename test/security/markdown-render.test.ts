// Item 5 of issue 11: the plan comment, the job summary, the apply report and the drift issue render as written. Rendered
// with a CommonMark + GFM renderer and parsed as HTML, hostile strings in every user-controlled slot give exactly the
// elements, comments and table columns that harmless strings give: nothing the renderer did not write.
import { ref } from '../../src/i18n/messages.js'
import fc from 'fast-check'
import { parseDocument } from 'htmlparser2'
import type { ChildNode } from 'domhandler'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import type { ApplyFileResult } from '../../src/apply/apply-file.js'
import type { PlanFileResult } from '../../src/plan/plan-files.js'
import { createRedactor } from '../../src/redact/redactor.js'
import { renderApplyMarkdown } from '../../src/report/render-apply-markdown.js'
import { renderDriftIssue } from '../../src/report/render-drift-markdown.js'
import { renderMarkdown } from '../../src/report/render-markdown.js'
import { TIERS, parsePlanMarkers, renderPlanSummary, renderTier } from '../../src/report/render-plan-markdown.js'
import { buildReport } from '../../src/report/report.js'
import { BASE_FILE, withFile } from '../plan/fixtures.js'
import { failedResult, finding, invalidResult, plannedResult } from '../plan/results.js'

// GitHub renders comments as CommonMark + GFM with raw HTML allowed (then sanitised); linkify stands for GFM autolinks.
const md = new MarkdownIt({ html: true, linkify: true })

/** The shape of the HTML: every element with its attribute names, every comment with its text; no text content. */
function shape(markdown: string): string[] {
  const out: string[] = []
  const walk = (nodes: ChildNode[], depth: number) => {
    for (const node of nodes) {
      if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        out.push(`${depth}<${node.name} ${Object.keys(node.attribs).sort().join(' ')}>`)
        walk(node.children, depth + 1)
      } // A marker's file and checksum differ with the data: the comment's kind and place are what must hold.
      else if (node.type === 'comment') out.push(`${depth}<!--${node.data.replace(/ file=[A-Za-z0-9%/._]+ sha256:[0-9a-f]{64}/, ' file=F sha256:H')}-->`)
    }
  }
  walk(parseDocument(md.render(markdown)).children, 0)
  return out
}

const ATTACKS = [
  '</summary></details><img src=x onerror=alert(1)><!--',
  'a | b | c',
  '\n<!-- partner-contacts:checksum file=x sha256:' + 'f'.repeat(64) + ' -->\n',
  '`code` **bold** _em_ [link](https://evil.test) ![img](x) <b>b</b> &lt; &#60;',
  'www.evil.test http://evil.test mail@evil.test $x^2$ ~~s~~ [^1]',
  '# heading\n- list\n> quote\n---\n| t |\n|---|',
  '-->',
  '<script>alert(1)</script>',
  '\u001b[31mred\u202E\u0000',
]
const hostile = fc.oneof(fc.constantFrom(...ATTACKS), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }))

/** Every slot a pull request controls: file name, partner name, contact names, finding text, portal error. */
interface Slots {
  file: string
  partner: string
  contact: string
  message: string
  error: string
}

function results(s: Slots, count: number): PlanFileResult[] {
  const out: PlanFileResult[] = []
  for (let i = 0; i < count; i++) {
    const id = String(10000100 + i)
    const model = withFile((f) => {
      f.partner = { id, name: s.partner }
      f.contacts!.operationalForGoogle = [{ email: `esc${i}@example.com`, name: s.contact, phone: '+39 02 1234 5679' }]
    })
    const portal = withFile((f) => (f.partner = { id }))
    const file = `partners/${s.file}${i}/contacts.yaml`
    const findings = [finding('emergency-contact-pageable', 'warning', '/contacts/technicalEmergency', 24, s.message)]
    if (i % 3 === 0) out.push(plannedResult(file, model, portal, findings))
    else if (i % 3 === 1) out.push(invalidResult(file, model, [finding('contact-phone', 'error', '/x', 3, s.message)]))
    else out.push(failedResult(file, model, s.error))
  }
  return out
}

function applied(s: Slots): ApplyFileResult[] {
  return results(s, 3).map((planned, i) => ({
    file: planned.file,
    ...(planned.partnerId ? { partnerId: planned.partnerId } : {}),
    outcome: (['applied', 'refused', 'failed'] as const)[i]!,
    forced: false,
    // Reasons and steps are messages now; what a file or a portal says arrives as their values.
    reasons: [ref('apply.reason.writeFailed', { detail: s.message })],
    written: [ref('apply.step.createUser', { email: s.contact, role: s.contact })],
    pending: [ref('apply.step.updateContactInformation', { fields: s.error })],
    planned,
  })) as unknown as ApplyFileResult[]
}

const harmless: Slots = { file: 'f', partner: 'Partner', contact: 'Name', message: 'message', error: 'error' }
const options = { redactor: createRedactor('never'), linkFor: (file: string, line: number) => `https://github.com/o/r/blob/abc/${encodeURI(file)}#L${line}`, runUrl: 'https://github.com/o/r/actions/runs/1' }

const renders: Record<string, (s: Slots) => string> = {
  ...Object.fromEntries(TIERS.map((tier) => [`plan comment, ${tier} tier, 16 files`, (s: Slots) => renderTier(results(s, 16), options, tier)])),
  'job summary (the whole plan)': (s) => renderPlanSummary(results(s, 16), options),
  'apply report': (s) => renderApplyMarkdown(applied(s), { ...options, refusedRun: [ref('approval.githubFailed', { detail: s.message })] }),
  'drift issue': (s) => renderDriftIssue('10000100', results(s, 3).filter((r) => r.plan), { redactor: options.redactor }),
  'validate summary (--format markdown)': (s) =>
    renderMarkdown(buildReport(results(s, 3).map((r) => ({ file: r.file, findings: r.findings }))), { linkFor: options.linkFor }),
}

describe('the comment and the summaries render as written (CommonMark + GFM, parsed as HTML)', () => {
  it.each(Object.keys(renders))('%s: hostile strings in every slot add no element, comment or column', (name) => {
    const render = renders[name]!
    const expected = shape(render(harmless))
    fc.assert(
      fc.property(fc.record({ file: hostile, partner: hostile, contact: hostile, message: hostile, error: hostile }), (slots) => {
        const markdown = render(slots)
        expect(shape(markdown)).toEqual(expected)
        // Markers: only the renderer's, and read back as written.
        if (name.startsWith('plan comment')) for (const file of parsePlanMarkers(markdown).keys()) expect(file.startsWith(`partners/${slots.file}`)).toBe(true)
      }),
      { numRuns: 40 },
    )
  })

  it('the collapsed tier: a partner name that closes <summary> and <details> stays text, and a | in a file name keeps every cell', () => {
    const slots = { ...harmless, file: 'a|b', partner: '</summary></details><img src=x onerror=alert(1)><!--' }
    const html = md.render(renderTier(results(slots, 16), options, 'collapsed'))
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;/summary&gt;&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;&lt;!--')
    const summaries = md.render(renderTier(results(slots, 16), options, 'summaries'))
    const rows = [...summaries.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[dh]/g) ?? []).length)
    expect(new Set(rows)).toEqual(new Set([5]))
    expect(summaries).toContain('<code>partners/a|b0/contacts.yaml</code>')
  })
})

// For the record: BASE_FILE is what every fixture above starts from.
void BASE_FILE
