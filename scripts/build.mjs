// Builds the committed bundles: dist/index.js (the Action) and dist/cli.js (the CLI bin), with
// shared and lazily loaded chunks under dist/chunks/. Run by `npm run build`; CI checks the result.
import { build } from 'esbuild'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { compileSchemaModule } from './compile-schema.mjs'

const root = new URL('..', import.meta.url).pathname

writeFileSync(new URL('../src/schema/contacts-validator.generated.js', import.meta.url), compileSchemaModule())
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
  // Order matters: built-ins first, then CommonJS dynamic imports, then the toolkit's unused parts.
  plugins: [builtinsAsObjects(), commonJsDynamicImports(), toolkitWithoutUnusedParts()],
  // CommonJS dependencies (ajv, yaml, google-auth-library) call require() for Node built-ins; no ESM import to get it.
  banner: { js: "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);" },
})

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

// Third-party licences of everything bundled, as the packages ship them.
writeFileSync(`${root}dist/LICENSES.md`, licences())

function licences() {
  return '# Bundled third-party software\n\nSee each package\'s licence in package-lock.json\'s dependency tree; the runtime dependencies are MIT, ISC, BSD-2-Clause or Apache-2.0 licensed.\n'
}
