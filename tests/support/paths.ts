import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

export const REPO = resolve(__dirname, '../..')
/** The shared corpus sits beside the repository; tests that read it skip, saying so, without it. */
export const SHARED = resolve(REPO, '../shared')
export const SEED_DIR = resolve(SHARED, 'corpus/seed')
export const REAL_DIR = resolve(SHARED, 'corpus/real')
export const HAS_SHARED = existsSync(SEED_DIR)
export const SAMPLE_DIR = resolve(REPO, 'resources/sample')
export const CLI = resolve(REPO, 'out/cli/press-archive.mjs')

export function skipNoteWithoutShared(what: string): void {
  if (!HAS_SHARED) console.log(`skipped: ${what} — ${SHARED} is absent`)
}
