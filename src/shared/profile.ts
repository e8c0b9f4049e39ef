import { z } from 'zod'

/** A whole-word substitution of a profile's glossary (`my country` → `China`). */
export const GlossaryEntrySchema = z
  .object({
    from: z.string().trim().min(1, 'a glossary term cannot be empty').max(200),
    to: z.string().max(200),
    /** Matched case-insensitively unless set. */
    caseSensitive: z.boolean().optional(),
  })
  .strict()
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>

export const ProfileIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,60}$/, 'a profile id is 1–60 lower-case letters, digits and hyphens')

/** A set of cleaning rules and a glossary, stored per archive and editable. */
export const ProfileSchema = z
  .object({
    id: ProfileIdSchema,
    name: z.string().trim().min(1, 'a profile needs a name').max(100),
    description: z.string().max(1000).default(''),
    /** Rules switched on or off by id; a rule not named here follows `otherRules`. */
    rules: z.record(z.string().max(60), z.boolean()).default({}),
    /** Whether rules not named in `rules` (including rules added by later versions) run. */
    otherRules: z.boolean().default(true),
    glossary: z.array(GlossaryEntrySchema).max(5000).default([]),
  })
  .strict()
export type Profile = z.infer<typeof ProfileSchema>

/** What the UI shows of a rule in the profile editor. */
export interface RuleInfo {
  id: string
  name: string
  description: string
}
