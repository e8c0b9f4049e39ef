import type { ArticleSummary } from '../../shared/model'

/**
 * The index format this build writes (index/<2 hex>.json). Kept apart from archive.json's
 * SCHEMA_VERSION: the index is a cache, so a shard of another format is rebuilt from its
 * article folders rather than migrated.
 *
 * Format 1 was `{schemaVersion, articles: {id: summary}}`. Format 2 names the fields once and
 * gives each article as a row of values in that order: at 100k articles the repeated keys were
 * a third of the bytes, and a row parses about twice as fast as an object.
 */
export const INDEX_FORMAT = 2

/** A shard of format 2, as written. */
export interface ShardFile {
  format: typeof INDEX_FORMAT
  fields: string[]
  rows: unknown[][]
}

type OriginalKey = keyof ArticleSummary['original']

/**
 * One column of a row: a field of the summary, or (`inOriginal`) of its `original`. An optional
 * field that is absent is written as null (none of them is nullable, see the test), so absent
 * stays absent when read back.
 */
interface Column {
  name: string
  inOriginal: boolean
  optional: boolean
  /** What a value of this column must be; a shard with any other is rebuilt. */
  check: (value: unknown) => boolean
}

const str = (v: unknown) => typeof v === 'string'
const strOrNull = (v: unknown) => v === null || typeof v === 'string'
const bool = (v: unknown) => typeof v === 'boolean'
const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0
const ids = (v: unknown) => Array.isArray(v) && v.every(str)
const articleId = (v: unknown) => typeof v === 'string' && ID.test(v)
const ID = /^[0-9a-f]{16}$/

function field(
  name: Exclude<keyof ArticleSummary, 'original'>,
  check: Column['check'],
  optional = false,
): Column {
  return { name, inOriginal: false, optional, check }
}

function fromOriginal(name: OriginalKey, check: Column['check']): Column {
  return { name, inOriginal: true, optional: false, check }
}

/**
 * Every field of ArticleSummary, in the order of a row. The one place the row format is
 * defined: a test holds it to ArticleSummarySchema, so a field added to the summary and not
 * here fails at once instead of being dropped from the index. (Adding one changes `fields`,
 * which makes every shard of the old layout be rebuilt when the archive opens.)
 */
export const SUMMARY_COLUMNS: readonly Column[] = [
  field('id', articleId),
  field('title', str),
  field('author', strOrNull),
  field('date', strOrNull),
  field('source', strOrNull),
  field('url', strOrNull),
  field('language', strOrNull),
  field('importedAt', str),
  field('updatedAt', str),
  field('edited', bool),
  field('openFlags', count),
  field('themes', ids, true),
  field('dismissedThemes', ids, true),
  field('passageThemes', ids, true),
  fromOriginal('name', str),
  fromOriginal('ext', str),
  fromOriginal('encoding', str),
  fromOriginal('bom', bool),
  fromOriginal('size', count),
  fromOriginal('sha256', str),
]

const FIELD_NAMES = SUMMARY_COLUMNS.map((c) => (c.inOriginal ? `original.${c.name}` : c.name))
const FIELDS_KEY = FIELD_NAMES.join(',')

/** A shard's contents in the row format; `summaries` in id order. */
export function toShardFile(summaries: readonly ArticleSummary[]): ShardFile {
  return { format: INDEX_FORMAT, fields: FIELD_NAMES, rows: summaries.map(toRow) }
}

function toRow(summary: ArticleSummary): unknown[] {
  const top = summary as unknown as Record<string, unknown>
  const original = summary.original as unknown as Record<string, unknown>
  return SUMMARY_COLUMNS.map((c) => (c.inOriginal ? original : top)[c.name] ?? null)
}

/**
 * What a parsed shard holds: its summaries (in the order written), or `outdated` for a shard of
 * another format or field list (it parses but is not ours to read), or `corrupt`.
 */
export function fromShardFile(json: unknown): ArticleSummary[] | 'outdated' | 'corrupt' {
  if (typeof json !== 'object' || json === null) return 'corrupt'
  const shard = json as Partial<Record<keyof ShardFile | 'schemaVersion', unknown>>
  if (shard.format !== INDEX_FORMAT) {
    return typeof shard.format === 'number' || typeof shard.schemaVersion === 'number'
      ? 'outdated'
      : 'corrupt'
  }
  if (!Array.isArray(shard.fields) || !Array.isArray(shard.rows)) return 'corrupt'
  if (shard.fields.join(',') !== FIELDS_KEY) return 'outdated'
  const out: ArticleSummary[] = new Array(shard.rows.length)
  for (let r = 0; r < shard.rows.length; r++) {
    const summary = fromRow(shard.rows[r])
    if (!summary) return 'corrupt'
    out[r] = summary
  }
  return out
}

/**
 * One row as a summary, or null when a value is not of its column's kind. Checked by hand rather
 * than by the summary schema: opening 100k articles ran the schema over every record and spent
 * about a second in it. The index is our own cache, rebuilt from the meta.json files (which
 * are fully validated) when a row fails this.
 *
 * Made once from SUMMARY_COLUMNS as a function with one object literal per summary: objects of
 * one shape, built without a loop over the columns, decode 100k rows about four times faster.
 */
const fromRow = compileRowReader()

function compileRowReader(): (row: unknown) => ArticleSummary | null {
  const value = (i: number) => `row[${i}]`
  const checks = SUMMARY_COLUMNS.map(
    (c, i) => `(${c.optional ? `${value(i)} === null || ` : ''}checks[${i}](${value(i)}))`,
  )
  const entry = (c: Column, i: number) => `${JSON.stringify(c.name)}: ${value(i)}`
  const required = (inOriginal: boolean) =>
    SUMMARY_COLUMNS.flatMap((c, i) =>
      c.inOriginal === inOriginal && !c.optional ? [entry(c, i)] : [],
    )
  // An absent optional field gets no key at all (a key deleted later would slow every access).
  const optional = SUMMARY_COLUMNS.flatMap((c, i) =>
    c.optional
      ? [`if (${value(i)} !== null) summary[${JSON.stringify(c.name)}] = ${value(i)}`]
      : [],
  )
  const body = `
    if (!Array.isArray(row) || row.length !== ${SUMMARY_COLUMNS.length}) return null
    if (!(${checks.join(' && ')})) return null
    const summary = { ${required(false).join(', ')}, original: { ${required(true).join(', ')} } }
    ${optional.join('\n')}
    return summary`
  const make = new Function('checks', `return function fromRow(row) {${body}}`) as (
    checks: Column['check'][],
  ) => (row: unknown) => ArticleSummary | null
  return make(SUMMARY_COLUMNS.map((c) => c.check))
}
