import { spawnSync } from 'node:child_process'
import { findChromium } from '../../../../src/core/export/chromium'

/** poppler-utils reads back what Chromium printed. */
function run(tool: string, args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${r.stderr}`)
  return r.stdout
}

/** Why the PDF tests cannot run here, or null when they can. */
export function whyNoPdfTests(): string | null {
  try {
    findChromium()
  } catch (err) {
    return `no Chromium (${err instanceof Error ? err.message : String(err)})`
  }
  for (const tool of ['pdftotext', 'pdfinfo', 'pdffonts']) {
    if (spawnSync(tool, ['-v']).error) return `${tool} (poppler-utils) is not installed`
  }
  return null
}

export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
  return run('pdftotext', [...range, '-enc', 'UTF-8', file, '-'])
}

/** Page count and page size in points, as pdfinfo reads them. */
export function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const out = run('pdfinfo', [file])
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1])
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out)
  return { pages, width: Math.round(Number(size?.[1])), height: Math.round(Number(size?.[2])) }
}

/** Each font of the PDF with whether it is embedded, as pdffonts lists them. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  const lines = run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/)
    // name type… encoding emb sub uni object-id generation: emb is the fifth from the end.
    return { name: cols[0]!, embedded: cols.at(-5) === 'yes' }
  })
}
