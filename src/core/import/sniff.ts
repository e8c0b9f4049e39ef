/**
 * Tells text files from everything else before the importer tries to decode them, so a PNG
 * renamed to .txt is refused with a reason a person understands instead of being stored as an
 * "article" full of garbage.
 */

/** How much of a file is looked at: enough to be sure, small enough for 100k files. */
export const SNIFF_BYTES = 8192

interface Magic {
  /** Offset of the signature in the file. */
  at: number
  bytes: readonly number[]
  /** Extra check for formats whose signature alone is too short to trust. */
  also?: (b: Uint8Array) => boolean
  reason: string
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0))

const startsWithAt = (b: Uint8Array, at: number, sig: readonly number[]): boolean => {
  if (b.length < at + sig.length) return false
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false
  return true
}

// Only signatures long or distinctive enough that no plain-text file starts with them.
const MAGICS: readonly Magic[] = [
  {
    at: 0,
    bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    reason: 'a PNG image, not a text file',
  },
  { at: 0, bytes: [0xff, 0xd8, 0xff], reason: 'a JPEG image, not a text file' },
  { at: 0, bytes: ascii('GIF87a'), reason: 'a GIF image, not a text file' },
  { at: 0, bytes: ascii('GIF89a'), reason: 'a GIF image, not a text file' },
  {
    at: 0,
    bytes: ascii('RIFF'),
    also: (b) => startsWithAt(b, 8, ascii('WEBP')),
    reason: 'a WebP image, not a text file',
  },
  {
    at: 0,
    bytes: ascii('RIFF'),
    also: (b) => startsWithAt(b, 8, ascii('WAVE')) || startsWithAt(b, 8, ascii('AVI ')),
    reason: 'an audio or video file (RIFF), not a text file',
  },
  { at: 0, bytes: [0x49, 0x49, 0x2a, 0x00], reason: 'a TIFF image, not a text file' },
  { at: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a], reason: 'a TIFF image, not a text file' },
  {
    at: 0,
    bytes: ascii('%PDF-'),
    reason: 'a PDF document, not a text file (copy its text out of a PDF reader first)',
  },
  {
    at: 0,
    bytes: [0x50, 0x4b, 0x03, 0x04],
    reason: 'a ZIP archive (also .docx/.epub/.odt), not a text file (unpack it or save it as .txt)',
  },
  {
    at: 0,
    bytes: [0x50, 0x4b, 0x05, 0x06],
    reason: 'an empty ZIP archive, not a text file',
  },
  {
    at: 0,
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    reason: 'a Microsoft Office document (.doc/.xls), not a text file (save it as .txt first)',
  },
  {
    at: 0,
    bytes: [0x1f, 0x8b],
    reason: 'a gzip-compressed file, not a text file (unpack it first)',
  },
  {
    at: 0,
    bytes: ascii('BZh'),
    also: (b) => startsWithAt(b, 4, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59]),
    reason: 'a bzip2-compressed file, not a text file (unpack it first)',
  },
  {
    at: 0,
    bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
    reason: 'an xz-compressed file, not a text file (unpack it first)',
  },
  {
    at: 0,
    bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
    reason: 'a 7-Zip archive, not a text file (unpack it first)',
  },
  {
    at: 0,
    bytes: ascii('Rar!\x1a\x07'),
    reason: 'a RAR archive, not a text file (unpack it first)',
  },
  { at: 0, bytes: ascii('SQLite format 3\0'), reason: 'an SQLite database, not a text file' },
  { at: 0, bytes: [0x7f, 0x45, 0x4c, 0x46], reason: 'a program (ELF executable), not a text file' },
  { at: 4, bytes: ascii('ftyp'), reason: 'a video or audio file (MP4/MOV), not a text file' },
]

/**
 * Returns why `bytes` are not a text file ("a PNG image, not a text file"), or null when they
 * look like text in any encoding the decoder reads. Only the first {@link SNIFF_BYTES} are
 * examined, so this stays cheap on large imports. UTF-16 is text even though it holds NUL bytes.
 */
export function sniffBinary(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, SNIFF_BYTES)
  for (const m of MAGICS) {
    if (startsWithAt(head, m.at, m.bytes) && (m.also === undefined || m.also(head))) return m.reason
  }
  // A UTF-16 byte order mark is a declaration of text; its NULs are half of every ASCII letter.
  if (hasUtf16Bom(head)) return null
  if (head.indexOf(0) !== -1) {
    return utf16ByNulPattern(head) === null
      ? 'binary data (contains NUL bytes), not a text file'
      : null
  }
  if (controlShare(head) > 0.1) return 'binary data (mostly control characters), not a text file'
  return null
}

/** True when the bytes open with the UTF-16 LE (FF FE) or BE (FE FF) byte order mark. */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  const a = bytes[0]
  const b = bytes[1]
  return (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)
}

/** Printable ASCII and the usual whitespace: what the other half of a `00 XX` unit holds in text. */
const isAsciiTextByte = (c: number): boolean =>
  (c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d

/**
 * Code units that occur in real text: printable ASCII and whitespace, Latin, Greek, Cyrillic,
 * Hebrew, Arabic, Thai, punctuation and symbols, CJK, Hangul, surrogates, full-width forms. Used
 * to tell BOM-less UTF-16 from binary data whose NULs happen to fall on one parity.
 */
function isTextUnit(u: number): boolean {
  if (u < 0x80) return (u >= 0x20 && u < 0x7f) || u === 0x09 || u === 0x0a || u === 0x0d
  return (
    (u >= 0xa0 && u < 0x530) ||
    (u >= 0x590 && u < 0x700) ||
    (u >= 0xe00 && u < 0xe80) ||
    (u >= 0x2000 && u < 0x2c00) ||
    (u >= 0x3000 && u < 0xa000) ||
    (u >= 0xac00 && u < 0xe000) ||
    (u >= 0xf900 && u < 0xfb00) ||
    (u >= 0xfe30 && u < 0xfe50) ||
    (u >= 0xff00 && u < 0xfff0)
  )
}

/**
 * Recognises UTF-16 without a byte order mark by where its NUL bytes sit: in text, ASCII
 * characters become `XX 00` (LE) or `00 XX` (BE), so the NULs line up on one parity, their
 * partner bytes are printable ASCII, and the code units as a whole look like text. Returns
 * the byte order, or null. Text without a single ASCII character cannot be recognised this way.
 */
export function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1
  let evenNul = 0
  let oddNul = 0
  let doubleNul = 0
  let partnerText = 0
  let leText = 0
  let beText = 0
  for (let i = 0; i < n; i += 2) {
    const a = bytes[i] as number
    const b = bytes[i + 1] as number
    if (a === 0 && b === 0) doubleNul++
    else if (b === 0) {
      oddNul++
      if (isAsciiTextByte(a)) partnerText++
    } else if (a === 0) {
      evenNul++
      if (isAsciiTextByte(b)) partnerText++
    }
    if (isTextUnit(a | (b << 8))) leText++
    if (isTextUnit((a << 8) | b)) beText++
  }
  const units = n / 2
  const nul = evenNul + oddNul
  if (nul === 0 || doubleNul > units * 0.01) return null
  const le = oddNul >= evenNul
  const major = le ? oddNul : evenNul
  if (major < nul * 0.9 || partnerText < major * 0.9) return null
  if ((le ? leText : beText) < units * 0.95) return null
  return le ? 'utf-16le' : 'utf-16be'
}

/** Share of bytes that are control characters no text file uses (tab, CR, LF, FF, ESC, ^Z allowed). */
function controlShare(head: Uint8Array): number {
  if (head.length === 0) return 0
  let controls = 0
  for (let i = 0; i < head.length; i++) {
    const c = head[i] as number
    if (
      c < 0x20 &&
      c !== 0x09 &&
      c !== 0x0a &&
      c !== 0x0d &&
      c !== 0x0c &&
      c !== 0x1b &&
      c !== 0x1a
    )
      controls++
  }
  return controls / head.length
}
