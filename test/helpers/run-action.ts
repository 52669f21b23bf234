// Runs the committed bundle as the GitHub runner does: `node dist/index.js` with INPUT_* and GITHUB_* set.
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tempDir } from './temp-dir.js'

export const ACTION_BUNDLE = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

export interface RunActionOptions {
  workspace: string
  inputs: Record<string, string>
  eventName: string
  eventPath: string
  env?: Record<string, string>
}

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const temp = tempDir('pc-runner-')
  const outputFile = join(temp, 'output')
  const summaryFile = join(temp, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? temp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: options.eventPath,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: temp,
    ...options.env,
  }
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const child = spawn(process.execPath, [ACTION_BUNDLE], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') }
}

/**
 * The Action on a `pull_request` event against a stand-in GitHub at `githubUrl`: each call runs the bundle with the
 * plan's usual inputs (`files: partners/*\/contacts.yaml`, a GitHub token) plus `defaults`, then the call's own inputs.
 */
export function pullRequestRunner(workspace: string, eventPath: string, githubUrl: string, defaults: Record<string, string>, env: Record<string, string> = {}) {
  return (inputs: Record<string, string> = {}) =>
    runAction({
      workspace,
      eventName: 'pull_request',
      eventPath,
      inputs: { files: 'partners/*/contacts.yaml', 'github-token': 'ghs_test', ...defaults, ...inputs },
      env: { GITHUB_API_URL: githubUrl, PARTNER_CONTACTS_GITHUB_RETRY_UNIT_MS: '1', ...env },
    })
}

/** GITHUB_OUTPUT holds `name<<delimiter\nvalue\ndelimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (match) {
      const [, name, delimiter] = match as unknown as [string, string, string]
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!)
      outputs[name] = value.join('\n')
    } else if (lines[i]!.includes('=')) {
      const [name, ...rest] = lines[i]!.split('=')
      outputs[name!] = rest.join('=')
    }
  }
  return outputs
}
