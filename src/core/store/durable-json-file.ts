import type { Adapter } from 'lowdb'
import type { z } from 'zod'
import { asciiJson, readTextIfExists, readTextSyncIfExists, writeFileAtomic } from '../fs/atomic'
import { ArchiveError } from '../errors'

/**
 * lowdb adapter that validates what it reads and writes durably. lowdb's JSONFile writes through
 * steno, which renames a temp file over the old one without fsync (typicode/lowdb#549, #352);
 * this one fsyncs the file and its folder. A file that does not parse or fails its schema is
 * reported as `corrupt` rather than silently replaced by defaults.
 */
export class DurableJSONFile<T> implements Adapter<T> {
  /**
   * `pretty`: indented, for files people may read (archive.json). Otherwise compact and ASCII
   * only, which is quicker to read back, and read with blocking calls (see
   * readTextSyncIfExists): such a file is parsed on this thread as soon as it is read. (Index
   * shards have a row format of their own, see index-rows.ts.)
   */
  constructor(
    readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly pretty = false,
  ) {}

  async read(): Promise<T | null> {
    const text = this.pretty ? await readTextIfExists(this.path) : readTextSyncIfExists(this.path)
    return text === null ? null : parseJsonFile(this.path, text, this.schema)
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(
      this.path,
      this.pretty ? JSON.stringify(data, null, 2) + '\n' : asciiJson(data),
    )
  }
}

/** Parse and validate a JSON file's text; anything unreadable is reported as `corrupt`. */
export function parseJsonFile<T>(path: string, text: string | Buffer, schema: z.ZodType<T>): T {
  let json: unknown
  try {
    json = JSON.parse(typeof text === 'string' ? text : text.toString('utf8'))
  } catch {
    throw new ArchiveError('corrupt', `${path} is not valid JSON (it may have been cut short).`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ArchiveError(
      'corrupt',
      `${path} does not have the expected shape${issue ? ` (${issue.path.join('.')}: ${issue.message})` : ''}.`,
    )
  }
  return parsed.data
}
