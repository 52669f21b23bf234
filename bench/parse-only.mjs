// The bulk floor: read every file and parse it with `yaml`, nothing else.
import { readFileSync } from 'node:fs'
import { glob } from 'node:fs/promises'
import { parse } from 'yaml'

let n = 0
for await (const file of glob(process.argv[2])) {
  parse(readFileSync(file, 'utf8'))
  n++
}
process.stdout.write(`${n} files parsed\n`)
