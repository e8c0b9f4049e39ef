import { spawn, spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'

export const REPO = resolve(__dirname, '../../..')
export const CLI = join(REPO, 'out/cli/press-archive.mjs')

/** Run the real command line; throws with its stderr when it fails. */
export function cli(...args: string[]): string {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' })
  if (run.status !== 0) {
    throw new Error(`press-archive ${args[0]} failed (run npm run build first?): ${run.stderr}`)
  }
  return run.stdout
}

export interface RunningHost {
  /** The page's address with its one-time token. */
  url: string
  stop(): Promise<void>
}

/** Serve an archive with the real browser host on a free port, as `press-archive serve` does. */
export async function startHost(archive: string): Promise<RunningHost> {
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
  return {
    url,
    stop: async () => {
      if (server.exitCode !== null) return
      server.kill('SIGTERM')
      await new Promise((r) => server.once('exit', r))
    },
  }
}
