import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

const made: string[] = []

/** A fresh temp folder, removed after the test that asked for it. */
export function tempDir(prefix = 'press-archive-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

afterEach(() => {
  for (const dir of made.splice(0)) {
    // Originals are stored read-only; rm with force still removes them (the folder is writable).
    rmSync(dir, { recursive: true, force: true })
  }
})
