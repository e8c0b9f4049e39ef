/** The ways a theme vocabulary is written out to be shared between archives or edited by hand. */
export const CODEBOOK_FORMATS = ['csv', 'json'] as const
export type CodebookFormat = (typeof CODEBOOK_FORMATS)[number]

/** The columns of a codebook CSV, in order; `name` is the only one an import needs. */
export const CODEBOOK_COLUMNS = [
  'name',
  'parent',
  'color',
  'description',
  'keywords',
  'pinned',
] as const

/** What importing a codebook does (or, in a dry run, would do), by theme name. */
export interface CodebookSummary {
  created: string[]
  updated: string[]
  unchanged: string[]
  /** Each names the row it is about; with any, nothing is imported. */
  errors: string[]
  /** True once the vocabulary was changed; false for a dry run and for a refused import. */
  applied: boolean
}
