import {
  bylineOf,
  cleanValue,
  CJK_LABELS,
  compileLabels,
  dateOnlyLine,
  findLabels,
  labelAt,
  LATIN_LABELS,
  LEADING_DECOR,
  NUMERIC_DATE,
  parseDateAt,
  plausibleAuthor,
  splitSource,
  TIME_OF_DAY,
  type Field,
  type LabelHit,
} from '../../../import/metadata'

/**
 * What the press furniture rules recognise, line by line. The predicates are shared by the three
 * rules so that each sees the head and the tail of an article the same way: a rule that took a
 * line out must never make another line look like furniture to the others on a second run.
 */

/** Labels beyond the importer's: credits that only ever end a value there, kept here as well. */
const EXTRA_LATIN: readonly [string, Field][] = [
  ['executive editors?', 'other'],
  ['chief editors?', 'other'],
  ['editor[- ]in[- ]chief', 'other'],
  ['reviewed by', 'other'],
  ['reviewers?', 'other'],
  ['proofread(?:ing|ers?)?', 'other'],
  ['typesetting', 'other'],
]
const EXTRA_CJK: readonly [string, Field][] = [
  ['责任校对', 'other'],
  ['責任校對', 'other'],
  ['审核', 'other'],
  ['審核', 'other'],
  ['审校', 'other'],
  ['校对', 'other'],
  ['校對', 'other'],
  ['终审', 'other'],
  ['初审', 'other'],
  ['复审', 'other'],
  ['编审', 'other'],
  ['美编', 'other'],
  ['排版', 'other'],
  ['监制', 'other'],
]
const FURNITURE_LABELS = compileLabels(
  [...EXTRA_LATIN, ...LATIN_LABELS],
  [...EXTRA_CJK, ...CJK_LABELS],
)

const EDITOR_LABEL = /editor|编辑|編輯|责编|責編|美编/i
const REVIEWER_LABEL = /review|proofread|typesetting|审|審|校|排版|监制/i

/** Words before "source" that still make it the article's source (not "Image source"). */
const SOURCE_PREFIX =
  /^(?:article|news|information|info|manuscript|original|content|story|本文|文章|稿件|新闻|信息)$/i
/** `Source | Xinhua`, `来源 | 新华社`: WeChat's separator, read as a colon. */
const SOURCE_BAR = /^([\s\u3000[【(（]*(?:source|来源|來源))\s*[|｜]\s*/i

/** `Article/reporter Yang Yongqing editor/Dynasty`, `文/记者 张三`: a reporter byline. */
const ARTICLE_REPORTER = /^(?:article|text|文)\s*[/／]\s*(?:reporters?|记者|記者)\s*/i

/** The longest line that can be a header line; longer ones are paragraphs. */
const MAX_HEADER_LINE = 200
/** A short site name may stand before a label on a short line: `Hangzhou Net Release time: …`. */
const MAX_PREFIX = 40
const MAX_PREFIXED_LINE = 120

export type HeaderPart = 'byline' | 'date' | 'source' | 'editor' | 'reviewer' | 'other'

export interface Ranked {
  value: string
  /** Lower wins: a labelled author beats `Text/`, which beats a reporter or a `By` line. */
  tier: number
}

/** What one header line says. */
export interface HeaderInfo {
  parts: HeaderPart[]
  /** Labelled (`Source: …`), as opposed to a bare date or a `By …` line. */
  labelled: boolean
  author?: Ranked
  date?: Ranked
  source?: string
  editor?: string
}

function offer(current: Ranked | undefined, value: string, tier: number): Ranked {
  return current === undefined || tier < current.tier ? { value, tier } : current
}

function addPart(info: HeaderInfo, part: HeaderPart): void {
  if (!info.parts.includes(part)) info.parts.push(part)
}

/** A sentence inside a value: it is a paragraph that happens to open with a label. */
const SENTENCE_IN_VALUE = /[。！？]|[.!?]["”’)]?\s+\S/

/** A value needs a letter or a digit: `Author:.` says nothing. */
const HAS_WORD = /[\p{L}\p{N}]/u
/** A name is not a question: `Reporters: are they free?`. */
const QUESTION = /[?？!！]/

/** Words of a site name (`Hangzhou Net`, `China.com.cn`, `新华网`), not of a sentence. */
function siteLikePrefix(prefix: string): boolean {
  const p = prefix.trim()
  if (p === '' || p.length > MAX_PREFIX || /[,;!?，。；！？:：]/.test(p)) return false
  const words = p.split(/\s+/)
  return (
    words.length <= 5 && words.every((w) => /^[\p{Lu}\d\p{Script=Han}]/u.test(w) || w.includes('.'))
  )
}

function readLabelled(line: string, hits: readonly LabelHit[]): HeaderInfo | null {
  const lead = LEADING_DECOR.exec(line)?.[0].length ?? 0
  const first = hits[0]!
  const info: HeaderInfo = { parts: [], labelled: true }
  let values = 0
  /** `2022-09-21 10:30 来源：新华社`: the page's date before the labels. */
  let dated = false
  if (first.start !== lead) {
    if (line.length > MAX_PREFIXED_LINE || first.start > MAX_PREFIX) return null
    const prefix = line.slice(lead, first.start).trim()
    const date = dateOnlyLine(prefix)
    if (date !== null && prefix.length <= 20) {
      dated = true
      info.date = { value: date, tier: 1 }
      addPart(info, 'date')
      values++
    } else if (!siteLikePrefix(prefix)) return null
  }
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!
    const raw = line.slice(hit.valueStart, hits[i + 1]?.start ?? line.length)
    switch (hit.field) {
      case 'author':
      case 'text':
      case 'reporter': {
        const v = cleanValue(raw)
        if (!HAS_WORD.test(v)) break
        if (!plausibleAuthor(v) || QUESTION.test(v)) return null
        const tier = hit.field === 'author' ? 0 : hit.field === 'text' ? 1 : 2
        info.author = offer(info.author, v, tier)
        addPart(info, 'byline')
        values++
        break
      }
      case 'date': {
        const d = parseDateAt(raw)
        if (d === null) return null
        // `2022-11-27 13:53` or `2007- 12- 17, comments >>`; not a date opening a sentence.
        const rest = raw.slice(d.length).replace(TIME_OF_DAY, '').trim()
        if (rest.length > 20 || /[.!?。！？]/.test(rest)) return null
        info.date = offer(info.date, d.iso, 0)
        addPart(info, 'date')
        values++
        break
      }
      case 'source': {
        // "Image source: Internet" is a caption credit, not the article's source.
        // "Image source: Internet" is a caption credit, not the article's source; "Article
        // source:" and "本文来源：" are the article's.
        const prefix = line.slice(lead, hit.start).trim()
        if (i === 0 && hit.start !== lead && !dated && !SOURCE_PREFIX.test(prefix)) return null
        if (raw.length > MAX_HEADER_LINE || SENTENCE_IN_VALUE.test(raw.trim())) return null
        const s = splitSource(raw)
        if (!HAS_WORD.test(s.source ?? '') && !HAS_WORD.test(s.author ?? '')) break
        if (s.source !== null) info.source ??= s.source
        if (s.author !== null) info.author = offer(info.author, s.author, 0)
        addPart(info, 'source')
        values++
        break
      }
      case 'other': {
        const v = cleanValue(raw)
        if (v.length > 80 || SENTENCE_IN_VALUE.test(v) || QUESTION.test(v)) return null
        if (!HAS_WORD.test(v)) break
        if (EDITOR_LABEL.test(hit.label)) {
          if (plausibleAuthor(v)) info.editor ??= v
          addPart(info, 'editor')
        } else if (REVIEWER_LABEL.test(hit.label)) addPart(info, 'reviewer')
        else addPart(info, 'other')
        values++
        break
      }
    }
  }
  return values > 0 ? info : null
}

/** A word before a colon and a date that says "this is the page's date line". */
const DATELINE_WORD =
  /\b(?:net|network|news|com|cn|daily|times|post|online|time|date)\b|网|报|新闻|时间/i

/** `China.com.cn time of China Net: 2007- 12- 17, comments >>`: a site's date line. */
function datelineOf(line: string): string | null {
  if (line.length > 80) return null
  for (let c = line.search(/[:：]/); c !== -1 && c <= MAX_PREFIX;) {
    const prefix = line.slice(0, c)
    const d = parseDateAt(line.slice(c + 1))
    if (d !== null && DATELINE_WORD.test(prefix) && !/[,;!?，。；！？]|\.\s/.test(prefix)) {
      const rest = line
        .slice(c + 1 + d.length)
        .replace(TIME_OF_DAY, '')
        .trim()
      if (rest === '' || (rest.length <= 20 && /^[,，|｜/·]/.test(rest))) return d.iso
    }
    const next = line.slice(c + 1).search(/[:：]/)
    c = next === -1 ? -1 : c + 1 + next
  }
  return null
}

/** `原创 新华社 2022-09-21 10:30`, `Original Xinhua News Agency 2022-09-21`: WeChat's byline. */
function wechatByline(line: string): string | null {
  const m = /^(?:原创|original)[\s:：]+/iu.exec(line)
  if (m === null || line.length > 80) return null
  const rest = line.slice(m[0].length)
  const at = rest.search(NUMERIC_DATE)
  if (at < 0 || /[,;!?，。；！？]|\.\s/.test(rest.slice(0, at))) return null
  const d = parseDateAt(rest.slice(at))
  if (d === null) return null
  const after = rest
    .slice(at + d.length)
    .replace(TIME_OF_DAY, '')
    .trim()
  return after === '' || /^(?:posted (?:in|on|at)|发表于)\s*\S{1,12}$/i.test(after) ? d.iso : null
}

/**
 * The one test of "is this a header line": a labelled metadata line (`Author:X Time:2022.09.21`,
 * `source: Qilu Evening Newspaper author Zhang Zhi`, `Editor in charge: yyx`, `来源：新华社`,
 * `Article/reporter X editor/Y`), a `By …` byline, a line that is only a date (`2022-06-20 0 By`)
 * or a site's date line. Every value must look like one (a name is not a sentence, a date exists
 * and is not the start of a sentence), so a paragraph that opens with "Source:" is not taken.
 * Returns what the line says, or null.
 */
const TIME_SPAN = /\d{1,2}[:：]\d{2}\s*(?:[-–—~～至到]|to)\s*\d{1,2}[:：]\d{2}/

export function readHeaderLine(text: string): HeaderInfo | null {
  // `Source: Xinhua（完）`: read without the marker the end marker rule takes off.
  const marker = inlineEndMarker(text)
  let line = (marker >= 0 ? text.slice(0, marker) : text).trim()
  if (line === '' || line.length > MAX_HEADER_LINE) return null
  // `Time: August 10, 2022 9:00-16:00` is when an event happens, part of the story; a
  // publication time is a moment, never a span.
  if (TIME_SPAN.test(line)) return null
  const article = ARTICLE_REPORTER.exec(line)
  if (article !== null) line = `Reporter: ${line.slice(article[0].length)}`
  line = line.replace(SOURCE_BAR, '$1: ')
  // Past MAX_PREFIXED_LINE only a label opening the line counts (see readLabelled): unless there
  // is one, the line is not scanned for labels at all.
  const lead = LEADING_DECOR.exec(line)![0].length
  const hits =
    line.length > MAX_PREFIXED_LINE && !labelAt(line, lead, FURNITURE_LABELS)
      ? []
      : findLabels(line, FURNITURE_LABELS)
  if (hits.length > 0) {
    const info = readLabelled(line, hits)
    if (info !== null) return info
  }
  const wechat = wechatByline(line)
  if (wechat !== null) return { parts: ['date'], labelled: false, date: { value: wechat, tier: 1 } }
  const by = bylineOf(line)
  if (by !== null) return { parts: ['byline'], labelled: false, author: { value: by, tier: 3 } }
  const only = dateOnlyLine(line)
  if (only !== null) return { parts: ['date'], labelled: false, date: { value: only, tier: 1 } }
  const dated = datelineOf(line)
  if (dated !== null) return { parts: ['date'], labelled: false, date: { value: dated, tier: 2 } }
  return null
}

/** A credit that closes an article (source, editor, reviewer, byline), for the tail. */
export function isCredit(info: HeaderInfo | null): info is HeaderInfo {
  return (
    info !== null &&
    info.labelled &&
    info.parts.some((p) => p === 'source' || p === 'editor' || p === 'reviewer' || p === 'byline')
  )
}

/** Only editors and reviewers: what the portal rule may take when the header rule is off. */
export function isEditorCredit(info: HeaderInfo | null): boolean {
  return (
    info !== null &&
    info.labelled &&
    info.parts.length > 0 &&
    info.parts.every((p) => p === 'editor' || p === 'reviewer' || p === 'other')
  )
}

/** Words for the change log: "byline and date line". */
export function describeParts(parts: readonly HeaderPart[]): string {
  const names: Record<HeaderPart, string> = {
    byline: 'byline',
    date: 'date line',
    source: 'source line',
    editor: 'editor credit',
    reviewer: 'reviewer credit',
    other: 'page header line',
  }
  const words = parts.map((p) => names[p])
  if (words.length <= 1) return words[0] ?? 'header line'
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr st prof gen gov sen rep inc co ltd jr sr no nos vol vs etc jan feb mar apr jun jul aug sep sept oct nov dec fig approx dept est'.split(
    ' ',
  ),
)
const PERIOD_THEN_CAPITAL = /\.["”’)]?\s+["“(]?\p{Lu}/gu
const WORD_BEFORE = /[\p{L}\d]+$/u

/**
 * A line that can be a headline: short, not cut off, not ending like a clause, and not two
 * sentences (a full stop after a lower-case word and then a capital; `U.S. Says`, `Mr. Li` and
 * `No. 3` are not sentence ends). `!` and `?` do not count: MT headlines are full of them. An end
 * marker is no headline.
 */
export function isTitleLike(t: string): boolean {
  if (t === '' || t.length > 250 || isEndMarker(t)) return false
  if (/[,;:，；：、。]$|\.\.\.$|…$/.test(t)) return false
  if (/\.["”’)）]?$/.test(t) && t.length > 120) return false
  if (t.includes('。')) return false
  PERIOD_THEN_CAPITAL.lastIndex = 0
  for (let m = PERIOD_THEN_CAPITAL.exec(t); m !== null; m = PERIOD_THEN_CAPITAL.exec(t)) {
    const word = WORD_BEFORE.exec(t.slice(Math.max(0, m.index - 12), m.index))?.[0] ?? ''
    if (/[\p{Ll}\d]$/u.test(word) && !ABBREVIATIONS.has(word.toLowerCase())) return false
  }
  return true
}

/** `Current location - Home - News - …`, `您的位置：首页 > 新闻`, `Home > News > …`. */
const BREADCRUMB =
  /^(?:current (?:location|position)|your (?:current )?(?:location|position)|you are here|当前位置|您的位置|您现在的位置|所在位置|现在的位置)\s*[:：>»›\-–—]|^(?:home|home page|首页)\s*(?:>|»|›|\/)[^>»›/]*(?:>|»|›|\/)/i

export function isBreadcrumb(t: string): boolean {
  return t.length <= 300 && BREADCRUMB.test(t)
}

/** A scraper's site tag alone on the first line (`laitimes`): a lone lower-case word or domain. */
export function isSiteTag(t: string): boolean {
  return /^[a-z][a-z0-9-]{2,30}(?:\.[a-z0-9-]{2,30}){0,3}$/.test(t)
}

/** ` date 2022-08-07 …`: a scraper wrote the page date before the first line. */
export function scrapedDatePrefix(line: string): { iso: string; length: number } | null {
  const m = /^[\s\u3000]*date[ \t]+/i.exec(line)
  if (m === null) return null
  const d = parseDateAt(line.slice(m[0].length))
  if (d === null) return null
  const afterDate = line.slice(m[0].length + d.length)
  const time = TIME_OF_DAY.exec(afterDate)?.[0].length ?? 0
  const spaces = /^[\s\u3000]*/.exec(afterDate.slice(time))?.[0].length ?? 0
  return { iso: d.iso, length: m[0].length + d.length + time + spaces }
}

// ---------------------------------------------------------------------------------------------
// End markers

const DECOR = '\\s\\-—–―_=*·•~#/\\\\|<>《》「」『』【】\\[\\]()（）▼▲■□◆◇★☆●○◎…。.:：'
const STRIP_DECOR = new RegExp(`^[${DECOR}]+|[${DECOR}]+$`, 'gu')
const END_WORD =
  /^(?:end|the end|end of (?:the )?(?:full )?(?:text|article)|完|全文完|本文完|全文结束)$/i
const BARE_END = /^(?:END|End|THE END|完|全文完|本文完)$/

/**
 * An end marker alone on its line: `- END -`, `-END-`, `— END —`, `END`, `(End)`, `(完)`,
 * `（完）`, `【完】`, `[End]`, `▼ END ▼`. A bare word counts only as `END`, `End` or `完`; "the end"
 * and lower-case "end" need the dashes or brackets around them.
 */
export function isEndMarker(t: string): boolean {
  if (t === '' || t.length > 40) return false
  const core = t.replace(STRIP_DECOR, '')
  if (!END_WORD.test(core)) return false
  return core !== t || BARE_END.test(core)
}

/**
 * Whether `s` ends with `)`, `）`, `】` or `]`, as a bracketed end marker or credit does. A look at
 * the last character rather than a `[…]$` regex, which is tried at every position of the line:
 * this runs on every line, several times, and almost always says no.
 */
function endsWithClosingBracket(s: string): boolean {
  const c = s.charCodeAt(s.length - 1)
  return c === 0x29 || c === 0xff09 || c === 0x3011 || c === 0x5d
}

const INLINE_END =
  /[\s\u3000]*(?:[（(]\s*(?:完|全文完|END|End)\s*[)）]|【\s*(?:完|全文完|END|End)\s*】|\[\s*(?:完|END|End)\s*\])[\s\u3000]*$/u

/**
 * A bracketed end marker closing a line that has text before it (`…乐趣。（完）`): where it
 * starts in the line (the first of several: `（完）（完）`), or -1. The text before must be
 * words, not another marker or brackets.
 */
export function inlineEndMarker(line: string): number {
  let at = -1
  let rest = line
  for (;;) {
    const trimmedEnd = rest.trimEnd()
    if (!endsWithClosingBracket(trimmedEnd)) break
    const from = Math.max(0, trimmedEnd.length - 16)
    const m = INLINE_END.exec(rest.slice(from))
    if (m === null) break
    at = from + m.index
    rest = rest.slice(0, at)
  }
  return at >= 0 && /[\p{L}\p{N}]/u.test(rest) && !isEndMarker(rest.trim()) ? at : -1
}

/** `…school.Article/reporter Yang Yongqing editor/Dynasty`: a byline glued to the last line. */
const GLUED_BYLINE = /(?:article|text|文)\s*[/／]/giu
/** `…end of story.(Editor: Wang Kai)`, `…。（责任编辑：王凯）`. */
const BRACKETED_CREDIT =
  /[(（【[]\s*(?:责任编辑|責任編輯|编辑|編輯|责编|记者|記者|作者|来源|來源|editor in charge|responsible editor|editor|reporter|author|source)\s*[:：][^()（）【】[\]]{1,40}[)）】\]]$/iu

const MAX_GLUED_CREDITS = 4

/** The credit closing `text` before `end`, glued to a sentence: where it starts, or null. */
function lastCredit(text: string, end: number): { at: number; info: HeaderInfo } | null {
  const from = Math.max(0, end - 160)
  const tail = text.slice(from, end)
  // Every credit has a slash (`Text/`) or closes with a bracket: most lines have neither, and
  // are done with before any regex runs.
  const slashed = tail.includes('/') || tail.includes('／')
  if (!slashed && !endsWithClosingBracket(tail)) return null
  let at = -1
  GLUED_BYLINE.lastIndex = 0
  for (let m = slashed ? GLUED_BYLINE.exec(tail) : null; m !== null; m = GLUED_BYLINE.exec(tail)) {
    const before = tail.slice(0, m.index).trimEnd()
    if (before === '' ? from === 0 : /[.!?。！？"”’)）]$/.test(before)) at = from + m.index
  }
  if (at < 0) {
    const b = BRACKETED_CREDIT.exec(text.slice(Math.max(0, end - 80), end))
    if (b !== null) at = Math.max(0, end - 80) + b.index
  }
  if (at <= 0) return null
  const info = readHeaderLine(text.slice(at, end))
  if (!isCredit(info)) return null
  while (at > 0 && /[ \t\u3000]/.test(text[at - 1]!)) at--
  return { at, info }
}

function merge(a: HeaderInfo, b: HeaderInfo): HeaderInfo {
  const pick = (x?: Ranked, y?: Ranked) => (x === undefined || (y && y.tier < x.tier) ? y : x)
  return {
    parts: [...b.parts, ...a.parts.filter((p) => !b.parts.includes(p))],
    labelled: true,
    author: pick(b.author, a.author),
    date: pick(b.date, a.date),
    source: b.source ?? a.source,
    editor: b.editor ?? a.editor,
  }
}

export interface GluedCredit {
  /** Where the credits start in the line, and where they end (before a closing end marker). */
  at: number
  end: number
  info: HeaderInfo
}

/**
 * Credits glued to the end of the last paragraph (`…school.Article/reporter Yang Yongqing
 * editor/Dynasty`, `…。（责任编辑：王凯）`), before a closing end marker if there is one: where
 * they start in the line and what they say together, or null. All of them, or a second run
 * would find the next one; and never when what stays is itself a header or portal line.
 */
export function gluedCredit(text: string): GluedCredit | null {
  // Every credit has a slash or closes with a bracket (see lastCredit), and so does a line
  // closed by an end marker: most lines have neither and are done with here.
  const slashed = text.includes('/') || text.includes('／')
  if (!slashed && !endsWithClosingBracket(text.trimEnd())) return null
  const marker = inlineEndMarker(text)
  const end = (marker >= 0 ? text.slice(0, marker) : text).trimEnd().length
  let found = lastCredit(text, end)
  if (found === null) return null
  let info = found.info
  let count = 1
  for (let more = lastCredit(text, found.at); more !== null; more = lastCredit(text, found.at)) {
    // Two or three credits in a row are a footer; a line made of them is not a paragraph.
    if (++count > MAX_GLUED_CREDITS) return null
    found = more
    info = merge(info, more.info)
  }
  // What stays must be a line of the story, not one the rules would take out on a second run.
  const before = text.slice(0, found.at).trim()
  if (
    !HAS_WORD.test(before) ||
    isEndMarker(before) ||
    readHeaderLine(before) !== null ||
    portalLine(before) !== null
  ) {
    return null
  }
  // Nor may it turn a paragraph into a headline that a second run would take for a title.
  if (isTitleLike(before) !== isTitleLike(text.slice(0, end).trim())) return null
  return { at: found.at, end, info }
}

// ---------------------------------------------------------------------------------------------
// Portal and WeChat furniture

export type PortalKind =
  | 'follow'
  | 'qr'
  | 'toolbar'
  | 'original-link'
  | 'comment-form'
  | 'reprint'
  | 'statement'
  | 'image-credit'
  | 'sponsor'
  | 'navigation'
  | 'related'
  | 'counter'
  | 'account'

export const PORTAL_REASONS: Record<PortalKind, string> = {
  follow: 'WeChat "follow us" prompt',
  qr: 'QR code prompt',
  toolbar: 'share/like buttons of the page',
  'original-link': 'link to the original page',
  'comment-form': 'comment form of the page',
  reprint: 'reprint or copyright statement',
  statement: 'disclaimer footer of the page',
  'image-credit': 'image credit of the page',
  sponsor: 'sponsor line of the page',
  navigation: 'page navigation',
  related: 'list of related articles',
  counter: 'page view counter',
  account: 'WeChat account line',
}

export interface PortalHit {
  kind: PortalKind
  /** A heading after which the rest of the page is furniture (comments, related articles). */
  cut: boolean
  /** Worth a flag when it turns up in the middle of a story. */
  strong: boolean
  /** The original page's address, from `Original article: www…`. */
  url?: string
}

interface PortalPattern {
  re: RegExp
  kind: PortalKind
  cut?: boolean
  strong?: boolean
  /** Longest line the pattern may take (disclaimers run long, buttons do not). */
  max?: number
}

const TOOLBAR_WORD =
  '(?:share|like|likes|looking|watching|in view|favorite|favourite|collect|forward|reward|praise|comments?|wow|点赞|在看|分享|收藏|转发|赞|赏|评论|写留言|留言)'

const PORTAL_PATTERNS: readonly PortalPattern[] = [
  // Follow prompts.
  {
    re: /^(?:please\s+)?(?:click|tap|press|touch)\b.{0,40}\b(?:blue|above|top)\b.{0,40}\b(?:follow|subscribe|attention)\b/i,
    kind: 'follow',
    strong: true,
  },
  {
    re: /^(?:welcome to |please )?(?:follow|pay attention to|subscribe to) (?:us|our (?:official )?(?:account|wechat)|the official account)\b/i,
    kind: 'follow',
    strong: true,
  },
  { re: /^.{0,6}点击(?:上方|下方|上面|下面)?.{0,10}(?:蓝字|关注)/u, kind: 'follow', strong: true },
  { re: /^(?:关注我们|欢迎关注.{0,20})[!！。~～]*$/u, kind: 'follow', strong: true },
  // QR codes.
  {
    re: /^.{0,20}\b(?:long[- ]press(?:ed)?|press and hold|scan)\b.{0,60}\b(?:qr|two-dimensional|2d|code)\b/i,
    kind: 'qr',
    strong: true,
  },
  {
    re: /^.{0,10}(?:长按|扫描|扫码|扫一扫).{0,20}(?:二维码|关注|小程序|阅读)|^.{0,10}识别.{0,10}二维码/u,
    kind: 'qr',
    strong: true,
  },
  // Buttons.
  {
    re: new RegExp(`^(?:${TOOLBAR_WORD}(?:\\s*[|｜·•,，、/]\\s*|\\s+and\\s+|\\s+)?){1,8}$`, 'iu'),
    kind: 'toolbar',
    max: 80,
  },
  { re: /^(?:share (?:to|this|on)|分享到)\s*[:：]?/i, kind: 'toolbar', max: 60 },
  {
    re: /^(?:please\s+)?(?:click|tap)\b.{0,30}["“'‘]?(?:looking|watching|in view|like|share)\b/i,
    kind: 'toolbar',
    max: 80,
  },
  // Links to the original page.
  {
    re: /^(?:read|view|visit|check|see|open)\s+(?:the\s+)?(?:original|full|source)(?:\s+(?:text|article|link|url|address|page|post|story|web ?page))?\s*[>»:.…]*$/i,
    kind: 'original-link',
    strong: true,
  },
  {
    re: /^(?:read on|read more|continue reading|click (?:to read|here to read)(?: more| the original(?: text)?)?|more)\s*[>»:.…]*$/i,
    kind: 'original-link',
  },
  {
    re: /^(?:点击)?(?:阅读原文|阅读全文|查看原文|查看全文|原文链接|展开全文|继续阅读)\s*[>»:：.…]*$/u,
    kind: 'original-link',
    strong: true,
  },
  {
    re: /^(?:original (?:article|link|url|address|text|source|page|web ?page)|source (?:url|link|address)|link|url|原文(?:链接|地址|网址)|来源(?:链接|网址))\s*[:：]\s*\S+$/i,
    kind: 'original-link',
  },
  // Comment forms; the heading ends the page.
  {
    re: /^(?:leave a (?:reply|comment)(?: cancel reply)?|post a comment|add a comment|write a comment|comments? \(\d+\)|\d+ comments?|发表评论|发表回复|网友评论|评论区|写评论|用户评论|评论列表)\s*[:：]?$/i,
    kind: 'comment-form',
    cut: true,
    strong: true,
  },
  {
    re: /^(?:your email address will not be published|required fields are marked|save my name, email|you must be logged in to post a comment|post comment$|cancel reply$)/i,
    kind: 'comment-form',
    strong: true,
  },
  // Reprint and copyright statements.
  {
    re: /^(?:this article is (?:reprinted|transferred|reproduced) from|reprinted from|this article (?:is from|comes from)|转载自|本文转自|本文转载自|本文来源于|文章来源)\s*[:：]?$/i,
    kind: 'reprint',
  },
  {
    re: /^(?:copyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b|[:：])|©\s*\d{4}|\(c\)\s*\d{4})|\ball rights reserved\b|copyright (?:of (?:this|the) article )?belongs to the original|copyright of (?:this|the) article belongs to|for (?:inclusion|reference|learning|exchange|sharing|communication) (?:only|purposes only)|(?:indicate|specify|note|mark|cite) the source (?:when|for|if|of) reprint|(?:when|for) reprint(?:ing|ed)?,? please (?:indicate|specify|note|cite|contact)|reprint(?:ing)? (?:is )?(?:prohibited|not allowed|without permission)|unauthori[sz]ed (?:reprint|reproduction)|without (?:permission|authori[sz]ation),? (?:no |it is not |may not |shall not )?(?:be )?(?:reprint|reproduc)|infringement.{0,60}(?:delete|contact|remove)|if there is any (?:infringement|copyright)/i,
    kind: 'reprint',
    strong: true,
    max: 300,
  },
  {
    re: /版权声明|版权所有|转载请注明|未经(?:授权|许可|允许).{0,12}(?:转载|使用|复制)|如有侵权|侵权请联系|侵删|版权归原作者|仅供(?:学习|参考|交流)/u,
    kind: 'reprint',
    strong: true,
    max: 300,
  },
  {
    // Only a disclaimer's words: "Statement: the Foreign Ministry said…" is news.
    re: /^(?:statement|disclaimer|special statement|copyright (?:statement|notice|declaration)|声明|免责声明|特别声明|郑重声明)\s*[:：].*(?:\bviews?\b|represent|opinion|reference|information only|infring|copyright|reprint|reproduc|contact|delete|responsib|position|stance|观点|代表|立场|参考|仅供|侵权|版权|转载|联系|删除|责任)/iu,
    kind: 'statement',
    max: 400,
  },
  // Image credits.
  {
    re: /^(?:the )?(?:image|images|picture|pictures|photo|photos|pic|pics|figure|cover (?:image|picture|photo)|title (?:picture|image)|header image|图片|图|题图|配图|封面图?|头图)\s*(?:sources?|credits?|from|comes? from|provided by|来源|来自|源自|由)\b/iu,
    kind: 'image-credit',
    max: 80,
  },
  {
    re: /^source of (?:the )?(?:pictures?|images?|photos?)\s*[:：]/i,
    kind: 'image-credit',
    max: 80,
  },
  {
    re: /^(?:photo|photos|picture|pictures|image|images|图|图片|摄影)\s*(?:by\b|[:：/／|｜])/iu,
    kind: 'image-credit',
    max: 50,
  },
  // Sponsors and ads.
  { re: /^(?:post )?sponsored by\b/i, kind: 'sponsor', max: 80 },
  { re: /^(?:advertisement|advertising|广告|推广)$/i, kind: 'sponsor' },
  // Navigation; previous/next links end the page.
  {
    re: /^(?:previous|next|prev)(?: (?:article|post|page|story|chapter))?\s*[:：]|^(?:上一篇|下一篇|上一条|下一条)/i,
    kind: 'navigation',
    cut: true,
    max: 200,
  },
  {
    re: /^(?:back to top|return to top|top|print|close|close window|print this page|返回顶部|打印|关闭|关闭窗口|打印本页)$|^(?:【打印】|\[print\])|^(?:font size|字号)\s*[:：]/i,
    kind: 'navigation',
  },
  { re: /^(?:tags?|标签)\s*[:：]/i, kind: 'navigation', max: 150 },
  // Related articles; the heading ends the page.
  {
    re: /^(?:related (?:articles?|news|reading|posts?|stories|reports?|events|links|content|recommendations?)|recommended (?:reading|articles?|for you|news)|you (?:may|might) also like|more (?:news|articles|reading|stories)|further reading|hot (?:articles?|news)|popular (?:articles?|posts)|media coverage|read also|see also|相关(?:阅读|文章|新闻|推荐|报道|链接)|推荐阅读|延伸阅读|往期(?:回顾|推荐|精彩)|精彩推荐|热门(?:文章|推荐|新闻)|猜你喜欢|更多(?:新闻|阅读|精彩))\s*[:：>»]*$/i,
    kind: 'related',
    cut: true,
  },
  {
    re: /^(?:views?|reads?|reading|page views|pv|hits|clicks|浏览(?:次数|量)?|阅读(?:量|数|次数)?|点击(?:量|数)?)\s*[:：]?\s*[\d,.]+\s*(?:万|w|k)?\+?\s*次?$/i,
    kind: 'counter',
  },
  {
    re: /^(?:wechat (?:id|account|official account|public account)|official account|微信号|公众号|微信公众号)\s*[:：]/i,
    kind: 'account',
    max: 80,
  },
]

const DEFAULT_MAX = 120
const LONGEST_PORTAL = 400
const URLISH = /^(?:https?:\/\/|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+\/\S*$/i

const CUT_PATTERNS = PORTAL_PATTERNS.filter((p) => p.cut === true)

/**
 * Whether portalLine(t) may be a heading the rest of the page is cut at (false means it is not).
 * The page looks for such headings on every line, most lines are paragraphs, and only three
 * patterns make a heading: trying those first spares the other thirty.
 */
export function mayBeCutHeading(t: string): boolean {
  if (t === '' || t.length > LONGEST_PORTAL) return false
  for (const p of CUT_PATTERNS) if (t.length <= (p.max ?? DEFAULT_MAX) && p.re.test(t)) return true
  return false
}

/** Whether a whole (trimmed) line is portal or WeChat furniture, and which. */
export function portalLine(t: string): PortalHit | null {
  if (t === '' || t.length > LONGEST_PORTAL) return null
  for (const p of PORTAL_PATTERNS) {
    if (t.length > (p.max ?? DEFAULT_MAX)) continue
    if (!p.re.test(t)) continue
    const hit: PortalHit = { kind: p.kind, cut: p.cut === true, strong: p.strong === true }
    if (p.kind === 'original-link') {
      const value = /[:：]\s*(\S+)$/.exec(t)?.[1]
      if (value !== undefined && URLISH.test(value)) hit.url = value
    }
    return hit
  }
  return null
}
