import { promises as fs } from 'node:fs'
import { readIfExists } from '../fs/atomic'

/**
 * Intent log of the articles being written. Before a batch touches article folders their ids are
 * appended here (and fsynced); once the index shards are flushed the journal is emptied. On open,
 * the ids still listed are the only folders that can be half-written, so recovery looks at those
 * and never has to scan 100k folders.
 */
export class Journal {
  constructor(private readonly path: string) {}

  async begin(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    const handle = await fs.open(this.path, 'a')
    try {
      await handle.writeFile(JSON.stringify(ids) + '\n')
      await handle.sync()
    } finally {
      await handle.close()
    }
  }

  async clear(): Promise<void> {
    await fs.rm(this.path, { force: true })
  }

  /** Ids listed by unfinished writes. A line torn by a crash is skipped: its writes never began. */
  async pending(): Promise<string[]> {
    const bytes = await readIfExists(this.path)
    if (!bytes) return []
    const ids = new Set<string>()
    for (const line of bytes.toString('utf8').split('\n')) {
      try {
        const parsed: unknown = JSON.parse(line)
        if (Array.isArray(parsed))
          for (const id of parsed)
            if (typeof id === 'string' && /^[0-9a-f]{16}$/.test(id)) ids.add(id)
      } catch {
        // torn or empty line
      }
    }
    return [...ids]
  }
}
