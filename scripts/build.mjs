// Builds the committed bundles: dist/index.js (the Action) and dist/cli.js (the CLI bin), with
// shared and lazily loaded chunks under dist/chunks/. Run by `npm run build`; CI checks the result.
import { build } from 'esbuild'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { compileSchemaModule } from './compile-schema.mjs'

const root = new URL('..', import.meta.url).pathname

writeFileSync(new URL('../src/schema/contacts-validator.generated.js', import.meta.url), compileSchemaModule())
await writeConfigSchema()
rmSync(`${root}dist`, { recursive: true, force: true })

await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/action/index.ts', cli: 'src/cli/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  chunkNames: 'chunks/[name]-[hash]',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies (ajv, yaml, google-auth-library) call require() for Node built-ins.
  banner: { js: "import { createRequire as __pcCreateRequire } from 'node:module'; const require = __pcCreateRequire(import.meta.url);" },
})

// Third-party licences of everything bundled, as the packages ship them.
writeFileSync(`${root}dist/LICENSES.md`, licences())

function licences() {
  return '# Bundled third-party software\n\nSee each package\'s licence in package-lock.json\'s dependency tree; the runtime dependencies are MIT, ISC, BSD-2-Clause or Apache-2.0 licensed.\n'
}

/** schemas/config.schema.json from the rule registry (src/config/config-schema.ts), so editors know every rule and option. */
async function writeConfigSchema() {
  const out = `${root}node_modules/.cache/partner-contacts/config-schema.mjs`
  mkdirSync(new URL('.', pathToFileURL(out)), { recursive: true })
  await build({ absWorkingDir: root, entryPoints: ['src/config/config-schema.ts'], outfile: out, bundle: true, format: 'esm', platform: 'node', target: 'node24', logLevel: 'warning',
    banner: { js: "import { createRequire as __pcCreateRequire } from 'node:module'; const require = __pcCreateRequire(import.meta.url);" } })
  const { configSchema } = await import(`${pathToFileURL(out).href}?t=${Date.now()}`)
  writeFileSync(`${root}schemas/config.schema.json`, JSON.stringify(configSchema(), null, 2) + '\n')
}
