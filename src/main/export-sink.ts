import { dirname, join } from 'node:path'
import { app, dialog, shell, type BrowserWindow } from 'electron'
import type { ExportSink } from '../core/api/handlers'
import { writeFileAtomic } from '../core/fs/atomic'
import { saveFilters, SavedReports, withExtension } from './export-files'
import { electronPrinter } from './pdf-printer'

export interface ExportSinkOptions {
  /** The window the save dialog belongs to. */
  window(): BrowserWindow | null
}

/**
 * The app's exports: the person chooses where in a save dialog before anything is made
 * (Cancel: nothing happens), the file is written atomically there, and the page gets back a
 * token with which it may ask main to open or reveal that file — never a path of its own.
 * PDFs are printed by Electron's Chromium.
 */
export function createExportSink(options: ExportSinkOptions): ExportSink {
  const saved = new SavedReports()
  let lastFolder: string | null = null

  return {
    printer: electronPrinter(),
    async destination({ fileName, format }) {
      const win = options.window()
      const dialogOptions = {
        title: format === 'pdf' ? 'Export to PDF' : 'Export to HTML',
        buttonLabel: 'Export',
        defaultPath: join(lastFolder ?? app.getPath('documents'), fileName),
        filters: saveFilters(format),
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
          'createDirectory' | 'showOverwriteConfirmation'
        >,
      }
      const choice = win
        ? await dialog.showSaveDialog(win, dialogOptions)
        : await dialog.showSaveDialog(dialogOptions)
      if (choice.canceled || !choice.filePath) return null
      const path = withExtension(choice.filePath, format)
      lastFolder = dirname(path)
      return {
        async deliver(file) {
          await writeFileAtomic(path, file.bytes)
          return { saved: { token: saved.remember(path), name: path.split(/[\\/]/).pop() ?? path } }
        },
      }
    },
    async open(token) {
      const path = saved.path(token)
      if (!path) return false
      // openPath answers with an error message, empty when it worked.
      return (await shell.openPath(path)) === ''
    },
    async reveal(token) {
      const path = saved.path(token)
      if (!path) return false
      shell.showItemInFolder(path)
      return true
    },
  }
}
