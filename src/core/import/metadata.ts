import { isRealDate } from '../../shared/model'

/**
 * Reads the metadata that press articles carry in their own text: a title line, a byline and a
 * date in the first lines (`Author:X Time:2022.09.21`, `来源：… 作者：… 发布时间：…`), a
 * `Source:` line at the top or just before the `- END -` marker. Machine translation mangles
 * these labels in predictable ways, so the parser knows the variants instead of one format.
 */

/** What an article says about itself; null where it does not say (or says something invalid). */
export interface HeaderMeta {
  /** The first suitable line, as written (cleaning is a separate step); '' when there is none. */
  title: string
  author: string | null
  /** ISO `YYYY-MM-DD`, only for dates that exist. */
  date: string | null
  source: string | null
  language: 'en' | 'zh' | null
}

/** Bylines and dates sit at the top; further down a "Time:" is part of the story. */
const HEADER_LINES = 15
const MAX_TITLE = 300
const MAX_AUTHOR = 80
const MAX_SOURCE = 120
/** A short site name may stand before the first label of a short line (`Hangzhou Net Time: …`). */
const MAX_PREFIX = 40
const MAX_PREFIXED_LINE = 120
/** Language is judged on the opening of long texts: it does not change halfway through. */
const LANGUAGE_SAMPLE = 20_000

/** What a label introduces; 'other' labels (editors, font size…) only end the value before them. */
export type Field = 'author' | 'text' | 'reporter' | 'date' | 'source' | 'other'

// Longer labels first where one begins another ("published on" before "published").
export const LATIN_LABELS: readonly [string, Field][] = [
  ['authors?', 'author'],
  ['written by', 'author'],
  ['writer', 'author'],
  ['text', 'text'],
  ['reporters?', 'reporter'],
  ['release (?:time|date)', 'date'],
  ['publish(?:ed)? (?:time|date|on|at)', 'date'],
  ['published', 'date'],
  ['publication (?:time|date)', 'date'],
  ['posted(?: on| at)?', 'date'],
  ['date', 'date'],
  ['time', 'date'],
  ['source', 'source'],
  ['this article (?:comes|is) from', 'source'],
  ['reprinted from', 'source'],
  // Not captured, but they end the value before them ("Source: X Editor: Y").
  ['responsible editor', 'other'],
  ['editor[- ]in[- ]charge', 'other'],
  ['editors?', 'other'],
  ['font size', 'other'],
]

export const CJK_LABELS: readonly [string, Field][] = [
  ['作者', 'author'],
  ['撰文', 'author'],
  ['撰稿', 'author'],
  ['文', 'text'],
  ['记者', 'reporter'],
  ['記者', 'reporter'],
  ['发布时间', 'date'],
  ['發佈時間', 'date'],
  ['發布時間', 'date'],
  ['发布日期', 'date'],
  ['發布日期', 'date'],
  ['发表时间', 'date'],
  ['發表時間', 'date'],
  ['时间', 'date'],
  ['時間', 'date'],
  ['日期', 'date'],
  ['来源', 'source'],
  ['來源', 'source'],
  ['稿源', 'source'],
  ['出处', 'source'],
  ['出處', 'source'],
  ['责任编辑', 'other'],
  ['責任編輯', 'other'],
  ['责编', 'other'],
  ['編輯', 'other'],
  ['编辑', 'other'],
  ['字号', 'other'],
  ['字號', 'other'],
  ['浏览次数', 'other'],
  ['阅读', 'other'],
]

/**
 * A compiled table of labels. The importer uses the tables above; the cleaning rules that take
 * the same header lines out of the body compile them with a few more (reviewers, proofreaders),
 * so both read a label the same way.
 */
export interface LabelSet {
  readonly re: RegExp
  /** The same labels, matched only where `lastIndex` points (sticky). */
  readonly at: RegExp
  readonly fields: readonly (readonly [RegExp, Field])[]
  /** fieldOf's answers by label as written: a line's labels are few, the table is long. */
  readonly fieldMemo: Map<string, Field>
}

export function compileLabels(
  latin: readonly (readonly [string, Field])[],
  cjk: readonly (readonly [string, Field])[],
): LabelSet {
  const source =
    `(?:(?<![\\p{L}\\p{N}])(${latin.map(([p]) => p).join('|')})|(${cjk.map(([p]) => p).join('|')}))` +
    '(\\s*[:：]\\s*|\\s*[/／|｜]\\s*|[ \\t\\u3000]+)'
  const fields = [...latin, ...cjk].map(([p, f]) => [new RegExp(`^(?:${p})$`, 'iu'), f] as const)
  return {
    re: new RegExp(source, 'giu'),
    at: new RegExp(source, 'iuy'),
    fields,
    fieldMemo: new Map(),
  }
}

const DEFAULT_LABELS = compileLabels(LATIN_LABELS, CJK_LABELS)

/** Labels as written are few (`Time`, `time`, `来源`…); past this many, the memo starts over. */
const MAX_FIELD_MEMO = 256

function fieldOf(label: string, labels: LabelSet): Field {
  let field = labels.fieldMemo.get(label)
  if (field === undefined) {
    field = labels.fields.find(([re]) => re.test(label))?.[1] ?? 'other'
    if (labels.fieldMemo.size >= MAX_FIELD_MEMO) labels.fieldMemo.clear()
    labels.fieldMemo.set(label, field)
  }
  return field
}

/**
 * Whether one of the labels stands at `at` in the line (as findLabels would match it there,
 * whether or not it then accepts it). A long line is a header line only when a label opens it,
 * and this one look spares scanning a whole paragraph for labels.
 */
export function labelAt(line: string, at: number, labels: LabelSet = DEFAULT_LABELS): boolean {
  labels.at.lastIndex = at
  return labels.at.test(line)
}

export interface LabelHit {
  field: Field
  /** The label as written (`Editor in charge`, `责任编辑`). */
  label: string
  /** Where the label starts in the line. */
  start: number
  /** Where its value starts (after the separator). */
  valueStart: number
}

/** Leading decoration a header line may open with: `【来源：新华社】`, `(Source: …)`. */
export const LEADING_DECOR = /^[\s\u3000[【(（「]*/

/**
 * Finds the labels of a line that really introduce a value: colons for all, a slash for bylines
 * (`Text/Junjian`, `文/张三`), bare spaces only before a date (`date 2022-11-27`,
 * `Publication date 2022-09-21`). `Text` and `文` count only at the start of the line, where
 * they are a byline and not a word of a sentence; a date label needs a real date after it.
 */
export function findLabels(line: string, labels: LabelSet = DEFAULT_LABELS): LabelHit[] {
  const hits: LabelHit[] = []
  const lead = LEADING_DECOR.exec(line)?.[0].length ?? 0
  const re = labels.re
  re.lastIndex = 0
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    const label = m[1] ?? m[2] ?? ''
    const sep = m[3] ?? ''
    const field = fieldOf(label, labels)
    const valueStart = m.index + m[0].length
    const colon = /[:：]/.test(sep)
    const slash = /[/／|｜]/.test(sep)
    let ok: boolean
    if (field === 'date') ok = !slash && parseDateAt(line.slice(valueStart)) !== null
    else if (colon) ok = true
    else if (slash) ok = field !== 'source'
    else ok = false
    if (ok && field === 'text' && m.index !== lead) ok = false
    // 活动时间 / 报名时间 (event, registration) are dates in the story, not of the article.
    if (
      ok &&
      field === 'date' &&
      m[2] !== undefined &&
      /\p{Script=Han}/u.test(line[m.index - 1] ?? '')
    ) {
      ok = false
    }
    if (ok) hits.push({ field, label, start: m.index, valueStart })
    else re.lastIndex = m.index + 1
  }
  return hits
}

/** Trims a value and the separators and brackets left around it by the page it came from. */
export function cleanValue(value: string): string {
  let v = value.replace(/[\s\u3000]+/g, ' ').trim()
  v = v.replace(/^[\s:：|｜/,，;；]+/, '').replace(/[\s|｜/·•,，;；(（[【<>》]+$/, '')
  const wrapped = /^[[【(（「](.*)[\]】)）」]$/.exec(v)
  if (wrapped?.[1] !== undefined) v = wrapped[1].trim()
  v = v.replace(/^[[【(（「]+/, '').replace(/[\]】)）」]+$/, '')
  return v.trim()
}

export function plausibleAuthor(v: string): boolean {
  // A byline is a name or an account, not a sentence.
  return v.length > 0 && v.length <= MAX_AUTHOR && !/[。！？]|[.!?]\s+\S/.test(v)
}

/**
 * A source value keeps only the outlet: the first clause, without a trailing unlabeled byline
 * (`Qilu Evening Newspaper author Zhang Zhi`). Lower-case keywords only, so that an outlet
 * called "The Author Society" is left whole.
 */
export function splitSource(raw: string): { source: string | null; author: string | null } {
  let v = cleanValue(raw.split(/[,，;；]|\s[|｜]\s/)[0] ?? '')
  let author: string | null = null
  const byline = /\s+(?:author|writer|reporter|作者|记者|記者)\s+(.+)$/u.exec(v)
  if (byline?.[1] !== undefined) {
    const name = cleanValue(byline[1])
    if (plausibleAuthor(name)) author = name
    v = v.slice(0, byline.index).trim()
  }
  v = v.replace(/\s+(?:editor|编辑|編輯|责任编辑)\s+.*$/u, '').trim()
  return { source: v.length > 0 && v.length <= MAX_SOURCE ? v : null, author }
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
}
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const YMD =
  /^(\d{4})\s*(?:([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?)/
const DMY = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\s*[,/]?\\s*(\\d{4})(?!\\d)`, 'i')
const MDY = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})(?!\\d)`, 'i')
export const TIME_OF_DAY = /^[\sT]*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?/i
/** A numeric date anywhere in a line, for short lines like `China Net: 2007- 12- 17, comments`. */
export const NUMERIC_DATE =
  /(?<!\d)\d{4}\s*(?:[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}(?!\d)|年\s*\d{1,2}\s*月\s*\d{1,2})/

function iso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100) return null
  const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && isRealDate(s) ? s : null
}

/**
 * Parses a date at the start of `s` (after spaces and an opening bracket): `2022.09.21`,
 * `2022-9-21`, `2022/09/21`, `2007- 12- 17`, `2022年9月21日`, `September 21, 2022`,
 * `21 September 2022`, `11 Mar / 2017`. Returns the ISO date and how many characters it used,
 * or null when there is no date there or it does not exist (2022.02.30).
 */
export function parseDateAt(input: string): { iso: string; length: number } | null {
  const s = input.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  const skip = /^[\s\u3000(（[【]*/.exec(s)?.[0].length ?? 0
  const rest = s.slice(skip)
  let m = YMD.exec(rest)
  if (m !== null) {
    const y = Number(m[1])
    const mo = Number(m[3] ?? m[5])
    const d = Number(m[4] ?? m[6])
    const date = iso(y, mo, d)
    return date === null ? null : { iso: date, length: skip + m[0].length }
  }
  m = DMY.exec(rest)
  if (m !== null) {
    const date = iso(Number(m[3]), monthNumber(m[2]), Number(m[1]))
    return date === null ? null : { iso: date, length: skip + m[0].length }
  }
  m = MDY.exec(rest)
  if (m !== null) {
    const date = iso(Number(m[3]), monthNumber(m[1]), Number(m[2]))
    return date === null ? null : { iso: date, length: skip + m[0].length }
  }
  return null
}

const monthNumber = (name: string | undefined): number =>
  MONTHS[(name ?? '').slice(0, 3).toLowerCase()] ?? 0

/** Candidates are ranked: lower tier wins, then the earlier line. */
interface Candidate {
  value: string
  tier: number
}

function offer(current: Candidate | null, value: string | null, tier: number): Candidate | null {
  if (value === null) return current
  return current === null || tier < current.tier ? { value, tier } : current
}

/** `By Zhang Wei` on a line of its own; `By the end of the year…` is a sentence, not a byline. */
export function bylineOf(line: string): string | null {
  const m = /^by\s+(.+)$/i.exec(line)
  if (m?.[1] === undefined) return null
  const name = cleanValue(m[1])
  if (!plausibleAuthor(name) || name.length > 60 || /[\d,;:!?]/.test(name)) return null
  const words = name.split(' ')
  const nameLike = words.every(
    (w, i) => /^[\p{Lu}\p{Script=Han}]/u.test(w) || (i > 0 && /^(and|&|de|van|von|da)$/.test(w)),
  )
  return nameLike ? name : null
}

/** A line that is only a date, maybe with a time or a little page debris (`2022-06-20 0 By`). */
export function dateOnlyLine(line: string): string | null {
  if (line.length > 40) return null
  const d = parseDateAt(line)
  if (d === null) return null
  const after = line.slice(d.length).replace(TIME_OF_DAY, '')
  return after.trim().length <= 12 ? d.iso : null
}

/** What one header line says, and whether it can be the title. */
interface LineInfo {
  author: Candidate | null
  date: Candidate | null
  source: string | null
  /** Not a title: a labelled metadata line, a byline, a bare date, a site tag. */
  header: boolean
  /** For `date 2022-08-07 The General Administration…`: the part after the date. */
  titleRest: string | null
}

function readLine(line: string, next: string | undefined): LineInfo {
  const info: LineInfo = { author: null, date: null, source: null, header: false, titleRest: null }
  const lead = LEADING_DECOR.exec(line)?.[0].length ?? 0
  // Past MAX_PREFIXED_LINE only a label opening the line counts: unless there is one, the
  // paragraph is not scanned for labels at all.
  const hits = line.length > MAX_PREFIXED_LINE && !labelAt(line, lead) ? [] : findLabels(line)
  const first = hits[0]
  // Labels count on metadata lines: opening the line, or after a short prefix on a short line
  // (`Hangzhou Net Release time: …`). In a paragraph "the writer: …" is part of the story.
  if (
    first !== undefined &&
    (first.start === lead || (line.length <= MAX_PREFIXED_LINE && first.start <= MAX_PREFIX))
  ) {
    info.header = true
    hits.forEach((hit, i) => readValue(info, line, hits, i, lead))
    return info
  }
  const by = bylineOf(line)
  if (by !== null) {
    info.author = offer(info.author, by, 3)
    info.header = true
    return info
  }
  const only = dateOnlyLine(line)
  if (only !== null) {
    info.date = offer(info.date, only, 1)
    info.header = true
    return info
  }
  // A short line with a date in it (`China Net: 2007- 12- 17, comments >>`), unless the date
  // belongs to something else (活动时间 / 报名日期: event and registration dates).
  if (line.length <= 80 && !/\p{Script=Han}(?:时间|時間|日期)/u.test(line)) {
    const m = NUMERIC_DATE.exec(line)
    if (m !== null) info.date = offer(info.date, parseDateAt(line.slice(m.index))?.iso ?? null, 2)
  }
  // A lone lower-case word above the title is a site tag ("laitimes"), never a headline.
  info.header = /^[a-z][a-z0-9.-]*$/.test(line) && next !== undefined
  return info
}

/** Reads the value of the i-th label of a metadata line into `info`. */
function readValue(info: LineInfo, line: string, hits: LabelHit[], i: number, lead: number): void {
  const hit = hits[i] as LabelHit
  const raw = line.slice(hit.valueStart, hits[i + 1]?.start ?? line.length)
  switch (hit.field) {
    case 'author':
    case 'text':
    case 'reporter': {
      const v = cleanValue(raw)
      const tier = hit.field === 'author' ? 0 : hit.field === 'text' ? 1 : 2
      if (plausibleAuthor(v)) info.author = offer(info.author, v, tier)
      return
    }
    case 'date': {
      const d = parseDateAt(raw)
      info.date = offer(info.date, d?.iso ?? null, 0)
      // `date 2022-08-07 The General Administration…`: a scraper's prefix on the first line.
      if (d !== null && hit.start === lead && hits.length === 1) {
        const rest = raw.slice(d.length).replace(TIME_OF_DAY, '').trim()
        if (rest.length >= 15) info.titleRest = rest
      }
      return
    }
    case 'source': {
      // "Image source: Internet" is a caption credit; a source label opens the line or follows
      // another label (`发布时间：… 来源：…`).
      if (i === 0 && hit.start !== lead) return
      const s = splitSource(raw)
      info.source ??= s.source
      info.author = offer(info.author, s.author, 0)
      return
    }
    case 'other':
      return
  }
}

/** An END marker closes the article; what follows is teasers for other stories. */
const END_MARKER = /^[\s\u3000]*[-—–_=*·•~【[(（]*\s*(?:END|完)\s*[-—–_=*·•~】\])）]*[\s\u3000]*$/i
/** A line that is a source label: `Source: X`, `source:X`, `来源：X`, `【来源：X】`. */
const SOURCE_LINE = /^[\s\u3000[【(（]*(?:source|来源|來源|稿源)\s*[:：]/i

/**
 * The source named by the last `Source:` line before the END marker (or the end of the text).
 * Repeated lines are common (a header and a footer); the one nearest the end is the closing
 * credit the outlet put under its own text.
 */
function trailingSource(lines: readonly string[]): string | null {
  let found: string | null = null
  for (const line of lines) {
    if (END_MARKER.test(line)) break
    if (!SOURCE_LINE.test(line)) continue
    const hits = findLabels(line)
    const at = hits.findIndex((h) => h.field === 'source')
    const hit = hits[at]
    if (hit === undefined) continue
    const raw = line.slice(hit.valueStart, hits[at + 1]?.start ?? line.length)
    found = splitSource(raw).source ?? found
  }
  return found
}

function truncateTitle(line: string): string {
  if (line.length <= MAX_TITLE) return line
  const cut = line.slice(0, MAX_TITLE - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > MAX_TITLE * 0.6 ? cut.slice(0, space) : cut}…`
}

const LATIN = 1
const HAN = 2

/**
 * What each UTF-16 code unit counts as for languageOf: LATIN, HAN or neither (0). One lookup per
 * character instead of range tests halves the time of a pass over a long text.
 */
const LETTER_KIND = (() => {
  const kinds = new Uint8Array(0x10000)
  const mark = (from: number, to: number, kind: number): void => void kinds.fill(kind, from, to + 1)
  mark(0x41, 0x5a, LATIN)
  mark(0x61, 0x7a, LATIN)
  mark(0xc0, 0x24f, LATIN)
  mark(0x4e00, 0x9fff, HAN)
  mark(0x3400, 0x4dbf, HAN)
  mark(0xf900, 0xfaff, HAN)
  mark(0xd840, 0xd87f, HAN) // high surrogates of the supplementary Han planes
  return kinds
})()

/**
 * 'zh' when Han characters dominate the letters, 'en' when Latin letters do, null when neither
 * does or there are no letters. A Han character carries about as much as two Latin letters, so
 * it is counted twice; either side needs 70% of that weight to be said to dominate.
 */
function languageOf(text: string): 'en' | 'zh' | null {
  let han = 0
  let latin = 0
  const n = Math.min(text.length, LANGUAGE_SAMPLE)
  for (let i = 0; i < n; i++) {
    // LATIN is bit 0 and HAN bit 1: both counted without a branch.
    const kind = LETTER_KIND[text.charCodeAt(i)]!
    latin += kind & LATIN
    han += kind >> 1
  }
  const total = 2 * han + latin
  if (total === 0) return null
  if (2 * han >= total * 0.7) return 'zh'
  if (latin >= total * 0.7) return 'en'
  return null
}

/**
 * Reads title, author, date, source and language from an article's text (as decoded: LF line
 * endings). Author and date come from the first 15 non-empty lines only; the source from a
 * `Source:` line in the header block (title and metadata lines, before the first paragraph),
 * else the last one before an END marker. Dates that do not exist are dropped. Never throws: a
 * field it cannot find is null.
 */
export function readHeaderMeta(text: string): HeaderMeta {
  // Decoded text has LF line ends; splitting at a plain '\n' is much faster than the regex.
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n')
  const head: string[] = []
  for (const line of lines) {
    const t = line.trim()
    if (t !== '') head.push(t)
    if (head.length === HEADER_LINES) break
  }

  let title: string | null = null
  let author: Candidate | null = null
  let date: Candidate | null = null
  let source: string | null = null
  // The header block: the title and the metadata lines around it, up to the first paragraph.
  let inHeaderBlock = true
  for (let i = 0; i < head.length; i++) {
    const line = head[i] as string
    const info = readLine(line, head[i + 1])
    if (info.author !== null) author = offer(author, info.author.value, info.author.tier)
    if (info.date !== null) date = offer(date, info.date.value, info.date.tier)
    if (title !== null && !info.header) inHeaderBlock = false
    if (inHeaderBlock) source ??= info.source
    if (title === null) {
      if (info.titleRest !== null) {
        // Scraped pages repeat "<breadcrumb> <title> - <site>" above the bare title: prefer it.
        const next = head[i + 1]
        title = next !== undefined && info.titleRest.includes(next) ? next : info.titleRest
      } else if (!info.header) title = line
    }
  }

  return {
    title: truncateTitle(title ?? ''),
    author: author?.value ?? null,
    date: date?.value ?? null,
    source: source ?? trailingSource(lines),
    language: languageOf(text),
  }
}
