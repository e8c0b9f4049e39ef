import type {
  Change,
  CleanResult,
  EditProposal,
  Flag,
  FoundMetadata,
  GlossaryEntry,
  Rule,
  RuleContext,
} from './types'

/** A first paragraph longer than this is a paragraph, not a headline. */
const MAX_TITLE_LENGTH = 200

interface Step {
  /** Sorted, non-overlapping, in the step's input coordinates. */
  edits: EditProposal[]
  /** Where each edit's replacement starts in the step's output. */
  outStarts: number[]
}

/**
 * Run rules one after the other, each on the text the previous one produced. Returns the text,
 * the change log (each edit with the rule that made it, also mapped back onto the input), and
 * the flags raised, mapped forward onto the returned text.
 */
export function runRules(
  input: string,
  rules: readonly Rule[],
  ctx: RuleContext,
): { text: string; changes: Change[]; flags: Flag[] } {
  const log: Log = { steps: [], changes: [] }
  const pass = runPass(input, rules, ctx, log)
  return { text: pass.text, changes: log.changes, flags: flagsOf(pass.flags, log.steps) }
}

/** Steps and changes of a run, shared by its passes so later ones map back to the original. */
interface Log {
  steps: Step[]
  changes: Change[]
}

function runPass(
  input: string,
  rules: readonly Rule[],
  ctx: RuleContext,
  log: Log,
): { text: string; flags: { flag: Flag; step: number }[] } {
  let text = input
  const { steps, changes } = log
  const flags: { flag: Flag; step: number }[] = []
  for (const rule of rules) {
    const output = rule.apply(text, ctx)
    const edits = normalise(rule, text, output.edits ?? [])
    for (const flag of output.flags ?? []) {
      flags.push({ flag: { ...flag, rule: rule.id }, step: steps.length })
    }
    if (edits.length === 0) {
      steps.push({ edits: [], outStarts: [] })
      continue
    }
    const stepIndex = steps.length
    const step = applyStep(text, edits)
    steps.push(step.step)
    for (const e of edits) {
      changes.push({
        rule: rule.id,
        reason: e.reason,
        step: stepIndex,
        start: e.start,
        end: e.end,
        removed: text.slice(e.start, e.end),
        replacement: e.replacement,
        ...originalSpan(e, steps, stepIndex),
      })
    }
    text = step.text
  }
  return { text, flags }
}

function flagsOf(raw: { flag: Flag; step: number }[], steps: readonly Step[]): Flag[] {
  return raw.map(({ flag, step }) => ({
    ...flag,
    start: mapForward(flag.start, steps, step, 'left'),
    end: mapForward(flag.end, steps, step, 'right'),
  }))
}

/**
 * The header rule judges a line by its surroundings (is this a title, with a byline below
 * it?) and can decide differently once later rules have repaired that text. After a pass it is
 * asked again; if it would still change something, the whole pipeline runs once more, so that
 * cleaning a cleaned text changes nothing. (Asking every surroundings-sensitive rule again cost
 * a sixth of the cleaning time; generated text found no instability outside the header.)
 */
const SETTLING_RULES = new Set(['header'])

/** Apply a change log to the text it was made from: gives exactly the cleaned text. */
export function replayChanges(original: string, changes: readonly Change[]): string {
  let text = original
  const bySteps = new Map<number, Change[]>()
  for (const c of changes) bySteps.set(c.step, [...(bySteps.get(c.step) ?? []), c])
  for (const step of [...bySteps.keys()].sort((a, b) => a - b)) {
    const edits = bySteps
      .get(step)!
      .slice()
      .sort((a, b) => a.start - b.start)
    let out = ''
    let at = 0
    for (const e of edits) {
      if (text.slice(e.start, e.end) !== e.removed) {
        throw new Error(`change log does not fit the text at step ${step}, offset ${e.start}`)
      }
      out += text.slice(at, e.start) + e.replacement
      at = e.end
    }
    text = out + text.slice(at)
  }
  return text
}

/** Cleaning a text with a set of rules, a glossary and (for titles) the same repairs. */
export function cleanWith(
  original: string,
  rules: readonly Rule[],
  glossary: readonly GlossaryEntry[],
): CleanResult {
  const metadata: FoundMetadata = {}
  const log: Log = { steps: [], changes: [] }
  let pass = runPass(original, rules, { glossary, metadata }, log)
  const settling = rules.filter((r) => SETTLING_RULES.has(r.id))
  const probe = { glossary, metadata: {} }
  if (settling.some((r) => (r.apply(pass.text, probe).edits ?? []).length > 0)) {
    const more: FoundMetadata = {}
    pass = runPass(pass.text, rules, { glossary, metadata: more }, log)
    for (const key of Object.keys(more) as (keyof FoundMetadata)[]) metadata[key] ??= more[key]
  }
  const body = { text: pass.text, changes: log.changes, flags: flagsOf(pass.flags, log.steps) }
  // No title line came out with a header: an article that opens with its headline (and no
  // byline) keeps it in the body, and its first paragraph names the article if it is short.
  if (!metadata.title) {
    const first = body.text.split('\n', 1)[0]?.trim() ?? ''
    if (first && first.length <= MAX_TITLE_LENGTH) metadata.title = first
  }
  if (metadata.title) {
    const titleRules = rules.filter((r) => r.appliesToTitle)
    metadata.title = runRules(metadata.title, titleRules, { glossary, metadata: {} }).text.trim()
  }
  return { cleaned: body.text, metadata, changes: body.changes, flags: body.flags }
}

function normalise(rule: Rule, text: string, edits: EditProposal[]): EditProposal[] {
  if (edits.length === 0) return edits
  const sorted = edits.filter((e) => !changesNothing(text, e))
  // Rules mostly propose edits in text order already: checking costs less than sorting.
  if (!inTextOrder(sorted)) sorted.sort(byPlace)
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!
    if (e.start < 0 || e.end > text.length || e.start > e.end) {
      throw new Error(`rule ${rule.id} proposed an edit outside the text (${e.start}–${e.end})`)
    }
    const prev = sorted[i - 1]
    if (prev && prev.end > e.start) {
      throw new Error(`rule ${rule.id} proposed overlapping edits at ${prev.start} and ${e.start}`)
    }
  }
  return sorted
}

/** An edit that puts back what is there (compared in place: no substring per edit). */
function changesNothing(text: string, e: EditProposal): boolean {
  return (
    e.start >= 0 &&
    e.end - e.start === e.replacement.length &&
    text.startsWith(e.replacement, e.start)
  )
}

function byPlace(a: EditProposal, b: EditProposal): number {
  return a.start - b.start || a.end - b.end
}

function inTextOrder(edits: readonly EditProposal[]): boolean {
  for (let i = 1; i < edits.length; i++) if (byPlace(edits[i - 1]!, edits[i]!) > 0) return false
  return true
}

function applyStep(text: string, edits: EditProposal[]): { text: string; step: Step } {
  let out = ''
  let at = 0
  const outStarts: number[] = []
  for (const e of edits) {
    out += text.slice(at, e.start)
    outStarts.push(out.length)
    out += e.replacement
    at = e.end
  }
  return { text: out + text.slice(at), step: { edits, outStarts } }
}

function originalSpan(
  e: EditProposal,
  steps: readonly Step[],
  stepIndex: number,
): { originalStart: number; originalEnd: number } {
  const originalStart = mapBack(e.start, steps, stepIndex, e.start === e.end ? 'right' : 'left')
  const originalEnd = mapBack(e.end, steps, stepIndex, 'right')
  return { originalStart, originalEnd: Math.max(originalStart, originalEnd) }
}

/** Map a position in the output of `steps[upTo - 1]` (the input of step `upTo`) to the original. */
function mapBack(
  pos: number,
  steps: readonly Step[],
  upTo: number,
  bias: 'left' | 'right',
): number {
  let p = pos
  for (let s = upTo - 1; s >= 0; s--) p = backThrough(p, steps[s]!, bias)
  return p
}

function backThrough(p: number, step: Step, bias: 'left' | 'right'): number {
  const { edits, outStarts } = step
  // The last edit whose replacement starts at or before p.
  let lo = 0
  let hi = edits.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (outStarts[mid]! <= p) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  if (found < 0) return p
  const e = edits[found]!
  const outStart = outStarts[found]!
  const outEnd = outStart + e.replacement.length
  if (p > outEnd) return e.end + (p - outEnd)
  // At a deletion, a range starting here starts after what was deleted, one ending here ends before.
  if (outStart === outEnd) return bias === 'left' ? e.end : e.start
  if (p === outStart) return e.start
  if (p === outEnd) return e.end
  return bias === 'left' ? e.start : e.end
}

/** Map a position in the input of step `from` forward, through it and every later step. */
function mapForward(
  pos: number,
  steps: readonly Step[],
  from: number,
  bias: 'left' | 'right',
): number {
  let p = pos
  for (let s = from; s < steps.length; s++) p = forwardThrough(p, steps[s]!, bias)
  return p
}

function forwardThrough(p: number, step: Step, bias: 'left' | 'right'): number {
  let delta = 0
  for (let i = 0; i < step.edits.length; i++) {
    const e = step.edits[i]!
    if (p < e.start) return p + delta
    const outStart = step.outStarts[i]!
    // A span that ends or starts at an edit keeps out of its replacement.
    if (p === e.start) return outStart
    if (p < e.end) return bias === 'left' ? outStart : outStart + e.replacement.length
    if (p === e.end) return outStart + e.replacement.length
    delta += e.replacement.length - (e.end - e.start)
  }
  return p + delta
}
