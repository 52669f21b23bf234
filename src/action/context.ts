// What every mode of the Action works from: the checked inputs, the workspace, the merged rule config and the report path.
import type { RulesConfig } from '../config/config.js'
import type { Messages } from '../i18n/messages.js'
import type { ActionInputs, Mode } from './inputs.js'

export interface ActionContext {
  inputs: ActionInputs
  mode: Mode
  /** `GITHUB_WORKSPACE`: files, globs and `.partner-contacts.yaml` resolve against it. */
  workspace: string
  env: NodeJS.ProcessEnv
  config: RulesConfig
  /** Where the JSON report (SPEC §8) is written; the `report` output names it. */
  reportPath: string
  /** The language of comments, summaries, annotations and issues: the `language` input, else `language:` in the config. */
  messages: Messages
}
