import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/build-cli.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Several suites spawn real processes (the CLI, killed importers); two cores are all we have.
    maxWorkers: 2,
  },
})
