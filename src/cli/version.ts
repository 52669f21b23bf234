// The package version, named in reports and SARIF. A test keeps it equal to package.json's.
export const VERSION = '0.1.0'
