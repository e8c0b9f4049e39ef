import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'

/** The CLI tests spawn the real built command, so build it from the current sources first. */
export default function setup(): void {
  const repo = resolve(__dirname, '../..')
  execFileSync(
    process.execPath,
    [
      resolve(repo, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'vite.node.config.mts',
      '--logLevel',
      'error',
    ],
    {
      cwd: repo,
      stdio: 'inherit',
    },
  )
}
