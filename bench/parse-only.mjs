// The bulk floor: read each file of a list and parse it with `yaml`, nothing else (no glob, no walk of folders).
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean)
for (const file of files) parse(readFileSync(file, 'utf8'))
process.stdout.write(`${files.length} files parsed\n`)
