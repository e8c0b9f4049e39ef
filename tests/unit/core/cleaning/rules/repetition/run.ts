import { replayChanges, runRules } from '../../../../../../src/core/cleaning/engine'
import type { FoundMetadata, Rule } from '../../../../../../src/core/cleaning/types'

export interface Ran {
  text: string
  /** The reasons of the edits, in order. */
  reasons: string[]
  /** What each edit took out. */
  removed: string[]
  /** Each flag as kind, the text it covers in the result, and its suggestion. */
  flags: { kind: string; text: string; suggestion?: string }[]
  messages: string[]
}

/** Run one rule through the real engine, and check its change log replays onto the input. */
export function run(rule: Rule, text: string, metadata: FoundMetadata = {}): Ran {
  const r = runRules(text, [rule], { glossary: [], metadata: { ...metadata } })
  if (replayChanges(text, r.changes) !== r.text) throw new Error('the change log does not replay')
  return {
    text: r.text,
    reasons: r.changes.map((c) => c.reason),
    removed: r.changes.map((c) => c.removed),
    flags: r.flags.map((f) => ({
      kind: f.kind,
      text: r.text.slice(f.start, f.end),
      ...(f.suggestion === undefined ? {} : { suggestion: f.suggestion }),
    })),
    messages: r.flags.map((f) => f.message),
  }
}

/** The edits a rule proposes on its own output: none, for an idempotent rule. */
export function editsOnOutput(rule: Rule, text: string, metadata: FoundMetadata = {}): number {
  const once = runRules(text, [rule], { glossary: [], metadata: { ...metadata } }).text
  return rule.apply(once, { glossary: [], metadata: { ...metadata } }).edits?.length ?? 0
}
