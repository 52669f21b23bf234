// mode: apply — being built (issue #6); until then the Action says so and fails the step.
import { ConfigError } from '../config/config.js'
import type { ActionContext } from './context.js'

export async function runApply(_ctx: ActionContext): Promise<void> {
  throw new ConfigError('mode "apply" is not available in this version')
}
