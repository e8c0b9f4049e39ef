import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  FILES_PER_SHARD,
  MAX_BYTES,
  MIN_BYTES,
  createRng,
  generateArticle,
  generateCorpus,
  parseArgs,
  type CorpusStats,
} from '../../../bench/generate'
import { REPO } from '../../support/paths'

/** Temp folders of this file; the corpora are shared by several tests, so removed after all. */
const made: string[] = []
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'press-archive-bench-'))
  made.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

interface CorpusFile {
  /** `000/000123_slug.txt` */
  path: string
  shard: string
  name: string
  index: number
  bytes: Buffer
}

function readCorpus(dir: string): CorpusFile[] {
  const files: CorpusFile[] = []
  for (const shard of readdirSync(dir).sort()) {
    for (const name of readdirSync(join(dir, shard)).sort()) {
      files.push({
        path: `${shard}/${name}`,
        shard,
        name,
        index: Number(name.slice(0, name.indexOf('_'))),
        bytes: readFileSync(join(dir, shard, name)),
      })
    }
  }
  return files.sort((a, b) => a.index - b.index)
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
const CJK = /[\u4e00-\u9fff]/

/** What a file is, judged from its bytes alone (not from the generator's word). */
function kindOf(bytes: Buffer): 'en' | 'zh-utf8' | 'zh-gbk' {
  try {
    return CJK.test(strictUtf8.decode(bytes)) ? 'zh-utf8' : 'en'
  } catch {
    return 'zh-gbk'
  }
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

describe('generateCorpus: determinism', () => {
  it('writes byte-identical corpora for the same seed and count, different ones for another seed', async () => {
    const [a, b, c] = [freshDir(), freshDir(), freshDir()]
    await generateCorpus({ seed: 7, count: 300, dir: a })
    await generateCorpus({ seed: 7, count: 300, dir: b })
    await generateCorpus({ seed: 8, count: 300, dir: c })
    const filesA = readCorpus(a)
    const filesB = readCorpus(b)
    expect(filesA.map((f) => f.path)).toEqual(filesB.map((f) => f.path))
    for (let i = 0; i < filesA.length; i++) {
      expect(filesA[i]?.bytes.equals(filesB[i]?.bytes ?? Buffer.alloc(0))).toBe(true)
    }
    const hashesA = new Set(filesA.map((f) => sha(f.bytes)))
    const shared = readCorpus(c).filter((f) => hashesA.has(sha(f.bytes)))
    expect(shared.length).toBe(0)
  })

  it('generateArticle gives the same article for the same stream', () => {
    const one = generateArticle(createRng(99), 5)
    const two = generateArticle(createRng(99), 5)
    expect(one.name).toBe(two.name)
    expect(Buffer.from(one.bytes).equals(Buffer.from(two.bytes))).toBe(true)
    expect(one.name).toMatch(/^000005_[a-z0-9-]+\.txt$/)
  })

  it('the PRNG is uniform enough and seeds differ', () => {
    const rng = createRng(1)
    const buckets = new Array<number>(10).fill(0)
    for (let i = 0; i < 20_000; i++) {
      const x = rng()
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
      const k = Math.floor(x * 10)
      buckets[k] = (buckets[k] ?? 0) + 1
    }
    for (const n of buckets) expect(Math.abs(n - 2000)).toBeLessThan(200)
    expect(createRng(1)()).not.toBe(createRng(2)())
  })
})

describe('generateCorpus: a corpus of 3,210 files', () => {
  const COUNT = 3210
  let dir = ''
  let stats: CorpusStats
  let files: CorpusFile[] = []
  let english: string[] = []

  beforeAll(async () => {
    dir = freshDir()
    stats = await generateCorpus({ seed: 42, count: COUNT, dir })
    files = readCorpus(dir)
    english = files.filter((f) => kindOf(f.bytes) === 'en').map((f) => f.bytes.toString('utf8'))
  })

  it('writes count files, 1,000 to a shard folder, named index_slug.txt', () => {
    expect(stats.files).toBe(COUNT)
    expect(files.length).toBe(COUNT)
    expect(readdirSync(dir).sort()).toEqual(['000', '001', '002', '003'])
    const perShard = new Map<string, number>()
    files.forEach((f, i) => {
      expect(f.index).toBe(i)
      expect(f.name).toMatch(/^\d{6}_[a-z0-9-]+\.txt$/)
      expect(f.shard).toBe(String(Math.floor(i / FILES_PER_SHARD)).padStart(3, '0'))
      perShard.set(f.shard, (perShard.get(f.shard) ?? 0) + 1)
    })
    expect([...perShard.values()]).toEqual([1000, 1000, 1000, 210])
    expect(stats.bytes).toBe(files.reduce((n, f) => n + f.bytes.length, 0))
    expect(stats.ms).toBeGreaterThan(0)
  })

  it('keeps every file non-empty and within the size range, median near 8 KB', () => {
    const sizes = files.map((f) => f.bytes.length).sort((a, b) => a - b)
    expect(sizes[0]).toBeGreaterThanOrEqual(MIN_BYTES)
    expect(sizes[sizes.length - 1]).toBeLessThanOrEqual(MAX_BYTES)
    const median = sizes[Math.floor(sizes.length / 2)] ?? 0
    expect(median).toBeGreaterThan(6000)
    expect(median).toBeLessThan(10_000)
    expect(sizes.filter((n) => n < 2500).length).toBeGreaterThan(COUNT * 0.03)
    expect(sizes.filter((n) => n > 25_000).length).toBeGreaterThan(0)
  })

  it('has the Chinese and GBK shares asked for, and counts them right', () => {
    const kinds = files.map((f) => kindOf(f.bytes))
    const chinese = kinds.filter((k) => k !== 'en').length
    const gbk = kinds.filter((k) => k === 'zh-gbk').length
    expect(chinese).toBe(stats.chinese)
    expect(gbk).toBe(stats.gbk)
    expect(chinese / COUNT).toBeGreaterThan(0.075)
    expect(chinese / COUNT).toBeLessThan(0.125)
    expect(gbk / chinese).toBeGreaterThan(0.38)
    expect(gbk / chinese).toBeLessThan(0.62)
  })

  it('GBK files decode with iconv-lite into Chinese text, losslessly', () => {
    const gbk = files.filter((f) => kindOf(f.bytes) === 'zh-gbk')
    expect(gbk.length).toBeGreaterThan(0)
    for (const f of gbk) {
      const text = iconv.decode(f.bytes, 'gbk')
      expect(text).toMatch(CJK)
      expect(text).not.toContain('\ufffd')
      expect(text).toMatch(/来源：/)
      expect(iconv.encode(text, 'gbk').equals(f.bytes)).toBe(true)
    }
  })

  it('exact duplicates are byte copies of an earlier file under another name', () => {
    const seen = new Map<string, CorpusFile>()
    let copies = 0
    for (const f of files) {
      const h = sha(f.bytes)
      const earlier = seen.get(h)
      if (earlier === undefined) {
        seen.set(h, f)
        continue
      }
      copies++
      expect(earlier.bytes.equals(f.bytes)).toBe(true)
      expect(earlier.name).not.toBe(f.name)
      expect(earlier.index).toBeLessThan(f.index)
    }
    expect(copies).toBe(stats.exactDuplicates)
    expect(copies / COUNT).toBeGreaterThan(0.01)
    expect(copies / COUNT).toBeLessThan(0.03)
  })

  it('near duplicates are an earlier article with exactly one line (one sentence) changed', () => {
    const seen = new Set<string>()
    const byLineCount = new Map<number, string[][]>()
    let near = 0
    for (const f of files) {
      const h = sha(f.bytes)
      if (seen.has(h)) continue
      seen.add(h)
      const lines = f.bytes.toString('latin1').split('\n')
      const bucket = byLineCount.get(lines.length) ?? []
      const match = bucket.some((other) => {
        let diff = 0
        for (let i = 0; i < lines.length && diff < 2; i++) if (lines[i] !== other[i]) diff++
        return diff === 1
      })
      if (match) near++
      bucket.push(lines)
      byLineCount.set(lines.length, bucket)
    }
    expect(near).toBe(stats.nearDuplicates)
    expect(near / COUNT).toBeGreaterThan(0.01)
    expect(near / COUNT).toBeLessThan(0.03)
  })

  it('spreads dates over 2019–2023 and bylines over many sources and authors', () => {
    const years = new Set<string>()
    const sources = new Set<string>()
    const authors = new Set<string>()
    for (const text of english) {
      for (const m of text.matchAll(
        /(?:Time:|Date: |Release time: )(\d{4})|, (\d{4})(?: |\r?$)/gm,
      )) {
        years.add(m[1] ?? m[2] ?? '')
      }
      for (const m of text.matchAll(/^Source: (.+?)\r?$/gm)) sources.add(m[1] ?? '')
      for (const m of text.matchAll(/^Author: ?(.+?)(?: Time:.*)?\r?$/gm)) authors.add(m[1] ?? '')
    }
    expect([...years].filter((y) => y !== '').sort()).toEqual([
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
    ])
    expect(sources.size).toBeGreaterThanOrEqual(30)
    expect(sources.size).toBeLessThanOrEqual(45)
    expect(authors.size).toBeGreaterThanOrEqual(100)
  })

  it('English files carry the genre artifacts at non-zero rates (first 500)', () => {
    const sample = english.slice(0, 500)
    expect(sample.length).toBe(500)
    const artifacts: Record<string, RegExp> = {
      myCountry: /\b[Mm]y country\b|\b[Oo]ur country\b/,
      spacedHyphen: /[A-Za-z] -[A-Za-z]/,
      doubledWord: /\b([a-z]{3,}) \1\b/,
      runaway: /\b([a-z][a-z -]{2,30}), \1, \1\b|\b(\w+ \w+ )\2\2/,
      spaceBeforePunct: /[a-z] [,.;](?: |\r?$)/m,
      percentSpace: /\d %/,
      glued: /[a-z]\.[A-Z][a-z]/,
      dollarSpace: /\$ \d/,
      authorTime: /^Author:\S.* Time:\d{4}\.\d{2}\.\d{2}\r?$/m,
      releaseTime: /Release time: \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
      published: /^Published: [A-Z][a-z]+ \d{1,2}, \d{4}/m,
      sourceAuthor: /^source: .+ author /m,
      sourceLine: /^\(?[Ss]ource: /m,
      editor: /^(?:Editor in charge|Responsible editor): /m,
      end: /^(?:- END -|-END-|\(End\)|- End -)\r?$/m,
      teaser: /^(?:- END -|-END-|\(End\)|- End -)\r?\n(?:.*\n)*.*\.\.\.\r?$/m,
      wechat: /blue word|QR code|Read the original text/,
      crlf: /\r\n/,
      leadingBlank: /^\r?\n/,
      caption: /^(.{20,})\r?\n(?:.*\n)+\1\r?$/m,
    }
    const rates: Record<string, number> = {}
    for (const [name, re] of Object.entries(artifacts)) {
      rates[name] = sample.filter((t) => re.test(t)).length / sample.length
    }
    for (const [name, rate] of Object.entries(rates)) {
      expect(rate, name).toBeGreaterThan(0)
      expect(rate, name).toBeLessThan(0.9)
    }
    // Most articles name the machine-translated "my country", about half have spaced hyphens.
    expect(rates.myCountry).toBeGreaterThan(0.3)
    expect(rates.spacedHyphen).toBeGreaterThan(0.3)
  })
})

describe('generateCorpus: options', () => {
  it('honours the shares: all Chinese, all GBK, no duplicates', async () => {
    const dir = freshDir()
    const stats = await generateCorpus({
      seed: 3,
      count: 120,
      dir,
      chineseShare: 1,
      gbkShare: 1,
      exactDuplicateShare: 0,
      nearDuplicateShare: 0,
    })
    expect(stats).toMatchObject({ files: 120, chinese: 120, gbk: 120 })
    expect(stats.exactDuplicates + stats.nearDuplicates).toBe(0)
    expect(readCorpus(dir).every((f) => kindOf(f.bytes) === 'zh-gbk')).toBe(true)
  })

  it('refuses nonsense options', async () => {
    const dir = freshDir()
    await expect(generateCorpus({ seed: 1, count: -1, dir })).rejects.toThrow(/count/)
    await expect(generateCorpus({ seed: 1, count: 1.5, dir })).rejects.toThrow(/count/)
    await expect(generateCorpus({ seed: 1, count: 1, dir, chineseShare: 2 })).rejects.toThrow(
      /chineseShare/,
    )
    await expect(generateCorpus({ seed: Number.NaN, count: 1, dir })).rejects.toThrow(/seed/)
  })

  it('writes nothing but the folder for count 0', async () => {
    const dir = join(freshDir(), 'new')
    const stats = await generateCorpus({ seed: 1, count: 0, dir })
    expect(stats.files).toBe(0)
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('the command line', () => {
  it('parses its flags', () => {
    expect(parseArgs(['--count', '10', '--seed', '4', '--out', '/tmp/x'])).toEqual({
      count: 10,
      seed: 4,
      dir: '/tmp/x',
    })
    expect(
      parseArgs(['--out', '/tmp/x', '--chinese-share', '0.5', '--near-duplicate-share', '0']),
    ).toMatchObject({ chineseShare: 0.5, nearDuplicateShare: 0 })
    expect(() => parseArgs(['--count', '10'])).toThrow(/--out/)
    expect(() => parseArgs(['--out', '/tmp/x', '--bogus', '1'])).toThrow(/unknown option/)
    expect(() => parseArgs(['--out', '/tmp/x', '--count', 'ten'])).toThrow(/number/)
  })

  it('runs as a script with tsx and prints the stats as JSON', () => {
    const out = join(freshDir(), 'corpus')
    const r = spawnSync(
      process.execPath,
      [
        join(REPO, 'node_modules/tsx/dist/cli.mjs'),
        join(REPO, 'bench/generate.ts'),
        '--count',
        '25',
        '--seed',
        '1',
        '--out',
        out,
      ],
      { encoding: 'utf8', cwd: REPO },
    )
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const stats = JSON.parse(r.stdout) as CorpusStats & { dir: string }
    expect(stats).toMatchObject({ files: 25, dir: out })
    expect(readCorpus(out).length).toBe(25)
    const usage = spawnSync(
      process.execPath,
      [join(REPO, 'node_modules/tsx/dist/cli.mjs'), join(REPO, 'bench/generate.ts'), '--count'],
      { encoding: 'utf8', cwd: REPO },
    )
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/^error: /)
  })
})
