import { z } from 'zod'
import { cleanWith } from './engine'
import { RULES } from './rules'
import type { CleanResult } from './types'

export const GlossaryEntrySchema = z
  .object({
    from: z.string().trim().min(1, 'a glossary term cannot be empty').max(200),
    to: z.string().max(200),
    caseSensitive: z.boolean().optional(),
  })
  .strict()

export const ProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,60}$/, 'a profile id is lower-case letters, digits and -'),
    name: z.string().trim().min(1).max(100),
    description: z.string().max(1000).default(''),
    /** Rules switched on or off by name; a rule not named here follows `otherRules`. */
    rules: z.record(z.string().max(60), z.boolean()).default({}),
    /** Whether rules not named in `rules` (including rules added by later versions) run. */
    otherRules: z.boolean().default(true),
    glossary: z.array(GlossaryEntrySchema).max(5000).default([]),
  })
  .strict()
export type Profile = z.infer<typeof ProfileSchema>

export const DEFAULT_PROFILE_ID = 'mt-chinese-press'
export const MINIMAL_PROFILE_ID = 'minimal'

/** Rules the Minimal profile keeps: white space and layout only. */
const WHITESPACE_ONLY = new Set(['whitespace', 'paragraph-layout'])

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
export function ruleCatalogue(): { id: string; name: string; description: string }[] {
  return RULES.map(({ id, name, description }) => ({ id, name, description }))
}
