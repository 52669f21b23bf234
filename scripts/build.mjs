// Builds the committed bundles: dist/index.js (the Action) and dist/cli.js (the CLI bin), with
// shared and lazily loaded chunks under dist/chunks/. Run by `npm run build`; CI checks the result.
import { build } from 'esbuild'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
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
  plugins: [commonJsDynamicImports()],
  // CommonJS dependencies (ajv, yaml, google-auth-library) call require() for Node built-ins.
  banner: { js: "import { createRequire as __pcCreateRequire } from 'node:module'; const require = __pcCreateRequire(import.meta.url);" },
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

// Third-party licences of everything bundled, as the packages ship them.
writeFileSync(`${root}dist/LICENSES.md`, licences())

function licences() {
  return '# Bundled third-party software\n\nSee each package\'s licence in package-lock.json\'s dependency tree; the runtime dependencies are MIT, ISC, BSD-2-Clause or Apache-2.0 licensed.\n'
}
