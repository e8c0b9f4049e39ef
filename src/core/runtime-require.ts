import { createRequire } from 'node:module'
import { join } from 'node:path'

/**
 * How core finds packages whose files it reads at run time (the report fonts). Core is bundled
 * into an ES module (the CLI and browser host) and a CommonJS file (the app's main process), and
 * runs unbundled in tests, so no one source-relative path holds everywhere: each entry point
 * sets this from its own location, as it sets the import worker. The default resolves from the
 * working folder, which is the project when tests or `npm run` scripts run.
 */
let runtimeRequire: NodeJS.Require = createRequire(join(process.cwd(), 'package.json'))

export function useRuntimeRequire(require: NodeJS.Require): void {
  runtimeRequire = require
}

export function requireAtRuntime(): NodeJS.Require {
  return runtimeRequire
}
