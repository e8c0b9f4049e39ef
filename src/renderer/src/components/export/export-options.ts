import {
  REPORT_FORMATS,
  ReportOptionsSchema,
  type ReportFormat,
  type ReportOptions,
} from '../../../../shared/report'

/**
 * What the Export dialog remembers between reports: how they look, not what they are called
 * (a title belongs to one report).
 */
export type RememberedOptions = Omit<ReportOptions, 'title' | 'subtitle'>

export interface ExportPrefs {
  options: RememberedOptions
  format: ReportFormat
}

const REMEMBERED_KEYS = [
  'text',
  'metadata',
  'themes',
  'passages',
  'flags',
  'pageSize',
  'marginMm',
  'fontSizePt',
  'header',
  'footer',
] as const satisfies readonly (keyof RememberedOptions)[]

const DEFAULT_OPTIONS: ReportOptions = ReportOptionsSchema.parse({})

export function defaultExportPrefs(): ExportPrefs {
  const { title: _title, subtitle: _subtitle, ...options } = DEFAULT_OPTIONS
  return { options, format: 'pdf' }
}

/**
 * Remembered options from what storage held, field by field through the contract's own schema:
 * a field that is missing or no longer valid (an older version, a hand edit) takes its default
 * and leaves the others as they were.
 */
export function parseExportPrefs(raw: unknown): ExportPrefs {
  const stored = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const options =
    typeof stored.options === 'object' && stored.options !== null
      ? (stored.options as Record<string, unknown>)
      : {}
  const parsed: Record<string, unknown> = {}
  for (const key of REMEMBERED_KEYS) {
    const field = ReportOptionsSchema.shape[key].safeParse(options[key])
    parsed[key] = field.success ? field.data : DEFAULT_OPTIONS[key]
  }
  const format = (REPORT_FORMATS as readonly unknown[]).includes(stored.format)
    ? (stored.format as ReportFormat)
    : 'pdf'
  return { options: parsed as RememberedOptions, format }
}

/** Kept beside the reader's settings, under a key of its own so either can change alone. */
export const EXPORT_PREFS_KEY = 'press-archive:export'

export function readExportPrefs(): ExportPrefs {
  try {
    const text = window.localStorage.getItem(EXPORT_PREFS_KEY)
    return parseExportPrefs(text === null ? null : JSON.parse(text))
  } catch {
    // Unreadable JSON, or storage disabled: the defaults.
    return defaultExportPrefs()
  }
}

export function writeExportPrefs(prefs: ExportPrefs): void {
  try {
    window.localStorage.setItem(EXPORT_PREFS_KEY, JSON.stringify(prefs))
  } catch {
    // Without storage the options last as long as the page.
  }
}
