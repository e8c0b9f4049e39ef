import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test } from '@playwright/test'
import { cli, startHost, type RunningHost } from './host'

export const SAMPLES = resolve(__dirname, '../../../resources/sample')

/** The running test's archive, the temp folder it sits in, and the host serving it. */
export interface Desk {
  base: string
  archive: string
  host: RunningHost
}

export interface DeskOptions {
  /** Import the sample articles (the default), or start empty. */
  samples?: boolean
  /** Anything more the archive needs before it is served, made with the real CLI. */
  prepare?(archive: string, base: string): void
}

/**
 * Give every test of a spec its own archive called `name`, made with the real command line and
 * served by its own host, and remove it afterwards. The object returned always holds the
 * running test's desk, so tests read `desk.host.url`.
 */
export function deskPerTest(name: string, options: DeskOptions = {}): Desk {
  const desk = {} as Desk
  test.beforeEach(async () => {
    desk.base = mkdtempSync(join(tmpdir(), 'press-archive-e2e-'))
    desk.archive = join(desk.base, name)
    cli('create', desk.archive, '--name', name)
    if (options.samples !== false) cli('import', desk.archive, SAMPLES)
    options.prepare?.(desk.archive, desk.base)
    desk.host = await startHost(desk.archive)
  })
  test.afterEach(async () => {
    await desk.host?.stop()
    rmSync(desk.base, { recursive: true, force: true })
  })
  return desk
}
