import { defineConfig } from '@playwright/test'

/**
 * The desktop app's own tests, apart from the browser-host e2e suite: a launch test that drives
 * the built Electron app (and skips, saying why, where no Electron binary can run), plus checks
 * of main's Electron-free helpers. Run with `npx playwright test -c playwright.electron.config.ts`
 * after `npx electron-vite build`.
 */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // One Electron at a time: each launch is a whole browser plus the archive service.
  workers: 1,
  timeout: 90_000,
  reporter: [['list']],
  use: { trace: 'on-first-retry' },
})
