import type { ImportFailure } from '../../../../shared/model'

/** A file the person dropped or picked in the page, with where it was found. */
export interface ChosenFile {
  file: File
  /** Its path inside the chosen folder ("Press/2021/a.txt"), or its name when chosen alone. */
  path: string
  inFolder: boolean
}

export interface Collected {
  files: ChosenFile[]
  /** Folders or files the browser would not read. */
  failed: ImportFailure[]
}

/**
 * What a drop holds, taken while the drop event runs: the browser empties the DataTransfer as
 * soon as the handler returns, so entries and files must be picked up first and walked later.
 */
export interface DropContents {
  entries: FileSystemEntry[]
  /** Items the browser gave no entry for (or the files, where entries are not supported). */
  files: File[]
}

export function takeDrop(transfer: DataTransfer): DropContents {
  const contents: DropContents = { entries: [], files: [] }
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== 'file') continue
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null
    if (entry) contents.entries.push(entry)
    else {
      const file = item.getAsFile()
      if (file) contents.files.push(file)
    }
  }
  if (contents.entries.length === 0 && contents.files.length === 0) {
    contents.files.push(...Array.from(transfer.files))
  }
  return contents
}

/** Whether a drag carries files (and not, say, text dragged out of the editor). */
export function carriesFiles(transfer: DataTransfer | null): boolean {
  return transfer !== null && Array.from(transfer.types).includes('Files')
}

/** Hidden files and folders inside a chosen folder are left out, as the desktop importer does. */
function isHidden(name: string): boolean {
  return name.startsWith('.')
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}

/** Every entry of a folder: the browser hands them out in batches until one comes back empty. */
async function readFolder(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader()
  const all: FileSystemEntry[] = []
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    )
    if (batch.length === 0) return all
    all.push(...batch)
  }
}

/** Why the browser would not give us a file or folder, in words. */
export function readFailure(err: unknown): string {
  return err instanceof DOMException && err.name === 'NotFoundError'
    ? 'it is no longer there'
    : 'the browser could not read it'
}

/** Walk dropped files and folders into files, folders recursively and in name order. */
export async function collectDrop(contents: DropContents): Promise<Collected> {
  const collected: Collected = {
    files: contents.files.map((file) => ({ file, path: file.name, inFolder: false })),
    failed: [],
  }

  async function visit(entry: FileSystemEntry, path: string, inFolder: boolean): Promise<void> {
    if (inFolder && isHidden(entry.name)) return
    if (entry.isFile) {
      try {
        const file = await fileOf(entry as FileSystemFileEntry)
        collected.files.push({ file, path, inFolder })
      } catch (err) {
        collected.failed.push({ path, reason: readFailure(err) })
      }
      return
    }
    if (!entry.isDirectory) return
    let children: FileSystemEntry[]
    try {
      children = await readFolder(entry as FileSystemDirectoryEntry)
    } catch (err) {
      collected.failed.push({ path, reason: `the folder could not be read: ${readFailure(err)}` })
      return
    }
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const child of children) await visit(child, `${path}/${child.name}`, true)
  }

  for (const entry of contents.entries) await visit(entry, entry.name, false)
  return collected
}

/**
 * Files from a file input: one by one, or (with `webkitdirectory`) everything in a folder, each
 * with its path inside it.
 */
export function collectInput(files: readonly File[]): Collected {
  const collected: Collected = { files: [], failed: [] }
  for (const file of files) {
    const relative = file.webkitRelativePath
    if (!relative) {
      collected.files.push({ file, path: file.name, inFolder: false })
      continue
    }
    // The folder's own name comes first; hidden entries below it are left out.
    if (relative.split('/').slice(1).some(isHidden)) continue
    collected.files.push({ file, path: relative, inFolder: true })
  }
  return collected
}

/**
 * The folder a person picked, from the path of one file in it and that file's path relative to
 * the folder's parent ("Press/2021/a.txt"): the desktop app imports the folder by its path,
 * so the importer walks it as it walks a folder chosen from the menu. Null if they disagree.
 */
export function folderRootOf(filePath: string, relative: string): string | null {
  const depth = relative.split('/').length - 1
  let end = filePath.length
  for (let i = 0; i < depth; i++) {
    const cut = Math.max(filePath.lastIndexOf('/', end - 1), filePath.lastIndexOf('\\', end - 1))
    if (cut <= 0) return null
    end = cut
  }
  const root = filePath.slice(0, end)
  const name = relative.split('/')[0]!
  return root.endsWith(name) ? root : null
}

/** A file's bytes as base64, for `import:files`. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      // A data: URL, "data:<type>;base64,<data>"; the data is all we send. An empty file can
      // come back as a bare "data:".
      const comma = url.indexOf(',')
      resolve(comma < 0 ? '' : url.slice(comma + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'))
    reader.readAsDataURL(file)
  })
}
