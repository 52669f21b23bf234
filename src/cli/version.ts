// The package version, read from package.json at build time so reports and SARIF name it.
import pkg from '../../package.json' with { type: 'json' }

export const VERSION: string = pkg.version
