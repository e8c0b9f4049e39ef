import { z } from 'zod'
import { SORT_KEYS } from './model'
import { ThemeIdSchema } from './themes'

/** How the article list is sorted and filtered (the list's page comes on top of this). */
export const ListFilterSchema = z.object({
  sort: z.enum(SORT_KEYS).default('importedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  /** Case-insensitive words matched against title, author and source. */
  text: z.string().max(500).optional(),
  source: z.string().max(500).optional(),
  year: z.number().int().min(0).max(9999).optional(),
  edited: z.boolean().optional(),
  /** Only articles with (true) or without (false) open review flags. */
  review: z.boolean().optional(),
  /** Only articles tagged with these themes; filtering by a theme includes its sub-themes. */
  themes: z.array(ThemeIdSchema).max(1000).optional(),
  /** Whether an article needs any of `themes` or all of them. */
  themeMatch: z.enum(['all', 'any']).default('any'),
  /** Only articles with no theme (true) or with at least one (false). */
  untagged: z.boolean().optional(),
})
