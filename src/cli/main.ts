import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ArchiveError, toApiError } from '../core/errors'
import { useImportWorker } from '../core/import/worker-pool'
import { useRuntimeRequire } from '../core/runtime-require'
import { useRoomyYoungGeneration } from '../core/heap'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { commands, type CommandContext } from './commands'
import { UsageError, usage } from './usage'

/**
 * `press-archive <command> …`. Exit codes: 0 done, 1 failed (or problems found), 2 usage.
 * Errors are one line; `--debug` adds the stack.
 */
async function main(argv: string[]): Promise<number> {
  // The build puts the import worker beside this bundle.
  useImportWorker(fileURLToPath(new URL('./import-worker.mjs', import.meta.url)))
  // Report fonts are found from this bundle's place, wherever the working folder is.
  useRuntimeRequire(createRequire(import.meta.url))
  useRoomyYoungGeneration()
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage())
    return name ? 0 : 2
  }
  if (name === '--version') {
    process.stdout.write(`${PRESS_ARCHIVE_VERSION}\n`)
    return 0
  }
  const command = commands[name]
  if (!command) {
    process.stderr.write(`press-archive: unknown command "${name}"\n\n${usage()}`)
    return 2
  }
  const debug = rest.includes('--debug')
  try {
    const config: ParseArgsConfig = {
      args: rest,
      allowPositionals: true,
      strict: true,
      options: { ...command.options, debug: { type: 'boolean' }, json: { type: 'boolean' } },
    }
    let parsed
    try {
      parsed = parseArgs(config)
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err))
    }
    const ctx: CommandContext = {
      positionals: parsed.positionals,
      values: parsed.values as CommandContext['values'],
      json: parsed.values['json'] === true,
      out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
      progress: process.stderr.isTTY ? (text) => process.stderr.write(`\r\x1b[K${text}`) : null,
    }
    return await command.run(ctx)
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`press-archive ${name}: ${err.message}\n${command.usage}\n`)
      return 2
    }
    const message = err instanceof ArchiveError ? err.message : toApiError(err).message
    process.stderr.write(`press-archive ${name}: ${message}\n`)
    if (debug) process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
    else if (!(err instanceof ArchiveError) && toApiError(err).code === 'internal') {
      process.stderr.write('Run again with --debug to see the details.\n')
    }
    return 1
  }
}

declare const PRESS_ARCHIVE_VERSION: string

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err) => {
    process.stderr.write(`press-archive: ${String(err)}\n`)
    process.exitCode = 1
  },
)
