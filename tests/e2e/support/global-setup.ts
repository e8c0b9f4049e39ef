import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli, REPO, startHost } from './host'

/**
 * Make a temp archive from the sample articles with the real CLI, serve it with the real host,
 * and hand its URL (with the token) to the tests through E2E_URL.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const base = mkdtempSync(join(tmpdir(), 'press-archive-e2e-'))
  const archive = join(base, 'Sample Archive')
  cli('import', archive, join(REPO, 'resources/sample'))
  const host = await startHost(archive)
  process.env['E2E_URL'] = host.url
  process.env['E2E_ARCHIVE'] = archive
  return async () => {
    await host.stop()
    rmSync(base, { recursive: true, force: true })
  }
}
