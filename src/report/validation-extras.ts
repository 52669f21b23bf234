// What the Markdown report of a validation adds under each file's findings: the launch-readiness checklist (as the
// plan comment shows it) and the weekly support picture.
import { renderSupportPicture } from '../support/render-support-picture.js'
import type { Messages } from '../i18n/messages.js'
import type { ValidatedFile } from '../validate/validate-files.js'
import type { MarkdownOptions } from './render-markdown.js'
import { checklistTable } from './render-plan-markdown.js'

export function validationExtras(results: readonly ValidatedFile[], messages: Messages): NonNullable<MarkdownOptions['fileExtras']> {
  const byFile = new Map(results.map((r) => [r.file, r]))
  return (file) => {
    const result = byFile.get(file.file)
    const parts: string[] = []
    if (result?.checklist) parts.push(`**${messages.format('plan.file.checklist')}**`, '', checklistTable(result.checklist, messages), '')
    const picture = renderSupportPicture(result?.support ?? [], { messages })
    if (picture) parts.push(picture)
    return parts.length > 0 ? parts.join('\n').trimEnd() : undefined
  }
}
