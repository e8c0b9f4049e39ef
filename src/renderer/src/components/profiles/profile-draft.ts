import type { Change } from '../../../../shared/cleaning'
import { ProfileSchema, type Profile, type RuleInfo } from '../../../../shared/profile'

/**
 * The profiles every archive starts with (src/core/cleaning/profiles.ts). The editor keeps them
 * as the reference they are: to change one, a person duplicates it and edits the copy.
 */
export const BUILT_IN_PROFILE_IDS: readonly string[] = ['mt-chinese-press', 'minimal']

export function isBuiltIn(id: string): boolean {
  return BUILT_IN_PROFILE_IDS.includes(id)
}

/** A glossary row while it is edited; `key` keeps its inputs in place as rows come and go. */
export interface GlossaryRow {
  key: number
  from: string
  to: string
  caseSensitive: boolean
}

/** A profile as the form holds it. */
export interface ProfileDraft {
  id: string
  name: string
  description: string
  rules: Record<string, boolean>
  otherRules: boolean
  glossary: GlossaryRow[]
  /** Not stored yet (a duplicate being set up). */
  isNew: boolean
}

let nextKey = 1

export function glossaryRow(from = '', to = '', caseSensitive = false): GlossaryRow {
  return { key: nextKey++, from, to, caseSensitive }
}

export function toDraft(profile: Profile, isNew = false): ProfileDraft {
  return {
    id: profile.id,
    name: profile.name,
    description: profile.description,
    rules: { ...profile.rules },
    otherRules: profile.otherRules,
    glossary: profile.glossary.map((g) => glossaryRow(g.from, g.to, g.caseSensitive ?? false)),
    isNew,
  }
}

/** The draft in the contract's shape, before validation (so the form can say what is wrong). */
export function fromDraft(draft: ProfileDraft): unknown {
  return {
    id: draft.id,
    name: draft.name,
    description: draft.description,
    rules: { ...draft.rules },
    otherRules: draft.otherRules,
    glossary: draft.glossary.map(({ from, to, caseSensitive }) =>
      caseSensitive ? { from, to, caseSensitive } : { from, to },
    ),
  }
}

/** What the stored form of a draft is, for telling whether it has changed. */
export function draftSignature(draft: ProfileDraft): string {
  return JSON.stringify(fromDraft(draft))
}

/** A profile id from a name: lower-case letters, digits and hyphens, as ProfileIdSchema wants. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '')
  return slug || 'profile'
}

/** `base`, or `base-2`, `base-3`… whichever no profile has yet. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}

/** An editable copy of a profile under a new id and name. */
export function duplicateProfile(profile: Profile, taken: ReadonlySet<string>): ProfileDraft {
  const draft = toDraft(profile, true)
  draft.id = uniqueId(slugify(`${profile.id}-copy`), taken)
  draft.name = `${profile.name} (copy)`.slice(0, 100)
  return draft
}

/** Whether a rule runs under a draft: its own switch, or the switch for all others. */
export function ruleOn(draft: Pick<ProfileDraft, 'rules' | 'otherRules'>, ruleId: string): boolean {
  return draft.rules[ruleId] ?? draft.otherRules
}

export interface DraftProblems {
  name?: string
  description?: string
  /** By row key. */
  glossary: Map<number, string>
  /** Anything the form has no place for (should not happen; shown above the form). */
  other: string[]
}

export interface DraftCheck {
  /** The profile to store or preview, when the draft is valid. */
  profile: Profile | null
  problems: DraftProblems
}

/**
 * Check a draft as the archive will (ProfileSchema), and also that no glossary term appears
 * twice, which would leave a person guessing which replacement wins.
 */
export function checkDraft(draft: ProfileDraft): DraftCheck {
  const problems: DraftProblems = { glossary: new Map(), other: [] }
  const parsed = ProfileSchema.safeParse(fromDraft(draft))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index] = issue.path
      if (field === 'name') problems.name ??= issue.message
      else if (field === 'description') problems.description ??= issue.message
      else if (field === 'glossary' && typeof index === 'number') {
        const row = draft.glossary[index]
        if (row && !problems.glossary.has(row.key)) problems.glossary.set(row.key, issue.message)
      } else problems.other.push(issue.message)
    }
  }
  // A case-insensitive term covers every spelling of itself; case-sensitive ones only their own.
  const anySpelling = new Set<string>()
  const insensitive = new Set<string>()
  const exact = new Set<string>()
  for (const row of draft.glossary) {
    const term = row.from.trim()
    if (term === '') continue
    const lower = term.toLowerCase()
    const clash = row.caseSensitive
      ? insensitive.has(lower) || exact.has(term)
      : anySpelling.has(lower)
    if (clash && !problems.glossary.has(row.key)) {
      problems.glossary.set(row.key, 'this term is already in the glossary')
    }
    anySpelling.add(lower)
    if (row.caseSensitive) exact.add(term)
    else insensitive.add(lower)
  }
  const ok =
    parsed.success &&
    problems.glossary.size === 0 &&
    problems.name === undefined &&
    problems.description === undefined
  return { profile: ok ? parsed.data : null, problems }
}

export interface RuleCount {
  id: string
  name: string
  count: number
}

/** How many changes each rule made, in the rules' own order, leaving out rules that made none. */
export function changesByRule(changes: readonly Change[], rules: readonly RuleInfo[]): RuleCount[] {
  const counts = new Map<string, number>()
  for (const change of changes) counts.set(change.rule, (counts.get(change.rule) ?? 0) + 1)
  const known = rules
    .filter((r) => counts.has(r.id))
    .map((r) => ({ id: r.id, name: r.name, count: counts.get(r.id)! }))
  const unknown = [...counts]
    .filter(([id]) => !rules.some((r) => r.id === id))
    .map(([id, count]) => ({ id, name: id, count }))
  return [...known, ...unknown]
}
