// `npm run serve`: serve the sample archive (made from resources/sample on first use) in the
// browser host, for machines where the desktop app cannot run.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(repo, 'out/cli/press-archive.mjs')
const archive = join(repo, 'sample-archive')

if (!existsSync(cli) || !existsSync(join(repo, 'out/renderer/index.html'))) {
  console.error('Press Archive is not built yet: run `npm run build` first.')
  process.exit(1)
}
if (!existsSync(join(archive, 'archive.json'))) {
  const made = spawnSync(
    process.execPath,
    [cli, 'import', archive, join(repo, 'resources/sample')],
    { stdio: 'inherit' },
  )
  if (made.status !== 0) process.exit(made.status ?? 1)
}
const port = process.env.PORT ?? '0'
const child = spawn(
  process.execPath,
  [cli, 'serve', archive, '--port', port, ...process.argv.slice(2)],
  { stdio: 'inherit' },
)
child.on('exit', (code) => process.exit(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
