import type { FlagProposal, Rule } from '../../types'
import { Occurrences } from '../spacing/occurrences'

/**
 * Flags quotation marks that open and never close in their paragraph, or close without opening:
 * machine translation and scrapers drop or double them (`scapegoat”`, `Xi ‘an`). Straight double
 * quotes are paired by position (an opening one follows a space, a closing one precedes one);
 * an inch mark after a digit (`27"`) is not a quote. Straight single quotes and `’` are left out:
 * they are apostrophes far more often than quotes. Only an opening `‘` with no `’` after it is
 * flagged.
 */
export const unbalancedQuotesRule: Rule = {
  id: 'unbalanced-quotes',
  name: 'Unbalanced quotes',
  description: 'Flags quotation marks without their partner in the same paragraph.',
  apply(text) {
    return { flags: checkQuotes(text) }
  },
}

const CURLY_PAIRS: Readonly<Record<string, string>> = { '“': '”', '「': '」', '『': '』', '«': '»' }
const CURLY_CLOSERS: Readonly<Record<string, string>> = {
  '”': '“',
  '」': '「',
  '』': '『',
  '»': '«',
}
/** The quotes up to U+00FF, searched for one by one; the others, with one expression. */
const NARROW_QUOTES = '"«»'
const WIDE_QUOTES = /[“”「」『』‘’]/g

function checkQuotes(text: string): FlagProposal[] {
  const flags: FlagProposal[] = []
  const paragraph = new QuoteParagraph(text)
  const line = new CurrentLine(text)
  const quotes = new Occurrences(text, NARROW_QUOTES, WIDE_QUOTES)
  for (let i = quotes.next(text.length); i >= 0; i = quotes.next(text.length)) {
    const ch = text[i]!
    if (line.moveTo(i)) paragraph.end(flags)
    const { open, out } = paragraph
    if (CURLY_PAIRS[ch] !== undefined) {
      open.push(i, ch)
    } else if (CURLY_CLOSERS[ch] !== undefined) {
      const above = open.close(CURLY_CLOSERS[ch])
      if (above === undefined) {
        out.push(quoteFlag(i, `The closing quote ${ch} has no opening quote in this paragraph.`))
      } else {
        // Openers above the match were never closed: `“a 「b” c`.
        for (const p of above) unclosedQuote(text, p, out)
      }
    } else if (ch === '"') {
      // `27"` with no quote open is an inch mark; with one open, it closes it (`"3.15"`).
      if (paragraph.straightOpen < 0 && isDigit(text.charCodeAt(i - 1))) continue
      const role = straightRole(text, i, line.start)
      if (role === 'open' || (role === 'either' && paragraph.straightOpen < 0)) {
        if (paragraph.straightOpen >= 0) unclosedQuote(text, paragraph.straightOpen, out)
        paragraph.straightOpen = i
      } else if (paragraph.straightOpen >= 0) {
        paragraph.straightOpen = -1
      } else {
        out.push(quoteFlag(i, 'This closing quote " has no opening quote in this paragraph.'))
      }
    } else if (ch === '‘') {
      paragraph.singles.push(i)
    } else {
      // `’` closes the latest `‘`, or is an apostrophe.
      paragraph.singles.pop()
    }
  }
  paragraph.end(flags)
  return flags
}

/** What the quote check knows inside one paragraph. */
class QuoteParagraph {
  readonly open = new Openers()
  straightOpen = -1
  singles: number[] = []
  /** The paragraph's flags so far, in no particular order. */
  out: FlagProposal[] = []

  constructor(private readonly text: string) {}

  /** Flags the quotes left open and moves the paragraph's flags, in order, to `flags`. */
  end(flags: FlagProposal[]): void {
    const { text, open, out } = this
    if (open.isEmpty() && this.straightOpen < 0 && this.singles.length === 0 && out.length === 0)
      return
    for (const p of open.clear()) unclosedQuote(text, p, out)
    if (this.straightOpen >= 0) unclosedQuote(text, this.straightOpen, out)
    for (const p of this.singles) unclosedQuote(text, p, out)
    moveSorted(out, flags)
    this.out = []
    this.straightOpen = -1
    this.singles = []
  }
}

/** Appends a paragraph's flags to the text's, in the order of their positions. */
function moveSorted(out: FlagProposal[], flags: FlagProposal[]): void {
  out.sort(byStart)
  for (const f of out) flags.push(f)
}

function byStart(a: FlagProposal, b: FlagProposal): number {
  return a.start - b.start
}

/**
 * The line (paragraph) holding the marks a check visits in increasing order, found with a
 * search for the line breaks around a mark when the mark is past the line before.
 */
class CurrentLine {
  start = 0
  /** The index of the line break ending the line, or the text's length; -1 before the first. */
  private end = -1

  constructor(private readonly text: string) {}

  /** Moves to the line holding `i`; returns true when that is a later line than before. */
  moveTo(i: number): boolean {
    if (i <= this.end) return false
    const first = this.end < 0
    this.start = this.text.lastIndexOf('\n', i - 1) + 1
    const nl = this.text.indexOf('\n', i)
    this.end = nl < 0 ? this.text.length : nl
    return !first
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}

/**
 * Open quotes or brackets of several kinds, nested. Finding the opener a closer matches takes
 * constant time (amortised), so a paragraph of a thousand stray brackets is no slower than one.
 */
class Openers {
  private readonly positions: number[] = []
  private readonly kinds: string[] = []
  /** For each kind, the indices (into `positions`) of its open ones. */
  private readonly byKind = new Map<string, number[]>()

  push(position: number, kind: string): void {
    let stack = this.byKind.get(kind)
    if (stack === undefined) this.byKind.set(kind, (stack = []))
    stack.push(this.positions.length)
    this.positions.push(position)
    this.kinds.push(kind)
  }

  /** Close the latest opener of `kind`: the openers opened after it (left unclosed), or undefined. */
  close(kind: string): number[] | undefined {
    const at = this.byKind.get(kind)?.pop()
    if (at === undefined) return undefined
    const above = this.positions.splice(at + 1)
    for (const k of this.kinds.splice(at + 1)) this.byKind.get(k)!.pop()
    this.positions.length = at
    this.kinds.length = at
    return above
  }

  isEmpty(): boolean {
    return this.positions.length === 0
  }

  /** Forget every opener, returning those still open. */
  clear(): number[] {
    const open = this.positions.splice(0)
    this.kinds.length = 0
    this.byKind.clear()
    return open
  }
}

function unclosedQuote(text: string, p: number, out: FlagProposal[]): void {
  out.push(quoteFlag(p, `The opening quote ${text[p]} is never closed in this paragraph.`))
}

function quoteFlag(p: number, message: string): FlagProposal {
  return { start: p, end: p + 1, kind: 'unbalanced-quotes', message }
}

/** A straight quote after a space opens; one before a space or punctuation closes. */
function straightRole(text: string, i: number, lineStart: number): 'open' | 'close' | 'either' {
  const before = i > lineStart ? text[i - 1]! : ' '
  const after = text[i + 1] ?? ' '
  const spaceBefore = /[\s([{—–-]/.test(before)
  const spaceAfter = /[\s.,;:!?)\]}—–-]/.test(after)
  if (spaceBefore && !spaceAfter) return 'open'
  if (spaceAfter && !spaceBefore) return 'close'
  return 'either'
}

/** Each bracket's family; the full-width and the ASCII forms pair with each other. */
const OPENERS: Readonly<Record<string, string>> = {
  '(': '(',
  '（': '(',
  '[': '[',
  '［': '[',
  '【': '[',
  '〔': '[',
  '《': '《',
  '〈': '〈',
  '{': '{',
}
const CLOSERS: Readonly<Record<string, string>> = {
  ')': '(',
  '）': '(',
  ']': '[',
  '］': '[',
  '】': '[',
  '〕': '[',
  '》': '《',
  '〉': '〈',
  '}': '{',
}
/** The brackets up to U+00FF, searched for one by one; the others, with one expression. */
const NARROW_BRACKETS = '()[]{}'
const WIDE_BRACKETS = /[（）［］【】〔〕《》〈〉]/g

/**
 * Flags brackets that open and never close in their paragraph, or close without opening: `()`,
 * `[]`, `【】`, `《》` and their full-width forms. A lost bracket usually means lost words, or
 * a caption or a speaker tag cut in two. List markers (`1)`, `a)`) and emoticons are not
 * brackets.
 */
export const unbalancedBracketsRule: Rule = {
  id: 'unbalanced-brackets',
  name: 'Unbalanced brackets',
  description: 'Flags brackets without their partner in the same paragraph.',
  apply(text) {
    return { flags: checkBrackets(text) }
  },
}

function checkBrackets(text: string): FlagProposal[] {
  const flags: FlagProposal[] = []
  let out: FlagProposal[] = []
  const open = new Openers()
  const line = new CurrentLine(text)
  const brackets = new Occurrences(text, NARROW_BRACKETS, WIDE_BRACKETS)
  for (let i = brackets.next(text.length); i >= 0; i = brackets.next(text.length)) {
    const ch = text[i]!
    if (line.moveTo(i) && !(open.isEmpty() && out.length === 0)) {
      endBracketParagraph(text, open, out, flags)
      out = []
    }
    const family = OPENERS[ch]
    if (family !== undefined) {
      open.push(i, family)
      continue
    }
    const above = open.close(CLOSERS[ch]!)
    if (above !== undefined) {
      // Openers above the match were never closed: `(a [b) c`.
      for (const p of above) out.push(bracketFlag(text, p, 'open'))
      continue
    }
    if (isListMarker(text, i, line.start) || isEmoticon(text, i)) continue
    out.push(bracketFlag(text, i, 'close'))
  }
  endBracketParagraph(text, open, out, flags)
  return flags
}

/** Flags the brackets left open and moves the paragraph's flags, in order, to `flags`. */
function endBracketParagraph(
  text: string,
  open: Openers,
  out: FlagProposal[],
  flags: FlagProposal[],
): void {
  for (const p of open.clear()) out.push(bracketFlag(text, p, 'open'))
  moveSorted(out, flags)
}

function bracketFlag(text: string, p: number, side: 'open' | 'close'): FlagProposal {
  const ch = text[p]!
  return {
    start: p,
    end: p + 1,
    kind: 'unbalanced-brackets',
    message:
      side === 'open'
        ? `The bracket ${ch} is never closed in this paragraph.`
        : `The bracket ${ch} closes nothing in this paragraph.`,
  }
}

/** `1)`, `a)`, `iv)` at the start of a line or after a space: a list marker. */
function isListMarker(text: string, i: number, lineStart: number): boolean {
  const ch = text[i]
  if (ch !== ')' && ch !== '）') return false
  let k = i - 1
  while (k >= lineStart && /[0-9A-Za-z]/.test(text[k]!)) k--
  const marker = text.slice(k + 1, i)
  return (
    /^(?:\d{1,3}|[A-Za-z]|[ivx]{1,4})$/.test(marker) && (k < lineStart || /[\s(（]/.test(text[k]!))
  )
}

/** `:)`, `;-)`. */
function isEmoticon(text: string, i: number): boolean {
  return /[:;=]/.test(text[i - 1] ?? '') || /[:;=]-/.test(text.slice(i - 2, i))
}
