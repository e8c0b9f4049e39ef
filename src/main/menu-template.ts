import { basename } from 'node:path'
// Type-only: the template is built without loading Electron, so it can be tested under Node.
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/channels'

/** What the menu does; index.ts wires these to dialogs and the service. */
export interface MenuActions {
  newArchive(): void
  openArchive(): void
  openRecent(path: string): void
  clearRecent(): void
  importFiles(): void
  importFolder(): void
  /** Ask the UI to do something only it can do: sent as the `menu:command` event. */
  sendToUi(command: MenuCommand): void
  about(): void
}

/** What the menu shows; the menu is rebuilt whenever this changes. */
export interface MenuState {
  /** Most recent first. */
  recent: readonly string[]
  /** An archive is open and writable. */
  canImport: boolean
  /** Reload and developer tools are for development builds only. */
  dev: boolean
  platform: NodeJS.Platform
}

/** The menu as a template, kept free of side effects so it can be checked without Electron. */
export function menuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin'
  const recentItems: MenuItemConstructorOptions[] = state.recent.map((path) => ({
    // The folder name to find it by, the full path to tell same-named archives apart. '&' is
    // doubled because Windows and Linux read a single one as a mnemonic marker.
    label: `${basename(path)} — ${path}`.replaceAll('&', '&&'),
    click: () => actions.openRecent(path),
  }))

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      {
        label: 'New Archive…',
        accelerator: 'CmdOrCtrl+Shift+N',
        click: () => actions.newArchive(),
      },
      { label: 'Open Archive…', accelerator: 'CmdOrCtrl+O', click: () => actions.openArchive() },
      {
        label: 'Open Recent',
        submenu: [
          ...(recentItems.length > 0
            ? recentItems
            : [{ label: 'No Recent Archives', enabled: false }]),
          { type: 'separator' },
          {
            label: 'Clear Recently Opened',
            enabled: recentItems.length > 0,
            click: () => actions.clearRecent(),
          },
        ],
      },
      { type: 'separator' },
      { label: 'Import Files…', enabled: state.canImport, click: () => actions.importFiles() },
      { label: 'Import Folder…', enabled: state.canImport, click: () => actions.importFolder() },
      { type: 'separator' },
      {
        // The page opens its Export dialog; the key is left to the page, as for the forUi items.
        label: 'Export to PDF…',
        accelerator: 'CmdOrCtrl+P',
        registerAccelerator: false,
        click: () => actions.sendToUi('export'),
      },
      { type: 'separator' },
      { role: 'close', label: 'Close Window' },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  }

  /**
   * Items the page handles itself, shown here so they can be found. The shortcut is displayed
   * but not registered, so the key reaches the page (and the editor's own handling) unchanged.
   */
  const forUi = (label: string, command: MenuCommand, accelerator?: string) =>
    ({
      label,
      ...(accelerator && { accelerator, registerAccelerator: false }),
      click: () => actions.sendToUi(command),
    }) satisfies MenuItemConstructorOptions

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      forUi('Save', 'save', 'CmdOrCtrl+S'),
      { type: 'separator' },
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      forUi('Re-clean Article…', 'reclean'),
      forUi('Cleaning Profiles…', 'profiles'),
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(state.dev
        ? [
            { role: 'reload' } as const,
            { role: 'forceReload' } as const,
            { role: 'toggleDevTools' } as const,
            { type: 'separator' } as const,
          ]
        : []),
      forUi('Command Palette…', 'command-palette', 'CmdOrCtrl+K'),
      forUi('History', 'history', 'CmdOrCtrl+Shift+H'),
      { type: 'separator' },
      // The reading text grows, not the whole window: the page's own commands, not zoom roles.
      forUi('Larger Text', 'text-larger', 'CmdOrCtrl+='),
      forUi('Smaller Text', 'text-smaller', 'CmdOrCtrl+-'),
      forUi('Actual Text Size', 'text-reset', 'CmdOrCtrl+0'),
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      {
        label: 'Keyboard Shortcuts',
        accelerator: 'CmdOrCtrl+/',
        click: () => actions.sendToUi('keyboard-shortcuts'),
      },
      { type: 'separator' },
      { label: 'About Press Archive', click: () => actions.about() },
    ],
  }

  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    file,
    edit,
    view,
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    help,
  ]
}
