// Strict byte-to-text decoding: UTF-8 only (a BOM is fine), and the offset of the first bad byte when not.

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'utf-16' | 'invalid-utf-8'; byteOffset: number }

export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, reason: 'utf-16', byteOffset: 0 }
  }
  try {
    return { ok: true, text: decoder.decode(bytes) }
  } catch {
    return { ok: false, reason: 'invalid-utf-8', byteOffset: firstInvalidUtf8Offset(bytes) }
  }
}

/** TextDecoder says that the bytes are bad, not where; this finds where, to point at the line. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    let extra: number
    let min: number
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) [extra, min] = [1, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [extra, min] = [2, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [extra, min] = [3, 0x10000]
    else return i
    let cp = b & (0x3f >> extra)
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += extra + 1
  }
  return bytes.length
}

/** 1-based line and column of a byte offset, counting columns in characters of the valid prefix. */
export function bytePosition(bytes: Uint8Array, byteOffset: number): { line: number; column: number } {
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, byteOffset))
  const lines = prefix.split('\n')
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 }
}
