import { z } from 'zod'
import { CODEBOOK_COLUMNS, type CodebookFormat, type CodebookSummary } from '../../shared/codebook'
import { ThemeColorSchema, ThemeSchema, themeNameKey, type Theme } from '../../shared/themes'
import { CsvError, formatCsv, parseCsv } from './csv'
import { dedupe, defaultColor, newThemeId } from './vocabulary'

/** Names the JSON form of a codebook, so another JSON file is not taken for one. */
export const CODEBOOK_FORMAT_NAME = 'press-archive-codebook'
export const CODEBOOK_VERSION = 1

/** Keywords share one CSV field, separated by semicolons. */
const KEYWORD_SEPARATOR = ';'

/** One theme of a codebook as written: its parent by name, so it means the same in any archive. */
export interface CodebookEntry {
  name: string
  parent: string | null
  color: string
  description: string
  keywords: string[]
  pinned: boolean
}

/**
 * One theme as read from a codebook. A field left undefined was not given (a column or property
 * missing, or a blank colour or pin) and stays as the archive has it.
 */
export interface CodebookRow {
  /** How messages name the row: `Row 3` of a CSV (the header is row 1), `Theme 2` of a JSON. */
  label: string
  name: string
  parent?: string | null
  color?: string
  description?: string
  keywords?: string[]
  pinned?: boolean
}

export function toEntries(themes: readonly Theme[]): CodebookEntry[] {
  const byId = new Map(themes.map((t) => [t.id, t]))
  return themes.map((t) => ({
    name: t.name,
    parent: (t.parentId !== null && byId.get(t.parentId)?.name) || null,
    color: t.color,
    description: t.description,
    keywords: [...t.keywords],
    pinned: t.pinned,
  }))
}

/** The vocabulary as a codebook file, in vocabulary order, and the file name to save it as. */
export function exportCodebook(
  themes: readonly Theme[],
  format: CodebookFormat,
  archiveName: string,
): { text: string; fileName: string } {
  const entries = toEntries(themes)
  const base = `${safeFileName(archiveName) || 'archive'} codebook`
  if (format === 'json') {
    const doc = { format: CODEBOOK_FORMAT_NAME, version: CODEBOOK_VERSION, themes: entries }
    return { text: `${JSON.stringify(doc, null, 2)}\n`, fileName: `${base}.json` }
  }
  const rows = entries.map((e) => [
    e.name,
    e.parent ?? '',
    e.color,
    e.description,
    e.keywords.join(`${KEYWORD_SEPARATOR} `),
    e.pinned ? 'true' : 'false',
  ])
  // The byte order mark makes spreadsheet programs read the file as UTF-8 (Chinese names).
  return { text: `\ufeff${formatCsv([[...CODEBOOK_COLUMNS], ...rows])}`, fileName: `${base}.csv` }
}

function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\p{C}]/gu, '').trim()
}

/** A codebook's rows, or the reasons it cannot be read at all. */
export function parseCodebook(
  text: string,
  format: CodebookFormat,
): { rows: CodebookRow[]; errors: string[] } {
  return format === 'json' ? parseJson(text) : parseCsvCodebook(text)
}

function parseCsvCodebook(text: string): { rows: CodebookRow[]; errors: string[] } {
  let records: string[][]
  try {
    records = parseCsv(text)
  } catch (err) {
    if (err instanceof CsvError)
      return { rows: [], errors: [`This CSV cannot be read: ${err.message}.`] }
    throw err
  }
  const [header, ...body] = records
  if (!header)
    return { rows: [], errors: ['The file is empty: a codebook starts with a header row.'] }
  const columns = header.map((h) => {
    const key = h.trim().toLowerCase()
    return key === 'colour' ? 'color' : key
  })
  const at = (name: (typeof CODEBOOK_COLUMNS)[number]) => columns.indexOf(name)
  if (at('name') < 0) {
    return {
      rows: [],
      errors: [
        `The header row has no "name" column (it should read ${CODEBOOK_COLUMNS.join(',')}).`,
      ],
    }
  }
  const rows: CodebookRow[] = []
  const errors: string[] = []
  body.forEach((record, i) => {
    const label = `Row ${i + 2}`
    const cell = (name: (typeof CODEBOOK_COLUMNS)[number]): string | undefined => {
      const index = at(name)
      return index < 0 ? undefined : (record[index] ?? '')
    }
    const row: CodebookRow = { label, name: (cell('name') ?? '').trim() }
    const parent = cell('parent')
    if (parent !== undefined) row.parent = parent.trim() || null
    const color = cell('color')?.trim()
    if (color) row.color = color
    const description = cell('description')
    if (description !== undefined) row.description = description
    const keywords = cell('keywords')
    if (keywords !== undefined) row.keywords = splitKeywords(keywords)
    const pinned = cell('pinned')?.trim()
    if (pinned) {
      const value = readBoolean(pinned)
      if (value === null)
        errors.push(`${describe(row)}: "pinned" is "${pinned}"; write true or false.`)
      else row.pinned = value
    }
    rows.push(row)
  })
  return { rows, errors }
}

function splitKeywords(field: string): string[] {
  return field
    .split(KEYWORD_SEPARATOR)
    .map((k) => k.trim())
    .filter((k) => k !== '')
}

function readBoolean(value: string): boolean | null {
  const v = value.toLowerCase()
  if (['true', 'yes', 'y', '1', 'pinned'].includes(v)) return true
  if (['false', 'no', 'n', '0'].includes(v)) return false
  return null
}

const JsonEntrySchema = z.object({
  name: z.string(),
  parent: z.string().nullable().optional(),
  color: z.string().optional(),
  description: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  pinned: z.boolean().optional(),
})

const JsonCodebookSchema = z.object({
  format: z.literal(CODEBOOK_FORMAT_NAME),
  version: z.number().int(),
  themes: z.array(z.unknown()),
})

function parseJson(text: string): { rows: CodebookRow[]; errors: string[] } {
  let data: unknown
  try {
    data = JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text)
  } catch {
    return { rows: [], errors: ['This file is not valid JSON.'] }
  }
  const doc = JsonCodebookSchema.safeParse(data)
  if (!doc.success) {
    return {
      rows: [],
      errors: [
        `This JSON is not a Press Archive codebook (it needs "format": "${CODEBOOK_FORMAT_NAME}", a "version" and a list of "themes").`,
      ],
    }
  }
  if (doc.data.version > CODEBOOK_VERSION) {
    return {
      rows: [],
      errors: [
        `This codebook was written by a newer Press Archive (version ${doc.data.version}); update Press Archive to import it.`,
      ],
    }
  }
  const rows: CodebookRow[] = []
  const errors: string[] = []
  doc.data.themes.forEach((raw, i) => {
    const label = `Theme ${i + 1}`
    const entry = JsonEntrySchema.safeParse(raw)
    if (!entry.success) {
      const issue = entry.error.issues[0]
      const where = issue?.path.length ? ` "${issue.path.join('.')}"` : ''
      errors.push(
        `${label}: the field${where} is not as a codebook writes it (${issue?.message ?? 'invalid'}).`,
      )
      return
    }
    const e = entry.data
    const row: CodebookRow = { label, name: e.name.trim() }
    if (e.parent !== undefined) row.parent = e.parent?.trim() || null
    if (e.color?.trim()) row.color = e.color.trim()
    if (e.description !== undefined) row.description = e.description
    if (e.keywords !== undefined) row.keywords = e.keywords.map((k) => k.trim()).filter(Boolean)
    if (e.pinned !== undefined) row.pinned = e.pinned
    rows.push(row)
  })
  return { rows, errors }
}

function describe(row: Pick<CodebookRow, 'label' | 'name'>): string {
  return row.name ? `${row.label} ("${row.name}")` : row.label
}

/**
 * What importing `rows` into a vocabulary gives: themes are matched by name (as names are
 * compared: case- and NFC-insensitively), existing ones updated and the rest added in the
 * file's order; parents are found by name among both, in any order. Nothing is changed here;
 * with any error the caller must not apply `themes`.
 */
export function planCodebookImport(
  current: readonly Theme[],
  rows: readonly CodebookRow[],
): { themes: Theme[]; summary: CodebookSummary } {
  const errors: string[] = []
  const seen = new Map<string, CodebookRow>()
  const byKey = new Map(current.map((t) => [themeNameKey(t.name), t]))
  const next: Theme[] = current.map((t) => ({ ...t, keywords: [...t.keywords] }))
  const nextById = new Map(next.map((t) => [t.id, t]))
  const rowOf = new Map<string, CodebookRow>()
  const created: Theme[] = []

  for (const row of rows) {
    if (!row.name) {
      errors.push(`${row.label}: a theme needs a name.`)
      continue
    }
    const key = themeNameKey(row.name)
    const earlier = seen.get(key)
    if (earlier) {
      errors.push(`${describe(row)}: the name is already used by ${earlier.label}.`)
      continue
    }
    seen.set(key, row)
    let color: string | undefined
    if (row.color !== undefined) {
      const parsed = ThemeColorSchema.safeParse(row.color)
      if (parsed.success) color = parsed.data
      else errors.push(`${describe(row)}: the colour "${row.color}" is not written #rrggbb.`)
    }
    const existing = byKey.get(key)
    const theme: Theme = existing
      ? nextById.get(existing.id)!
      : {
          id: newThemeId([...next, ...created]),
          name: row.name,
          color: '',
          description: '',
          parentId: null,
          keywords: [],
          pinned: false,
        }
    theme.name = row.name
    if (color !== undefined) theme.color = color
    if (row.description !== undefined) theme.description = row.description
    if (row.keywords !== undefined) theme.keywords = dedupe(row.keywords)
    if (row.pinned !== undefined) theme.pinned = row.pinned
    if (!existing) {
      if (!theme.color) theme.color = defaultColor([...next, ...created])
      created.push(theme)
    }
    rowOf.set(theme.id, row)
  }

  // Parents last, once every theme of the file has an id, so they may come in any order.
  const all = [...next, ...created]
  const idByKey = new Map(all.map((t) => [themeNameKey(t.name), t.id]))
  for (const theme of all) {
    const row = rowOf.get(theme.id)
    if (!row || row.parent === undefined) continue
    if (row.parent === null) {
      theme.parentId = null
      continue
    }
    const parentId = findParent(idByKey, row.parent)
    if (parentId === undefined) {
      errors.push(`${describe(row)}: there is no theme named "${row.parent}" to put it under.`)
    } else if (parentId === theme.id) {
      errors.push(`${describe(row)}: a theme cannot be placed under itself.`)
    } else {
      theme.parentId = parentId
    }
  }
  errors.push(...cycles(all, rowOf))

  for (const theme of all) {
    const row = rowOf.get(theme.id)
    if (!row) continue
    const checked = ThemeSchema.safeParse(theme)
    if (!checked.success) errors.push(`${describe(row)}: ${checked.error.issues[0]!.message}.`)
  }

  const before = new Map(current.map((t) => [t.id, t]))
  const summary: CodebookSummary = {
    created: [],
    updated: [],
    unchanged: [],
    errors,
    applied: false,
  }
  for (const theme of all) {
    if (!rowOf.has(theme.id)) continue
    const old = before.get(theme.id)
    if (!old) summary.created.push(theme.name)
    else if (sameTheme(old, theme)) summary.unchanged.push(theme.name)
    else summary.updated.push(theme.name)
  }
  return { themes: all, summary }
}

/** A parent given by name, or as a path `Economy / Agriculture` ending in its name. */
function findParent(idByKey: ReadonlyMap<string, string>, parent: string): string | undefined {
  const direct = idByKey.get(themeNameKey(parent))
  if (direct !== undefined || !parent.includes('/')) return direct
  return idByKey.get(themeNameKey(parent.slice(parent.lastIndexOf('/') + 1)))
}

/** A message for each loop of parents, naming the rows that make it. */
function cycles(themes: readonly Theme[], rowOf: ReadonlyMap<string, CodebookRow>): string[] {
  const byId = new Map(themes.map((t) => [t.id, t]))
  const reported = new Set<string>()
  const out: string[] = []
  for (const start of themes) {
    const path: string[] = []
    const onPath = new Set<string>()
    let at: string | null = start.id
    while (at !== null && !onPath.has(at) && !reported.has(at)) {
      onPath.add(at)
      path.push(at)
      at = byId.get(at)?.parentId ?? null
    }
    if (at === null || reported.has(at)) continue
    const loop = path.slice(path.indexOf(at))
    for (const id of loop) reported.add(id)
    const names = loop.map((id) => {
      const row = rowOf.get(id)
      const name = byId.get(id)!.name
      return row ? `${row.label} ("${name}")` : `"${name}"`
    })
    out.push(`${names.join(', ')}: these themes would sit under each other in a loop.`)
  }
  return out
}

function sameTheme(a: Theme, b: Theme): boolean {
  return (
    a.name === b.name &&
    a.color === b.color &&
    a.description === b.description &&
    a.parentId === b.parentId &&
    a.pinned === b.pinned &&
    a.keywords.length === b.keywords.length &&
    a.keywords.every((k, i) => k === b.keywords[i])
  )
}
