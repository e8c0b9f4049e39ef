import fc from 'fast-check'
import { runRules } from '../../../../../../src/core/cleaning/engine'
import type { Flag, Rule, RuleContext } from '../../../../../../src/core/cleaning/types'

export const CTX: RuleContext = { glossary: [], metadata: {} }

/** The text after `rules` ran once, through the real engine (which checks the edits). */
export function clean(text: string, ...rules: Rule[]): string {
  return runRules(text, rules, CTX).text
}

/** The changes made, as `removed → replacement: reason`, for exact assertions. */
export function changes(text: string, ...rules: Rule[]): string[] {
  return runRules(text, rules, CTX).changes.map(
    (c) => `${JSON.stringify(c.removed)} → ${JSON.stringify(c.replacement)}: ${c.reason}`,
  )
}

/** The flags raised, with the text they cover in the output. */
export function flags(text: string, ...rules: Rule[]): (Flag & { covers: string })[] {
  const run = runRules(text, rules, CTX)
  return run.flags.map((f) => ({ ...f, covers: run.text.slice(f.start, f.end) }))
}

/** How many edits a rule proposes on a text (0 for text it has nothing to say about). */
export function editCount(rule: Rule, text: string): number {
  return (rule.apply(text, CTX).edits ?? []).filter(
    (e) => text.slice(e.start, e.end) !== e.replacement,
  ).length
}

/** Ordinary words of the genre and the traps the spacing rules must leave alone. */
export const CLEAN_PIECES = [
  'the',
  'Ministry',
  'of',
  'Education',
  'cooperation',
  'development',
  'students',
  'and',
  'in',
  'Beijing',
  'decision-making',
  'high-quality',
  'Guangdong-Hong Kong-Macao',
  '2020-2021',
  '2020 - 2021',
  '-',
  'U.S.',
  'No.1',
  'e.g.',
  'i.e.',
  '3.5',
  '10:30',
  '80%',
  '$500',
  'US$60',
  'www.toutiao.com',
  'chinanews.com',
  'https://www.example.com/a?b=1,c=2',
  'news@xinhua.org',
  'report.PDF',
  'Mr. Smith',
  '...',
  '…',
  '(APEC)',
  '"Belt and Road"',
  '“Chinese virus”',
  'China’s',
  'can’t',
  "Xi'an",
  'Xi’an',
  '中国，美国。',
  '（完）',
  '“两个确立”',
  'a.m.',
  '1,000',
  '2007-12-17',
  '0:00',
]

/** Artifacts of the genre the spacing rules repair. */
export const ARTIFACTS = [
  'decision -making',
  'high -quality',
  'Guangdong -Hong Kong -Macao',
  '(non -)',
  'In -depth',
  'up -to -date',
  'decision- making',
  '80 %',
  'News ,',
  'years ,',
  '" if they dare "',
  '( APEC )',
  '$ 500',
  'US $ 60 billion',
  'Beijing，China',
  'plan（draft）',
  'yuan?Official',
  'field.As',
  'CCTV News:On',
  'important!The',
  '10%of',
  '(Sunday);The',
  'Mr.Smith',
  'all...Washington',
  'ca n’t',
  'government ’s',
  'Xi ‘an',
  '2007- 12- 17',
  'as of 0: 00 on',
  'two  spaces',
  'tab\there',
  'trailing  ',
]

/** Press-like lines: words and `pieces` joined by single spaces, ending in a full stop. */
export function linesOf(pieces: readonly string[], words: readonly string[] = CLEAN_PIECES) {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...words) },
    { weight: 1, arbitrary: fc.constantFrom(...pieces) },
  )
  const line = fc.array(piece, { minLength: 1, maxLength: 16 }).map((ps) => `${ps.join(' ')}.`)
  return fc.array(line, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('\n'))
}
