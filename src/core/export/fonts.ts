import { readFileSync } from 'node:fs'
import { requireAtRuntime } from '../runtime-require'
import { dirname, join } from 'node:path'
import { ArchiveError } from '../errors'

/**
 * The report's typefaces, bundled from npm so a PDF looks the same on every machine: Literata
 * for Latin (and Greek, Cyrillic, Vietnamese) script, Noto Serif SC for Chinese. Each is split
 * by fontsource into unicode-range subsets; a report carries, inlined as data: URLs, only the
 * subsets its own text needs, so the HTML is one self-contained file and a Chinese report does
 * not carry the 100-odd subsets of the whole of Chinese.
 */

/** How text is set: the template says which of its strings go in which style. */
export interface FontText {
  regular: string
  bold?: string
  italic?: string
}

/** The CSS font-family list the template sets every text in: Latin first, then Chinese. */
export const REPORT_FONT_STACK = "'Literata', 'Noto Serif SC', serif"

export interface FontSubset {
  family: string
  style: 'normal' | 'italic'
  weight: number
  file: string
  /** Sorted [first, last] code point pairs. */
  ranges: [number, number][]
}

type Style = keyof FontText

/** Per style, the faces to try in order; the first whose subsets cover a character wins. */
const FACES: Record<Style, { pkg: string; css: string }[]> = {
  regular: [
    { pkg: '@fontsource/literata', css: '400.css' },
    { pkg: '@fontsource/noto-serif-sc', css: '400.css' },
  ],
  bold: [
    { pkg: '@fontsource/literata', css: '700.css' },
    { pkg: '@fontsource/noto-serif-sc', css: '700.css' },
  ],
  // Chinese has no italic: Chromium slants the upright face where a Chinese word is emphasised.
  italic: [
    { pkg: '@fontsource/literata', css: '400-italic.css' },
    { pkg: '@fontsource/noto-serif-sc', css: '400.css' },
  ],
}

const packageDirs = new Map<string, string>()
const parsed = new Map<string, FontSubset[]>()
const dataUrls = new Map<string, string>()

/**
 * Where a fontsource package is installed. The CLI, the browser host and the app are bundled
 * into out/…, so a path relative to this source file means nothing at run time: ask Node's
 * resolver from where the running entry point says (see runtime-require.ts).
 */
export function fontPackageDir(pkg: string): string {
  const known = packageDirs.get(pkg)
  if (known) return known
  try {
    const dir = dirname(requireAtRuntime().resolve(`${pkg}/package.json`))
    packageDirs.set(pkg, dir)
    return dir
  } catch {
    // Said below, in words a person can act on.
  }
  throw new ArchiveError(
    'not-found',
    `The report fonts (${pkg}) are missing from this installation of Press Archive; reinstall it to export reports.`,
  )
}

/** The woff2 subsets of one fontsource CSS file, with the code points each covers. */
export function parseFontsourceCss(css: string): FontSubset[] {
  const out: FontSubset[] = []
  for (const block of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const body = block[1] ?? ''
    const family = /font-family:\s*'([^']+)'/.exec(body)?.[1]
    const style = /font-style:\s*(\w+)/.exec(body)?.[1] === 'italic' ? 'italic' : 'normal'
    const weight = Number(/font-weight:\s*(\d+)/.exec(body)?.[1] ?? 400)
    const file = /url\(([^)]+\.woff2)\)/.exec(body)?.[1]
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1]
    if (!family || !file) continue
    out.push({
      family,
      style,
      weight,
      file,
      ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]],
    })
  }
  return out
}

/** `U+0-FF,U+131,U+4??` as sorted code point intervals. */
export function parseUnicodeRange(value: string): [number, number][] {
  const ranges: [number, number][] = []
  for (const part of value.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part)
    if (!m) continue
    const first = m[1]!
    if (first.includes('?')) {
      ranges.push([
        parseInt(first.replace(/\?/g, '0'), 16),
        parseInt(first.replace(/\?/g, 'f'), 16),
      ])
    } else {
      const start = parseInt(first, 16)
      ranges.push([start, m[2] ? parseInt(m[2], 16) : start])
    }
  }
  return ranges.sort((a, b) => a[0] - b[0])
}

function covers(subset: FontSubset, cp: number): boolean {
  for (const [a, b] of subset.ranges) {
    if (cp < a) return false
    if (cp <= b) return true
  }
  return false
}

function subsetsOf(pkg: string, css: string): { dir: string; subsets: FontSubset[] } {
  const dir = fontPackageDir(pkg)
  const key = join(dir, css)
  let subsets = parsed.get(key)
  if (!subsets) {
    subsets = parseFontsourceCss(readFileSync(key, 'utf8'))
    parsed.set(key, subsets)
  }
  return { dir, subsets }
}

function dataUrl(path: string): string {
  let url = dataUrls.get(path)
  if (!url) {
    url = `data:font/woff2;base64,${readFileSync(path).toString('base64')}`
    dataUrls.set(path, url)
  }
  return url
}

/**
 * @font-face rules, with the fonts inline, for exactly the subsets `text` needs. A character
 * goes to the first face (Literata, then Noto Serif SC) that has it; a character no face has
 * is left to the system's fonts. The Latin subset of the regular face is always included, so
 * page furniture (numbers, punctuation) never falls back.
 */
export function fontFaceCss(text: FontText): string {
  const rules: string[] = []
  const emitted = new Set<string>()
  for (const style of ['regular', 'bold', 'italic'] as const) {
    const wanted = text[style] ?? ''
    if (style !== 'regular' && wanted === '') continue
    const faces = FACES[style].map((f) => subsetsOf(f.pkg, f.css))
    const chosen = new Set<string>()
    const seen = new Set<number>()
    const consider = (cp: number) => {
      if (seen.has(cp)) return
      seen.add(cp)
      for (const face of faces) {
        const subset = face.subsets.find((s) => covers(s, cp))
        if (subset) {
          chosen.add(join(face.dir, subset.file))
          return
        }
      }
    }
    if (style === 'regular') for (const ch of 'page 0123456789') consider(ch.codePointAt(0)!)
    for (const ch of wanted) {
      const cp = ch.codePointAt(0)!
      // Line breaks and other controls are never drawn.
      if (cp > 0x20) consider(cp)
    }
    for (const face of faces) {
      for (const s of face.subsets) {
        const path = join(face.dir, s.file)
        if (!chosen.has(path) || emitted.has(path)) continue
        emitted.add(path)
        rules.push(
          `@font-face{font-family:'${s.family}';font-style:${s.style};font-weight:${s.weight};` +
            `font-display:block;src:url(${dataUrl(path)}) format('woff2');` +
            `unicode-range:${s.ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',')}}`,
        )
      }
    }
  }
  return rules.join('\n')
}

function hex(n: number): string {
  return n.toString(16)
}
