import { app, dialog, type BrowserWindow, type MessageBoxOptions } from 'electron'
import type { ImportSummary } from '../shared/model'
import type { ApiError } from '../shared/result'

/**
 * A message box on `win` when it is on screen, else a free-standing one: at start-up the window
 * is still hidden, and a box attached to a hidden window may never be seen.
 */
function messageBox(win: BrowserWindow | null, options: MessageBoxOptions) {
  return win && !win.isDestroyed() && win.isVisible()
    ? dialog.showMessageBox(win, options)
    : dialog.showMessageBox(options)
}

/**
 * Show a failed call to the person: what we were doing as the headline, the Result's own
 * message (already written for people, e.g. who holds the lock) as the detail.
 */
export async function showError(
  win: BrowserWindow | null,
  headline: string,
  error: ApiError,
): Promise<void> {
  if (!app.isReady()) {
    dialog.showErrorBox(headline, error.message)
    return
  }
  await messageBox(win, {
    type: 'error',
    title: 'Press Archive',
    message: headline,
    detail: error.message,
  })
}

/** Asked when another process holds the archive's lock: reading it is safe, writing is not. */
export async function askOpenReadOnly(
  win: BrowserWindow | null,
  error: ApiError,
): Promise<boolean> {
  const { response } = await messageBox(win, {
    type: 'warning',
    title: 'Press Archive',
    message: 'This archive is in use by another program.',
    detail: `${error.message}\n\nYou can open it read-only: you can read and search it, but not change it.`,
    buttons: ['Open Read-Only', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  })
  return response === 0
}

const LISTED_FAILURES = 15

/** After an import from the menu: how many came in, how many were already there, what failed. */
export async function showImportSummary(
  win: BrowserWindow | null,
  summary: ImportSummary,
): Promise<void> {
  const parts = [
    `${summary.imported.length} imported`,
    `${summary.duplicates.length} already in the archive`,
    `${summary.failed.length} failed`,
  ]
  const failures = summary.failed.slice(0, LISTED_FAILURES).map((f) => `• ${f.path}: ${f.reason}`)
  if (summary.failed.length > LISTED_FAILURES) {
    failures.push(`…and ${summary.failed.length - LISTED_FAILURES} more.`)
  }
  await messageBox(win, {
    type: summary.failed.length > 0 ? 'warning' : 'info',
    title: 'Press Archive',
    message: summary.cancelled ? 'Import cancelled.' : 'Import finished.',
    detail: [parts.join(', ') + '.', ...failures].join('\n'),
  })
}

/** Help › About, the same on every platform. */
export async function showAbout(win: BrowserWindow | null): Promise<void> {
  await messageBox(win, {
    type: 'info',
    title: 'About Press Archive',
    message: `Press Archive ${app.getVersion()}`,
    detail: [
      'A reader and editor for press archives.',
      `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
    ].join('\n'),
  })
}
