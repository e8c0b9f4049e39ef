import type { Profile, RuleInfo } from '../../shared/profile'
import { cleanWith } from './engine'
import { RULES } from './rules'
import type { CleanResult } from './types'

export const DEFAULT_PROFILE_ID = 'mt-chinese-press'
export const MINIMAL_PROFILE_ID = 'minimal'

/** Rules the Minimal profile keeps: white space and layout only. */
const WHITESPACE_ONLY = new Set(['whitespace', 'space-run', 'trailing-space', 'paragraph-layout'])

/** The profiles every new archive starts with. */
export function builtInProfiles(): Profile[] {
  return [
    {
      id: DEFAULT_PROFILE_ID,
      name: 'Machine-translated Chinese press',
      description:
        'Press furniture out, machine-translation artifacts repaired, doubtful spots flagged.',
      rules: {},
      otherRules: true,
      glossary: [
        { from: 'my country', to: 'China' },
        { from: 'our country', to: 'China' },
      ],
    },
    {
      id: MINIMAL_PROFILE_ID,
      name: 'Minimal',
      description: 'White space and paragraph layout only; the words are left as they are.',
      rules: Object.fromEntries([...WHITESPACE_ONLY].map((id) => [id, true])),
      otherRules: false,
      glossary: [],
    },
  ]
}

/** Clean a text with a profile: its rules in pipeline order, its glossary. */
export function cleanText(text: string, profile: Profile): CleanResult {
  return cleanWith(
    text,
    RULES.filter((r) => profile.rules[r.id] ?? profile.otherRules),
    profile.glossary,
  )
}

/** What the UI shows of each rule. */
export function ruleCatalogue(): RuleInfo[] {
  return RULES.map(({ id, name, description }) => ({ id, name, description }))
}
