import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, SAMPLE_DIR } from '../../support/paths'
import { tempDir } from '../../support/tmp'
import { pdfInfo, pdfText, whyNoPdfTests } from '../core/export/pdf-tools'

function cli(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** An archive of the seed article and two small ones, one of them tagged "Evil" (read only). */
let shared = ''

function archive(): { dir: string; archive: string } {
  return { dir: tempDir(), archive: shared }
}

beforeAll(() => {
  shared = mkdtempSync(join(tmpdir(), 'press-archive-export-cli-'))
  const src = join(shared, 'in')
  mkdirSync(src)
  copyFileSync(join(SAMPLE_DIR, '000_23479a12e8a3a472.txt'), join(src, 'seed.txt'))
  writeFileSync(
    join(src, 'evil.txt'),
    'Evil <script>alert(1)</script>\nA <img src=x onerror=alert(2)> here.\n',
  )
  writeFileSync(join(src, 'port.txt'), 'Ports are busier\nMore ships came.\n')
  shared = join(shared, 'A')
  expect(cli(['import', shared, src]).code).toBe(0)
  expect(cli(['themes', shared, '--add', 'Evil']).code).toBe(0)
  expect(cli(['tag', shared, '--query', 'evil', '--theme', 'Evil']).code).toBe(0)
})

afterAll(() => {
  if (shared) rmSync(join(shared, '..'), { recursive: true, force: true })
})

const why = whyNoPdfTests()
if (why) console.log(`skipped: press-archive export to PDF — ${why}`)

describe('press-archive export (spawned)', () => {
  it.skipIf(why !== null)(
    'exports the seed to an A4 PDF and says what it wrote',
    () => {
      const { dir, archive: path } = archive()
      const out = join(dir, 'seed report.pdf')
      const r = cli(['export', path, '--out', out, '--query', 'ministry'])
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      const { pages, width, height } = pdfInfo(out)
      expect(r.stdout).toMatch(
        new RegExp(
          `^Wrote .*seed report\\.pdf: 1 article\\(s\\), ${pages} page\\(s\\), \\d+ KB\\.\\n$`,
        ),
      )
      expect([width, height]).toEqual([596, 843])
      const text = pdfText(out).replace(/\s+/g, ' ')
      expect(text).toContain('Ministry of Education: China and 58 countries')
      expect(text).toContain('decision-making')
      expect(text).not.toContain('- END -')
    },
    90_000,
  )

  it.skipIf(why !== null)(
    'takes the title, page size, text and scope it is given, and prints markup literally',
    () => {
      const { dir, archive: path } = archive()
      const out = join(dir, 'evil.pdf')
      const r = cli([
        'export',
        path,
        '--out',
        out,
        '--theme',
        'evil',
        '--title',
        'Dangerous <b>texts</b>',
        '--page-size',
        'Letter',
        '--text',
        'both',
        '--footer',
        'Desk',
        '--json',
      ])
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      expect(JSON.parse(r.stdout)).toMatchObject({ file: out, format: 'pdf', articles: 1 })
      const { width, height } = pdfInfo(out)
      expect([width, height]).toEqual([612, 792])
      const text = pdfText(out).replace(/\s+/g, ' ')
      expect(text).toContain('Dangerous <b>texts</b>')
      expect(text).toContain('Evil <script>alert(1)</script>')
      expect(text).toContain('A <img src=x onerror=alert(2)> here.')
      expect(text).toContain('Desk · page 1 of')
    },
    90_000,
  )

  it('writes one self-contained HTML file when --out ends in .html, markup escaped', () => {
    const { dir, archive: path } = archive()
    const out = join(dir, 'report.html')
    const r = cli(['export', path, '--out', out, '--no-metadata', '--flags'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/: 3 article\(s\), \d+ KB\.\n$/)
    const html = readFileSync(out, 'utf8')
    expect(html).not.toMatch(/<script|<img|src=["']?(https?:|\/\/)/i)
    expect(html).toContain('Evil &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('src:url(data:font/woff2;base64,')
    expect(html).not.toContain('<dl class="meta">')
    expect(html).toContain('Open review flags')
  })

  it('fails in plain words, with no file left at --out', () => {
    const { dir, archive: path } = archive()
    const out = join(dir, 'out', 'x.pdf')
    mkdirSync(join(dir, 'out'))

    const empty = cli(['export', path, '--out', out, '--query', 'no such words'])
    expect(empty.code).toBe(1)
    expect(empty.stderr).toMatch(/^press-archive export: No articles match/)

    const noChromium = cli(['export', path, '--out', out], {
      ...process.env,
      CHROMIUM_PATH: join(dir, 'missing-chromium'),
    })
    expect(noChromium.code).toBe(1)
    expect(noChromium.stderr).toMatch(
      /CHROMIUM_PATH names .*missing-chromium, which does not exist/,
    )

    const badSize = cli(['export', path, '--out', out, '--page-size', 'A3'])
    expect(badSize.code).toBe(2)
    expect(badSize.stderr).toMatch(/--page-size takes A4 or Letter/)

    const both = cli(['export', path, '--out', out, '--id', 'abcd', '--query', 'x'])
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/at most one of --id, --query and --theme/)

    expect(cli(['export', path]).stderr).toMatch(/--out FILE is required/)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(join(dir, 'out'))).toEqual([])
  }, 90_000)
})
