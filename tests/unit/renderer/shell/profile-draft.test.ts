import { describe, expect, it } from 'vitest'
import { builtInProfiles, ruleCatalogue } from '../../../../src/core/cleaning/profiles'
import {
  BUILT_IN_PROFILE_IDS,
  changesByRule,
  checkDraft,
  draftSignature,
  duplicateProfile,
  glossaryRow,
  ruleOn,
  slugify,
  toDraft,
  uniqueId,
} from '../../../../src/renderer/src/components/profiles/profile-draft'
import type { Change } from '../../../../src/shared/cleaning'

const [press, minimal] = builtInProfiles() as [
  ReturnType<typeof builtInProfiles>[number],
  ReturnType<typeof builtInProfiles>[number],
]

describe('profile drafts', () => {
  it('knows the built-in profiles by the ids every archive starts with', () => {
    expect([...BUILT_IN_PROFILE_IDS].sort()).toEqual(
      builtInProfiles()
        .map((p) => p.id)
        .sort(),
    )
  })

  it('round-trips a stored profile unchanged', () => {
    const check = checkDraft(toDraft(press))
    expect(check.profile).toEqual(press)
  })

  it('duplicates into a new profile with an id nobody has', () => {
    const copy = duplicateProfile(press, new Set([press.id, `${press.id}-copy`]))
    expect(copy.isNew).toBe(true)
    expect(copy.id).toBe(`${press.id}-copy-2`)
    expect(copy.name).toBe(`${press.name} (copy)`)
    expect(copy.glossary.map((g) => g.from)).toEqual(press.glossary.map((g) => g.from))
    expect(checkDraft(copy).profile?.id).toBe(copy.id)
  })

  it('makes ids the contract accepts from any name', () => {
    expect(slugify('Taiwan press, 2021–2023')).toBe('taiwan-press-2021-2023')
    expect(slugify('新华社')).toBe('profile')
    expect(slugify('Élysée')).toBe('elysee')
    expect(slugify('x'.repeat(80))).toHaveLength(50)
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3')
  })

  it('says which field is wrong, as the contract would', () => {
    const draft = toDraft(minimal)
    draft.name = '   '
    const empty = glossaryRow('  ', 'x')
    draft.glossary = [glossaryRow('my country', 'China'), empty]
    const check = checkDraft(draft)
    expect(check.profile).toBeNull()
    expect(check.problems.name).toBe('a profile needs a name')
    expect(check.problems.glossary.get(empty.key)).toBe('a glossary term cannot be empty')
  })

  it('refuses a glossary term given twice', () => {
    const draft = toDraft(minimal)
    const first = glossaryRow('my country', 'China')
    const again = glossaryRow('My Country', 'PRC')
    const exact = glossaryRow('Beijing', 'Peking', true)
    const spelling = glossaryRow('beijing', 'Peking', true)
    draft.glossary = [first, again, exact, spelling]
    const problems = checkDraft(draft).problems.glossary
    expect(problems.has(first.key)).toBe(false)
    expect(problems.get(again.key)).toBe('this term is already in the glossary')
    // Case-sensitive terms that differ in case are different terms.
    expect(problems.has(exact.key)).toBe(false)
    expect(problems.has(spelling.key)).toBe(false)

    const covered = toDraft(minimal)
    const loose = glossaryRow('beijing', 'x')
    const strict = glossaryRow('Beijing', 'y', true)
    covered.glossary = [loose, strict]
    expect(checkDraft(covered).problems.glossary.has(strict.key)).toBe(true)
  })

  it('tells an edited draft from the stored profile', () => {
    const draft = toDraft(press)
    const before = draftSignature(draft)
    draft.glossary[0]!.to = 'the PRC'
    expect(draftSignature(draft)).not.toBe(before)
  })

  it('runs a rule by its own switch, else by the switch for the others', () => {
    expect(ruleOn({ rules: { a: false }, otherRules: true }, 'a')).toBe(false)
    expect(ruleOn({ rules: {}, otherRules: true }, 'b')).toBe(true)
    expect(ruleOn(minimal, 'whitespace')).toBe(true)
    expect(ruleOn(minimal, 'glossary')).toBe(false)
  })
})

describe('changesByRule', () => {
  it('counts changes per rule in the pipeline’s order, with their names', () => {
    const rules = ruleCatalogue()
    const [r1, r2] = [rules[0]!, rules[1]!]
    const change = (rule: string): Change => ({
      rule,
      reason: '',
      step: 0,
      start: 0,
      end: 0,
      removed: '',
      replacement: '',
      originalStart: 0,
      originalEnd: 0,
    })
    const counts = changesByRule(
      [change(r2.id), change(r1.id), change(r2.id), change('gone')],
      rules,
    )
    expect(counts).toEqual([
      { id: r1.id, name: r1.name, count: 1 },
      { id: r2.id, name: r2.name, count: 2 },
      { id: 'gone', name: 'gone', count: 1 },
    ])
  })
})
