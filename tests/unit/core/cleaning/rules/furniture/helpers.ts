import { runRules } from '../../../../../../src/core/cleaning/engine'
import { furnitureRules } from '../../../../../../src/core/cleaning/rules/furniture'
import type { Change, Flag, FoundMetadata, Rule } from '../../../../../../src/core/cleaning/types'

export interface Cleaned {
  text: string
  metadata: FoundMetadata
  changes: Change[]
  flags: Flag[]
}

/** Runs rules (by default the three furniture rules, in the profile's order) on a text. */
export function run(text: string, rules: readonly Rule[] = furnitureRules): Cleaned {
  const metadata: FoundMetadata = {}
  const out = runRules(text, rules, { glossary: [], metadata })
  return { text: out.text, metadata, changes: out.changes, flags: out.flags }
}

/** The edits the rules propose on their own output: none, if they are idempotent. */
export function secondRun(text: string, rules: readonly Rule[] = furnitureRules): Change[] {
  return run(run(text, rules).text, rules).changes
}

/** Each change as [rule, reason, removed text trimmed], for exact assertions on the log. */
export function log(changes: readonly Change[]): [string, string, string][] {
  return changes.map((c) => [c.rule, c.reason, c.removed.trim()])
}

/** A paragraph of the genre: long, several sentences, decimals, a range, an abbreviation. */
export const PARA =
  'The Ministry of Education held a press conference on the 20th. More than 80% of students, ' +
  'about 3.5 million, returned in the 2020-2021 school year, U.S. and EU data show.'
export const PARA2 =
  'According to Liu Jin, the ministry has signed agreements with 58 countries and regions. ' +
  'The next meeting is planned for 10:30 on Monday, at www.moe.gov.cn and in Beijing.'
