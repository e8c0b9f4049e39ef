import { z } from 'zod'
import { ArticleIdSchema } from './model'
import { ThemeIdSchema } from './themes'
import { ListFilterSchema } from './list-filter'

/**
 * What a report is made of: chosen articles, the list as it is filtered, or every article of a
 * theme (its sub-themes included). Articles come in the order given, or the filter's order.
 */
export const ReportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: z.array(ArticleIdSchema).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('filter'), filter: ListFilterSchema.strict() }).strict(),
  z.object({ kind: z.literal('theme'), themeId: ThemeIdSchema }).strict(),
])
export type ReportScope = z.infer<typeof ReportScopeSchema>

export const PAGE_SIZES = ['A4', 'Letter'] as const
export type PageSize = (typeof PAGE_SIZES)[number]

/** How a report looks. Every field has a default, so `{}` is a complete request. */
export const ReportOptionsSchema = z
  .object({
    /** Empty: the article's title for one article, the archive's name for several. */
    title: z.string().max(300).default(''),
    subtitle: z.string().max(300).default(''),
    /** Which text each section prints; `both` sets the original beside the cleaned text. */
    text: z.enum(['cleaned', 'original', 'both']).default('cleaned'),
    metadata: z.boolean().default(true),
    themes: z.boolean().default(true),
    /** Tagged passages highlighted in their theme's colour (cleaned text only). */
    passages: z.boolean().default(true),
    /** An appendix listing every open review flag with its article. */
    flags: z.boolean().default(false),
    pageSize: z.enum(PAGE_SIZES).default('A4'),
    marginMm: z.number().min(5).max(50).default(20),
    fontSizePt: z.number().min(7).max(18).default(11),
    /** Printed at the top of every page but the title page; empty for none. */
    header: z.string().max(200).default(''),
    /** Printed at the bottom of every page beside the page number. */
    footer: z.string().max(200).default(''),
  })
  .strict()
export type ReportOptions = z.infer<typeof ReportOptionsSchema>
export type ReportOptionsInput = z.input<typeof ReportOptionsSchema>

export const REPORT_FORMATS = ['pdf', 'html'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]
