// yaml-language-server (the server behind VS Code's YAML extension and most editors' YAML support),
// spoken to over LSP on stdio, as an editor does: open a document, ask for completion, hover, diagnostics.
import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node'

const require = createRequire(import.meta.url)
const SERVER = require.resolve('yaml-language-server/bin/yaml-language-server')

export interface Position {
  line: number
  character: number
}

export interface CompletionItem {
  label: string
  insertText?: string
  textEdit?: { newText: string }
  kind?: number
}

export interface Diagnostic {
  message: string
  range: { start: Position; end: Position }
  severity?: number
}

export class YamlLanguageServer {
  private version = 0
  private readonly diagnostics = new Map<string, { version: number; items: Diagnostic[] }>()
  private readonly waiters: Array<() => void> = []

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: MessageConnection,
  ) {}

  static async start(rootDir: string): Promise<YamlLanguageServer> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] })
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
    const server = new YamlLanguageServer(child, connection)
    const settings = { yaml: { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false } } }
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => (item.section === 'yaml' ? settings.yaml : item.section ? null : settings)),
    )
    connection.onRequest('client/registerCapability', () => null)
    connection.onRequest('window/workDoneProgress/create', () => null)
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      server.diagnostics.set(p.uri, { version: p.version ?? -1, items: p.diagnostics })
      for (const wake of server.waiters.splice(0)) wake()
    })
    connection.listen()
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootDir).href,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { versionSupport: true },
        },
      },
    })
    await connection.sendNotification('initialized', {})
    await connection.sendNotification('workspace/didChangeConfiguration', { settings })
    return server
  }

  /** Opens (or replaces) a document; the modeline in `text` names its schema. */
  async open(path: string, text: string): Promise<string> {
    const uri = pathToFileURL(path).href
    this.version++
    this.diagnostics.delete(uri)
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: this.version, text } })
    return uri
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = await this.connection.sendRequest<{ items: CompletionItem[] } | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position })
    return Array.isArray(result) ? result : (result?.items ?? [])
  }

  async hover(uri: string, position: Position): Promise<string> {
    const result = await this.connection.sendRequest<{ contents: { value: string } | string } | null>('textDocument/hover', { textDocument: { uri }, position })
    if (!result) return ''
    return typeof result.contents === 'string' ? result.contents : result.contents.value
  }

  /** The diagnostics the server publishes for `uri` after it was opened. */
  async diagnosticsOf(uri: string, timeoutMs = 15_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs
    while (!this.diagnostics.has(uri)) {
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 200)
      })
    }
    return this.diagnostics.get(uri)!.items
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))])
      await this.connection.sendNotification('exit')
    } catch {
      // the server may already be gone
    }
    this.connection.dispose()
    this.child.kill()
  }
}

/** The LSP position of the end of the first line containing `needle` (0-based, as LSP counts). */
export function positionAfter(text: string, needle: string): Position {
  const index = text.indexOf(needle)
  if (index < 0) throw new Error(`"${needle}" is not in the document`)
  const before = text.slice(0, index + needle.length)
  const line = before.split('\n').length - 1
  return { line, character: before.length - before.lastIndexOf('\n') - 1 }
}
