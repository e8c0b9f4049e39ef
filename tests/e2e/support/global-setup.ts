import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const REPO = resolve(__dirname, '../../..')
const CLI = join(REPO, 'out/cli/press-archive.mjs')

/**
 * Make a temp archive from the sample articles with the real CLI, serve it with the real host,
 * and hand its URL (with the token) to the tests through E2E_URL.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const base = mkdtempSync(join(tmpdir(), 'press-archive-e2e-'))
  const archive = join(base, 'Sample Archive')
  const imported = spawnSync(
    process.execPath,
    [CLI, 'import', archive, join(REPO, 'resources/sample')],
    { encoding: 'utf8' },
  )
  if (imported.status !== 0)
    throw new Error(`sample import failed (run npm run build first?): ${imported.stderr}`)
  const server = spawn(process.execPath, [CLI, 'serve', archive, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((ok, fail) => {
    let out = ''
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\w+/.exec(out)
      if (m) ok(m[0])
    })
    server.on('exit', (code) => fail(new Error(`the host exited early (${code})`)))
    setTimeout(() => fail(new Error('the host did not print its address within 20 s')), 20_000)
  })
  process.env['E2E_URL'] = url
  process.env['E2E_ARCHIVE'] = archive
  return async () => {
    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
    rmSync(base, { recursive: true, force: true })
  }
}
