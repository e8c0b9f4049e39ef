import { BrowserWindow, dialog, screen, type Rectangle } from 'electron'
import type { WindowState } from './settings'
import { secureWebPreferences } from './security'
import type { RendererLocation } from './renderer-location'

const DEFAULT_SIZE = { width: 1280, height: 820 }
const windows = new Set<BrowserWindow>()

/** Our UI windows still open: the ones IPC answers and events are sent to. */
export function appWindows(): BrowserWindow[] {
  return [...windows].filter((win) => !win.isDestroyed())
}

/** The window a dialog or menu action belongs to: the focused one, else the first. */
export function currentWindow(): BrowserWindow | null {
  const focused = BrowserWindow.getFocusedWindow()
  if (focused && windows.has(focused) && !focused.isDestroyed()) return focused
  return appWindows()[0] ?? null
}

export interface MainWindowOptions {
  location: RendererLocation
  /** Bounds from the last run; ignored when they no longer fit on any display. */
  saved: WindowState | null
  /** Called when the window closes, with the bounds to remember. */
  onClose(state: WindowState): void
}

/**
 * The main window: hidden until its first paint is ready (no white flash), placed where it was
 * last time if that is still on a screen, loading the UI from the dev server or the build.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const bounds = options.saved && isVisible(options.saved) ? options.saved : null
  const win = new BrowserWindow({
    ...(bounds ? { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height } : {}),
    ...(bounds ? {} : DEFAULT_SIZE),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Press Archive',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(),
  })
  windows.add(win)

  win.once('ready-to-show', () => {
    if (bounds?.maximized) win.maximize()
    win.show()
  })
  win.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame) return
    console.error(`[window] failed to load ${url}: ${description} (${code})`)
    if (!win.isVisible()) win.show()
  })
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[window] renderer gone: ${details.reason} (exit code ${details.exitCode})`)
  })
  // The page holds the window open only while text the archive refused would be lost (see
  // App.vue); Electron asks nothing by itself, so the question is asked here.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Stay', 'Leave without saving'],
      defaultId: 0,
      cancelId: 0,
      message: 'Some of your edits are not saved',
      detail:
        'The archive refused text you typed in one or more articles. Stay to copy it or to try saving again.',
    })
    if (choice === 1) event.preventDefault()
  })
  win.on('close', () => options.onClose(windowState(win)))
  win.on('closed', () => windows.delete(win))

  const load = options.location.file
    ? win.loadFile(options.location.file)
    : win.loadURL(options.location.url)
  load.catch((error: unknown) => console.error('[window] could not load the UI:', error))
  return win
}

/** The bounds to restore next time: the normal (unmaximized) ones, and whether it was maximized. */
export function windowState(win: BrowserWindow): WindowState {
  const { x, y, width, height } = win.getNormalBounds()
  return { x, y, width, height, maximized: win.isMaximized() }
}

/** Bring a window to the front, e.g. when a second launch of the app hands over to this one. */
export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore()
  if (!win.isVisible()) win.show()
  win.focus()
}

/** At least a usable corner of the window must lie on a connected display. */
function isVisible(rect: Rectangle): boolean {
  return screen.getAllDisplays().some(({ workArea: area }) => {
    const overlapX = Math.min(rect.x + rect.width, area.x + area.width) - Math.max(rect.x, area.x)
    const overlapY = Math.min(rect.y + rect.height, area.y + area.height) - Math.max(rect.y, area.y)
    return overlapX >= 100 && overlapY >= 50
  })
}
