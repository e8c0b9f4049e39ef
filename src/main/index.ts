import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { app, dialog, session, type BrowserWindow } from 'electron'
import type { ImportProgress } from '../shared/model'
import { ArchiveService } from '../core/api/service'
import { useImportWorker } from '../core/import/worker-pool'
import { useRuntimeRequire } from '../core/runtime-require'
import { useRoomyYoungGeneration } from '../core/heap'
import { toApiError } from '../core/errors'
import { createArchiveActions } from './archive-actions'
import { showAbout } from './dialogs'
import { createExportSink } from './export-sink'
import { forwardServiceEvents, registerIpcHandlers, sendToWindows } from './ipc'
import { installMenu } from './menu'
import { rendererLocation, type RendererLocation } from './renderer-location'
import { sampleSourceFolder } from './sample-archive'
import { denyAllPermissions, guardAllWebContents, sendContentSecurityPolicy } from './security'
import { SettingsStore } from './settings'
import { quitAfter } from './shutdown'
import { appWindows, createMainWindow, currentWindow, focusWindow, windowState } from './window'

/** Shown to anyone else who finds the archive locked by us. */
const LOCK_HOLDER = 'Press Archive (app)'

/**
 * Tests and portable setups run with their own settings and sample archive:
 * PRESS_ARCHIVE_USER_DATA=<dir> or --user-data-dir=<dir>. Must run before the single-instance
 * lock, which is taken per userData folder.
 */
function applyUserDataOverride(): void {
  const dir =
    process.env['PRESS_ARCHIVE_USER_DATA'] || app.commandLine.getSwitchValue('user-data-dir')
  if (dir) app.setPath('userData', resolve(dir))
}

async function start(location: RendererLocation): Promise<void> {
  denyAllPermissions(session.defaultSession)
  if (location.file !== null) sendContentSecurityPolicy(session.defaultSession)

  const settings = await SettingsStore.load(join(app.getPath('userData'), 'settings.json'))
  // The build puts the import worker beside main's bundle.
  useImportWorker(join(__dirname, 'import-worker.js'))
  // Report fonts are found from main's bundle, inside the installed app.
  useRuntimeRequire(createRequire(__filename))
  useRoomyYoungGeneration()
  const service = new ArchiveService({ holder: LOCK_HOLDER, allowSwitchArchive: true })
  service.setExportSink(createExportSink({ window: currentWindow }))

  let startupDone!: () => void
  const ready = new Promise<void>((done) => (startupDone = done))

  const archives = createArchiveActions({
    service,
    settings,
    window: currentWindow,
    sampleFolder: sampleSourceFolder(app.isPackaged, app.getAppPath(), process.resourcesPath),
    onStateChange: () => refreshMenu(),
  })

  function refreshMenu(): void {
    installMenu(
      {
        recent: settings.get().recent,
        canImport: archives.canImport(),
        dev: !app.isPackaged,
        platform: process.platform,
      },
      {
        newArchive: () => archives.newArchive(),
        openArchive: () => archives.openArchive(),
        openRecent: (path) => archives.openRecent(path),
        clearRecent: () => archives.clearRecent(),
        importFiles: () => archives.importFiles(),
        importFolder: () => archives.importFolder(),
        sendToUi: (command) => {
          const win = currentWindow()
          if (win) sendToWindows([win], 'menu:command', { command })
        },
        about: () => void showAbout(currentWindow()),
      },
    )
  }

  registerIpcHandlers({
    service,
    location,
    windows: appWindows,
    ready,
    afterCall: (channel, result) => archives.afterCall(channel, result),
  })
  forwardServiceEvents(service, appWindows)
  service.subscribe((event, payload) => {
    if (event === 'import:progress') showProgress(appWindows(), payload as ImportProgress)
  })

  refreshMenu()
  createMainWindow({
    location,
    saved: settings.get().window,
    onClose: (state) => void settings.update(() => ({ window: state })),
  })

  quitAfter(async () => {
    // Quitting from the menu closes windows only after this; remember the bounds now.
    const win = appWindows()[0]
    if (win) void settings.update(() => ({ window: windowState(win) }))
    await settings.flush()
    await service.close()
  })

  try {
    await archives.openAtStartup()
  } finally {
    startupDone()
  }
}

/** The taskbar / dock shows the import's progress too, for when the window is in the back. */
function showProgress(windows: BrowserWindow[], progress: ImportProgress): void {
  const fraction =
    progress.done >= progress.total ? -1 : progress.total > 0 ? progress.done / progress.total : 2
  for (const win of windows) win.setProgressBar(fraction)
}

function main(): void {
  app.setName('Press Archive')
  applyUserDataOverride()
  if (!app.requestSingleInstanceLock()) {
    // Another instance has this userData; it gets 'second-instance' and comes to the front.
    app.quit()
    return
  }
  app.on('second-instance', () => {
    const win = currentWindow()
    if (win) focusWindow(win)
  })

  const location = rendererLocation(app.isPackaged, __dirname)
  // Registered before 'ready' so that no web contents is ever created without the guard.
  guardAllWebContents(location)

  app
    .whenReady()
    .then(() => start(location))
    .catch((error: unknown) => {
      console.error('[start] failed:', error)
      // The log has the whole error; the person gets core's plain sentence, not its internals.
      dialog.showErrorBox('Press Archive could not start', toApiError(error).message)
      app.exit(1)
    })
}

main()
