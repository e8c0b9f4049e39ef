import { mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../core/fs/atomic'
import { RECENT_LIMIT } from './recent'

const BoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(100).max(100_000),
  height: z.number().int().min(100).max(100_000),
  maximized: z.boolean(),
})
/** The main window's last normal bounds and whether it was maximized. */
export type WindowState = z.infer<typeof BoundsSchema>

// Fields default when absent, so a file from a version with fewer fields still loads.
const SettingsSchema = z.object({
  version: z.literal(1),
  /** The archive to reopen at start-up. */
  lastArchive: z.string().min(1).nullable().default(null),
  /** Most recent first. */
  recent: z.array(z.string().min(1)).max(RECENT_LIMIT).default([]),
  window: BoundsSchema.nullable().default(null),
})
/** What the app remembers between runs (per user, in userData, never inside an archive). */
export type Settings = z.output<typeof SettingsSchema>

const DEFAULTS: Settings = { version: 1, lastArchive: null, recent: [], window: null }

/**
 * settings.json in userData. Read once and validated; a missing or corrupt file gives the
 * defaults with a log line instead of stopping the app. Writes are atomic and run one at a time
 * in the order they were asked for.
 */
export class SettingsStore {
  private current: Settings
  private queue: Promise<void> = Promise.resolve()

  private constructor(
    private readonly file: string,
    initial: Settings,
  ) {
    this.current = initial
  }

  static async load(file: string): Promise<SettingsStore> {
    return new SettingsStore(file, await readSettings(file))
  }

  get(): Readonly<Settings> {
    return this.current
  }

  /** Apply `change` now and queue its write; the returned promise settles when it is on disk. */
  update(change: (settings: Settings) => Partial<Settings>): Promise<void> {
    this.current = { ...this.current, ...change(this.current) }
    const snapshot = JSON.stringify(this.current, null, 2) + '\n'
    this.queue = this.queue
      .then(async () => {
        await mkdir(dirname(this.file), { recursive: true })
        await writeFileAtomic(this.file, snapshot)
      })
      .catch((error: unknown) => console.error(`[settings] could not save ${this.file}:`, error))
    return this.queue
  }

  /** Wait for queued writes, e.g. before quitting. */
  flush(): Promise<void> {
    return this.queue
  }
}

async function readSettings(file: string): Promise<Settings> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      console.warn(`[settings] could not read ${file}, using defaults:`, error)
    }
    return { ...DEFAULTS }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    console.warn(`[settings] ${file} is not valid JSON; ignoring it and using defaults`)
    return { ...DEFAULTS }
  }
  const parsed = SettingsSchema.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    console.warn(`[settings] ${file} is invalid (${issues.join('; ')}); using defaults`)
    return { ...DEFAULTS }
  }
  return parsed.data
}
