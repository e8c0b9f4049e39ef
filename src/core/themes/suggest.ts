import type { ThemeSuggestion } from '../../shared/suggestions'
import type { Theme } from '../../shared/themes'

export type { ThemeSuggestion }

/** What a suggestion is made from: the article's words and what is known about its themes. */
export interface SuggestInput {
  title: string
  text: string
  /** Themes the article already has: never suggested again. */
  themes?: readonly string[] | undefined
  /** Themes a person turned down for this article. */
  dismissedThemes?: readonly string[] | undefined
}

/** The keywords of a whole vocabulary, prepared once to be matched against many articles. */
export interface KeywordMatcher {
  /** False when no theme has a keyword: nothing can ever be suggested. */
  readonly hasKeywords: boolean
  suggest(article: SuggestInput): ThemeSuggestion[]
}

const CJK = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}`

/**
 * Text is compared as tokens: a run of Chinese or Japanese characters is one token that a
 * keyword may match anywhere inside (as a substring: these languages put no spaces between
 * words); a run of other letters and digits is one token, matched whole (so `tax` does not
 * match inside `taxi`); any other mark of punctuation is a token (so a phrase does not match
 * across a full stop). Spaces, hyphens, dashes and underscores only separate tokens:
 * `decision-making` and `decision making` are the same two tokens.
 */
const TOKEN = new RegExp(
  String.raw`([${CJK}]+)|[^\s\p{P}\p{S}\p{Z}\p{C}${CJK}]+|[^\s\p{Pd}_\p{Z}\p{C}]`,
  'gu',
)
const ASCII = /^[\x00-\x7f]*$/

/**
 * The form words are compared in: NFKC (which also folds full-width letters and digits to
 * their usual width, and composes accents), lower case, typographic apostrophes as plain ones,
 * soft hyphens gone.
 */
export function normalizeForMatch(text: string): string {
  // Most English text is plain ASCII, which NFKC leaves as it is.
  const folded = ASCII.test(text) ? text : text.normalize('NFKC')
  return folded
    .toLowerCase()
    .replace(/\u00ad/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
}

interface Tokens {
  tokens: string[]
  /** Whether each token is a run of Chinese or Japanese characters. */
  runs: boolean[]
}

function tokensOf(text: string): Tokens {
  const tokens: string[] = []
  const runs: boolean[] = []
  const re = new RegExp(TOKEN)
  for (let m = re.exec(normalizeForMatch(text)); m; m = re.exec(m.input)) {
    tokens.push(m[0])
    runs.push(m[1] !== undefined)
  }
  return { tokens, runs }
}

/** The tokens words are matched as (see TOKEN). */
export function tokenize(text: string): string[] {
  return tokensOf(text).tokens
}

interface CompiledKeyword extends Tokens {
  themeId: string
  themeIndex: number
  /** Where the keyword stands in its theme's list, so matches are reported in that order. */
  keywordIndex: number
}

/**
 * Prepare a vocabulary's keywords. Keywords are indexed by their first word (or, for Chinese,
 * first character), so each article is read once, token by token, whatever the number of
 * keywords; call this once for a run over many articles.
 */
export function compileKeywords(themes: readonly Theme[]): KeywordMatcher {
  const byWord = new Map<string, CompiledKeyword[]>()
  const byChar = new Map<number, CompiledKeyword[]>()
  let count = 0
  themes.forEach((theme, themeIndex) => {
    theme.keywords.forEach((keyword, keywordIndex) => {
      const { tokens, runs } = tokensOf(keyword)
      const first = tokens[0]
      if (first === undefined) return
      const k = { tokens, runs, themeId: theme.id, themeIndex, keywordIndex }
      if (runs[0]) push(byChar, first.charCodeAt(0), k)
      else push(byWord, first, k)
      count++
    })
  })

  function suggest(article: SuggestInput): ThemeSuggestion[] {
    if (count === 0) return []
    const skip = new Set([...(article.themes ?? []), ...(article.dismissedThemes ?? [])])
    const hits = new Map<number, Map<number, number>>()
    const hit = (k: CompiledKeyword) => {
      if (skip.has(k.themeId)) return
      const perTheme = hits.get(k.themeIndex) ?? new Map<number, number>()
      perTheme.set(k.keywordIndex, (perTheme.get(k.keywordIndex) ?? 0) + 1)
      hits.set(k.themeIndex, perTheme)
    }
    // The title and the text are matched apart: a phrase does not run from one into the other.
    // A title the text opens with (as imported articles do) is not counted twice.
    const head = article.text.slice(0, article.title.length + 200)
    const parts = head.includes(article.title) ? [article.text] : [article.title, article.text]
    for (const part of parts) {
      const text = tokensOf(part)
      const { tokens, runs } = text
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i]!
        if (!runs[i]) {
          for (const k of byWord.get(token) ?? []) if (restMatches(k, text, i + 1)) hit(k)
          continue
        }
        if (byChar.size === 0) continue
        for (let at = 0; at < token.length; at++) {
          const candidates = byChar.get(token.charCodeAt(at))
          if (!candidates) continue
          for (const k of candidates) {
            const head = k.tokens[0]!
            if (!token.startsWith(head, at)) continue
            if (k.tokens.length === 1) hit(k)
            else if (at + head.length === token.length && restMatches(k, text, i + 1)) hit(k)
          }
        }
      }
    }
    const out: (ThemeSuggestion & { order: number })[] = []
    for (const [themeIndex, perTheme] of hits) {
      const theme = themes[themeIndex]!
      const indexes = [...perTheme.keys()].sort((a, b) => a - b)
      out.push({
        themeId: theme.id,
        matched: indexes.map((i) => theme.keywords[i]!),
        count: [...perTheme.values()].reduce((n, c) => n + c, 0),
        order: themeIndex,
      })
    }
    out.sort((a, b) => b.count - a.count || a.order - b.order)
    return out.map(({ themeId, matched, count }) => ({ themeId, matched, count }))
  }

  return { hasKeywords: count > 0, suggest }
}

function push<K>(map: Map<K, CompiledKeyword[]>, key: K, k: CompiledKeyword): void {
  const list = map.get(key)
  if (list) list.push(k)
  else map.set(key, [k])
}

/**
 * Whether a keyword's tokens after its first follow in the text from token `at`. A Chinese
 * part must start its run of characters; it may end inside it only as the keyword's last part.
 */
function restMatches(k: CompiledKeyword, text: Tokens, at: number): boolean {
  const n = k.tokens.length
  if (at + n - 1 > text.tokens.length) return false
  for (let j = 1; j < n; j++) {
    const want = k.tokens[j]!
    const got = text.tokens[at + j - 1]!
    if (k.runs[j]) {
      if (!text.runs[at + j - 1] || !got.startsWith(want)) return false
      if (j < n - 1 && got.length !== want.length) return false
    } else if (got !== want) return false
  }
  return true
}

/** Suggestions for one article; for many, compile the keywords once with compileKeywords. */
export function suggestThemes(themes: readonly Theme[], article: SuggestInput): ThemeSuggestion[] {
  return compileKeywords(themes).suggest(article)
}
