// Builds the committed bundles: dist/index.js (the Action) and dist/cli.js (the CLI bin), with
// shared and lazily loaded chunks under dist/chunks/. Run by `npm run build`; CI checks the result.
import { build } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { compileSchemaModule } from './compile-schema.mjs'

const root = new URL('..', import.meta.url).pathname

writeFileSync(new URL('../src/schema/contacts-validator.generated.js', import.meta.url), compileSchemaModule())
await writeConfigSchema()
rmSync(`${root}dist`, { recursive: true, force: true })

/**
 * Two builds, one per entry point: the CLI and the Action share no chunks. Built together, esbuild splits every module
 * that the two entries and their lazy modes reach in different combinations into a chunk of its own, and a cold
 * `validate` loaded 30 modules; built apart, 20, and Node's per-module cost (resolve, read, compile, link) went with
 * them: ~20 ms of CPU at start (docs/benchmarks.md). The price is bytes on disk for code both carry.
 */
const OPTIONS = {
  absWorkingDir: root,
  metafile: true,
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
  // Order matters: built-ins first, then CommonJS dynamic imports, then the toolkit's unused parts.
  plugins: [builtinsAsObjects(), precompiledCatalogues(), commonJsDynamicImports(), toolkitWithoutUnusedParts()],
  // CommonJS dependencies (ajv, yaml, google-auth-library) call require() for Node built-ins; no ESM import to get it.
  banner: { js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);" },
}
const results = await Promise.all([build({ ...OPTIONS, entryPoints: { index: 'src/action/index.ts' } }), build({ ...OPTIONS, entryPoints: { cli: 'src/cli/index.ts' } })])

// Third-party licences of everything bundled (MIT, ISC, BSD and Apache-2.0 require the text to travel with the code).
writeFileSync(`${root}dist/LICENSES.md`, licences({ inputs: Object.assign({}, ...results.map((r) => r.metafile.inputs)) }))

/**
 * The message catalogues ship parsed: each ICU text becomes the AST intl-messageformat would build from it at run time
 * (formatjs's own advice for start-up), and intl-messageformat gets the parser-less build of
 * @formatjs/icu-messageformat-parser, so a run pays neither the parser's ~35 kB nor a parse per message. Only a
 * partner's override catalogue is text at run time; src/i18n/catalogue.ts loads the real parser for it, as its own chunk.
 */
function precompiledCatalogues() {
  const require = createRequire(import.meta.url)
  return {
    name: 'precompiled-catalogues',
    setup(b) {
      b.onResolve({ filter: /^@formatjs\/icu-messageformat-parser$/ }, (args) =>
        /[\\/]node_modules[\\/]intl-messageformat[\\/]/.test(args.importer) ? { path: require.resolve('@formatjs/icu-messageformat-parser/no-parser.js'), sideEffects: false } : undefined,
      )
      b.onLoad({ filter: /[\\/]src[\\/]i18n[\\/]catalogues[\\/][^\\/]+\.json$/ }, async (args) => {
        const { parse } = await import('@formatjs/icu-messageformat-parser')
        const locale = new Intl.Locale(args.path.replace(/^.*[\\/]|\.json$/g, ''))
        const texts = JSON.parse(readFileSync(args.path, 'utf8'))
        // The same options as Messages' compile(): tags are text, and the locale the run formats in.
        const asts = Object.fromEntries(Object.entries(texts).map(([id, text]) => [id, parse(text, { ignoreTag: true, locale })]))
        // JSON.parse of one string starts faster than the same data as an object literal (V8's advice above ~10 kB).
        return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(asts))})`, loader: 'js' }
      })
    },
  }
}

/**
 * With code splitting, esbuild gives `await import('a-commonjs-package')` a namespace with only `default`
 * (evanw/esbuild#3245), unlike Node, which also offers the named exports. Both our lazy
 * `import('google-auth-library')` and gaxios's `import('https-proxy-agent')` (used when HTTPS_PROXY is set) read
 * named exports, so each dynamic import of a CommonJS package goes through a small ES module that re-exports the
 * package's names, read from the package itself at build time; esbuild converts that static import correctly.
 */
function commonJsDynamicImports() {
  return {
    name: 'commonjs-dynamic-imports',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData === 'inner') return undefined
        const resolved = await build.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, pluginData: 'inner' })
        if (resolved.errors.length > 0 || !isCommonJs(resolved.path)) return undefined
        // A path relative to the repository, so the bundle is the same on every machine.
        return { path: relative(root, resolved.path), namespace: 'commonjs-dynamic-import' }
      })
      build.onLoad({ filter: /.*/, namespace: 'commonjs-dynamic-import' }, (args) => {
        const file = join(root, args.path)
        const names = Object.keys(createRequire(file)(file)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default')
        const path = JSON.stringify(file)
        return {
          contents: `import * as lib from ${path}\nexport default lib.default\nexport const { ${names.join(', ')} } = lib\n`,
          resolveDir: dirname(file),
        }
      })
    },
  }
}

/** Whether Node would load this file as CommonJS: `.cjs`, or `.js` in a package without `"type": "module"`. */
function isCommonJs(path) {
  if (path.endsWith('.cjs')) return true
  if (!path.endsWith('.js')) return false
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).type !== 'module'
    } catch {
      // no package.json here: look further up
    }
  }
  return true
}

/**
 * `@actions/core` re-exports `getIDToken` (through its OIDC client, @actions/http-client and undici) and `platform`
 * (through @actions/exec). We call neither, but as those modules may have side effects esbuild keeps them, and every
 * mode, validate included, paid about 37 ms to load undici. They are side-effect free (they declare classes and
 * functions), so marking them so lets esbuild drop them when nothing uses them — the toolkit itself stays as published.
 */
function toolkitWithoutUnusedParts() {
  const pure = /[\\/]node_modules[\\/](@actions[\\/](http-client|exec|io)|undici|tunnel)[\\/]|[\\/]@actions[\\/]core[\\/]lib[\\/](oidc-utils|platform)\.js$/
  return {
    name: 'toolkit-without-unused-parts',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.pureDone) return undefined
        const result = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { pureDone: true } })
        if (result.errors.length > 0 || !pure.test(result.path)) return undefined
        return { ...result, sideEffects: false }
      })
    },
  }
}

/**
 * `import { x } from 'node:util'` makes Node build an ES module facade of the built-in, which reads every export —
 * and so loads every lazily loaded part (util: parseArgs, diff, colors, worker…). Measured alone: importing node:util
 * that way costs a third of a `node -e 0`. Instead each built-in becomes a module of our own that takes the plain object
 * from `process.getBuiltinModule()` and exports each name as a pure read, so esbuild keeps only the names in use.
 */
function builtinsAsObjects() {
  const names = new Set(builtinModules.filter((m) => !m.startsWith('_')).flatMap((m) => [m, `node:${m}`]))
  const require = createRequire(import.meta.url)
  return {
    name: 'builtins-as-objects',
    setup(b) {
      b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) =>
        (args.kind === 'import-statement' || args.kind === 'dynamic-import') && names.has(args.path) ? { path: args.path.replace(/^(node:)?/, 'node:'), namespace: 'builtin', sideEffects: false } : undefined,
      )
      b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
        const exported = Object.keys(require(args.path)).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default')
        const lines = [`const m = process.getBuiltinModule(${JSON.stringify(args.path)})`, 'export default m']
        for (const k of exported) lines.push(`export const ${k} = /* @__PURE__ */ (() => m.${k})()`)
        return { contents: lines.join('\n'), loader: 'js' }
      })
    },
  }
}


/**
 * dist/LICENSES.md from esbuild's metafile: every package one of whose files went into the bundle,
 * with its licence text as the package ships it.
 */
function licences(metafile) {
  const packages = new Map()
  for (const input of Object.keys(metafile.inputs)) {
    // The innermost node_modules/<name> or node_modules/@scope/<name> of the input's path.
    // Inputs a plugin loads carry its namespace (`commonjs-dynamic-import:node_modules/…`).
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/^[\w-]+:/, ''))
    if (!match) continue
    const dir = match[1].startsWith('/') ? match[1] : `${root}${match[1]}`
    if (packages.has(dir)) continue
    const pkg = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'))
    packages.set(dir, pkg)
  }
  const sections = [...packages]
    .map(([dir, pkg]) => ({ dir, name: pkg.name, version: pkg.version, license: typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see text') }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version, undefined, { numeric: true }))
    .map(({ dir, name, version, license }) => {
      const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|-|$)/i.test(f))
      const text = file ? readFileSync(`${dir}/${file}`, 'utf8').replace(/\r\n?/g, '\n').trim() : (readmeLicence(dir) ?? `(The package ships no licence text; its package.json says ${license}.)`)
      return `## ${name} ${version}\n\nLicence: ${license}\n\n\`\`\`\`text\n${text}\n\`\`\`\`\n`
    })
  const header = `# Third-party software in this bundle\n\nThe files in dist/ contain code from these ${sections.length} packages. Generated by scripts/build.mjs from esbuild's metafile; do not edit.\n\n`
  return header + sections.join('\n')
}

/** Some packages carry their licence only as the README's "License" section. */
function readmeLicence(dir) {
  const readme = readdirSync(dir).find((f) => /^readme(\.md)?$/i.test(f))
  if (!readme) return undefined
  const lines = readFileSync(`${dir}/${readme}`, 'utf8').split('\n')
  const start = lines.findIndex((l) => /^(#{1,6}\s*)?licen[cs]e\s*$/i.test(l.trim()))
  if (start < 0) return undefined
  let i = start + 1
  if (/^[-=]{3,}\s*$/.test(lines[i] ?? '')) i++
  const body = []
  for (; i < lines.length; i++) {
    if (/^#{1,6}\s/.test(lines[i]) || /^[-=]{3,}\s*$/.test(lines[i + 1] ?? '')) break
    body.push(lines[i])
  }
  const text = body.join('\n').trim()
  return text ? `(From the package's README.)\n\n${text}` : undefined
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
