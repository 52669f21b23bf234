// mode: drift — being built (issue #6); until then the Action says so and fails the step.
import { ConfigError } from '../config/config.js'
import type { ActionContext } from './context.js'

export async function runDrift(_ctx: ActionContext): Promise<void> {
  throw new ConfigError('mode "drift" is not available in this version')
}
