import { existsSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import {
  app,
  dialog,
  type BrowserWindow,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron'
import type { Channel } from '../shared/channels'
import type { ArchiveInfo } from '../shared/model'
import type { Result } from '../shared/result'
import type { ArchiveService } from '../core/api/service'
import { askOpenReadOnly, showError, showImportSummary } from './dialogs'
import { withRecent, withoutRecent } from './recent'
import { ensureSampleArchive, isArchiveFolder } from './sample-archive'
import { callService } from './service-call'
import type { SettingsStore } from './settings'

export interface ArchiveActionsDeps {
  service: ArchiveService
  settings: SettingsStore
  /** The window dialogs belong to. */
  window(): BrowserWindow | null
  /** Where the bundled sample articles are. */
  sampleFolder: string
  /** Called when what the menu shows (recent list, whether import is possible) may have changed. */
  onStateChange(): void
}

/** Files the import dialog offers first; the readers decide what they really accept. */
const TEXT_FILTERS = [
  { name: 'Text files', extensions: ['txt', 'text', 'md', 'markdown'] },
  { name: 'All files', extensions: ['*'] },
]

/**
 * What the File menu and start-up do with archives: ask with a dialog, call the service, show
 * a failure's message, remember the archive. The UI hears of the change from the service's own
 * `archive:changed` event ({reason:'open'} on open and create, 'import' after an import), which
 * ipc.ts forwards; sending it here too would make the UI reload twice.
 */
export function createArchiveActions(deps: ArchiveActionsDeps) {
  const { service, settings } = deps
  let current: ArchiveInfo | null = null

  /** Remember an archive that is now open, and refresh the menu. */
  function remember(info: ArchiveInfo): void {
    current = info
    if (info.notices.length > 0) console.info(`[archive] ${info.path}: ${info.notices.join(' ')}`)
    void settings.update((s) => ({
      lastArchive: info.path,
      recent: withRecent(s.recent, info.path),
    }))
    deps.onStateChange()
  }

  /**
   * Open the archive at `path`. When another process holds its lock, offer to open it
   * read-only. Failures are shown; a recent entry whose folder is gone is dropped.
   */
  async function openAt(path: string): Promise<boolean> {
    const win = deps.window()
    let result = await callService(service, 'archive:open', { path })
    if (!result.ok && result.error.code === 'locked') {
      if (!(await askOpenReadOnly(win, result.error))) return false
      result = await callService(service, 'archive:open', { path, readOnly: true })
    }
    if (!result.ok) {
      if (!existsSync(path)) {
        void settings.update((s) => ({ recent: withoutRecent(s.recent, path) }))
        deps.onStateChange()
      }
      await showError(win, `Could not open “${basename(path)}”.`, result.error)
      return false
    }
    remember(result.value)
    return true
  }

  async function newArchive(): Promise<void> {
    const win = deps.window()
    const options: SaveDialogOptions = {
      title: 'New Archive',
      buttonLabel: 'Create',
      nameFieldLabel: 'Archive name:',
      defaultPath: join(app.getPath('documents'), 'New Archive'),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    }
    const picked = await (win
      ? dialog.showSaveDialog(win, options)
      : dialog.showSaveDialog(options))
    if (picked.canceled || !picked.filePath) return
    const path = resolve(picked.filePath)
    const result = await callService(service, 'archive:create', { path, name: basename(path) })
    if (!result.ok) {
      await showError(win, `Could not create “${basename(path)}”.`, result.error)
      return
    }
    remember(result.value)
  }

  async function openArchive(): Promise<void> {
    const win = deps.window()
    const options: OpenDialogOptions = {
      title: 'Open Archive',
      buttonLabel: 'Open',
      properties: ['openDirectory'],
    }
    const picked = await (win
      ? dialog.showOpenDialog(win, options)
      : dialog.showOpenDialog(options))
    const path = picked.filePaths[0]
    if (picked.canceled || !path) return
    await openAt(path)
  }

  async function runImport(paths: string[]): Promise<void> {
    const win = deps.window()
    // Progress, and archive:changed at the end, reach the UI as events from the service.
    const result = await callService(service, 'import:paths', { paths })
    if (win && !win.isDestroyed()) win.setProgressBar(-1)
    if (!result.ok) {
      await showError(win, 'The import did not run.', result.error)
      return
    }
    await showImportSummary(win, result.value)
  }

  async function importFiles(): Promise<void> {
    const win = deps.window()
    const options: OpenDialogOptions = {
      title: 'Import Files',
      buttonLabel: 'Import',
      properties: ['openFile', 'multiSelections'],
      filters: TEXT_FILTERS,
    }
    const picked = await (win
      ? dialog.showOpenDialog(win, options)
      : dialog.showOpenDialog(options))
    if (picked.canceled || picked.filePaths.length === 0) return
    await runImport(picked.filePaths)
  }

  async function importFolder(): Promise<void> {
    const win = deps.window()
    const options: OpenDialogOptions = {
      title: 'Import Folder',
      buttonLabel: 'Import',
      properties: ['openDirectory', 'multiSelections'],
    }
    const picked = await (win
      ? dialog.showOpenDialog(win, options)
      : dialog.showOpenDialog(options))
    if (picked.canceled || picked.filePaths.length === 0) return
    await runImport(picked.filePaths)
  }

  function clearRecent(): void {
    void settings.update(() => ({ recent: [] }))
    deps.onStateChange()
  }

  /**
   * Start-up: reopen the last archive; with none (or its folder gone) create and open the
   * sample archive. A failure is shown and the app goes on without an archive.
   */
  async function openAtStartup(): Promise<void> {
    const last = settings.get().lastArchive
    if (last && isArchiveFolder(last)) {
      await openAt(last)
      return
    }
    if (last) console.info(`[archive] last archive ${last} is gone; opening the sample archive`)
    const sample = await ensureSampleArchive(service, app.getPath('userData'), deps.sampleFolder)
    if (!sample.ok) {
      await showError(deps.window(), 'Could not set up the sample archive.', sample.error)
      return
    }
    const open = service.archivePath
    if (open !== null && resolve(open) === resolve(sample.value)) {
      // Just created and imported: it is open already.
      const info = await callService(service, 'archive:info', {})
      if (info.ok && info.value) {
        remember(info.value)
        return
      }
    }
    await openAt(sample.value)
  }

  /** The UI opened or created an archive itself: remember it like one opened from the menu. */
  function afterCall(channel: Channel, result: Result<unknown>): void {
    if (!result.ok) return
    if (channel === 'archive:open' || channel === 'archive:create')
      remember(result.value as ArchiveInfo)
  }

  /** Catch-all so a menu click never leaves an unhandled rejection behind. */
  function guarded<A extends unknown[]>(what: string, action: (...args: A) => Promise<unknown>) {
    return (...args: A): void => {
      action(...args).catch((error: unknown) => console.error(`[archive] ${what} failed:`, error))
    }
  }

  return {
    newArchive: guarded('new archive', newArchive),
    openArchive: guarded('open archive', openArchive),
    openRecent: guarded('open recent', openAt),
    importFiles: guarded('import files', importFiles),
    importFolder: guarded('import folder', importFolder),
    clearRecent,
    openAtStartup,
    afterCall,
    /** An archive is open and may be written. */
    canImport: (): boolean => current !== null && !current.readOnly,
  }
}

/** The actions index.ts wires to the menu, the IPC hook and start-up. */
export type ArchiveActions = ReturnType<typeof createArchiveActions>
