import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import pkg from './package.json'

// The CLI and the browser host run on plain Node: bundle our own code, leave dependencies and
// Node's built-ins to be required at run time from node_modules.
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
].map((name) => new RegExp(`^${name.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&')}(/.*)?$`))

export default defineConfig({
  define: { PRESS_ARCHIVE_VERSION: JSON.stringify(pkg.version) },
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: {
        'press-archive': resolve('src/cli/main.ts'),
        // Import workers are started from a file of their own, beside the CLI.
        'import-worker': resolve('src/core/import/import-worker.ts'),
      },
      external,
      output: { format: 'es', entryFileNames: '[name].mjs', banner: '#!/usr/bin/env node' },
    },
  },
})
