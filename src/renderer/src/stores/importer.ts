import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import type { ImportFailure, ImportProgress, ImportSummary } from '../../../shared/model'
import type { ApiError } from '../../../shared/result'
import { getApi } from '../api'
import {
  collectDrop,
  collectInput,
  folderRootOf,
  readAsBase64,
  readFailure,
  takeDrop,
  type ChosenFile,
  type Collected,
} from '../components/import/collect-files'
import {
  addToTally,
  emptySummary,
  mergeSummaries,
  overallProgress,
  planUploads,
  type UploadTally,
} from '../components/import/upload-plan'

/** Said when a second import is asked for while one runs (the archive takes one at a time). */
export const BUSY_NOTICE =
  'An import is already running. Wait for it to finish or cancel it, then try again.'

/** Files read at once while preparing a call: enough to keep the disk busy, not the memory. */
const READ_CONCURRENCY = 4

/**
 * Importing from the UI: files and folders dropped on the window or picked with the page's file
 * inputs. The desktop app sends their paths (`import:paths`); a browser knows no paths, so the
 * page reads the files and sends their bytes (`import:files`) in calls the host accepts, and
 * shows one progress over all of them. Imports started elsewhere (the app's File menu) show
 * their progress here too, and can be cancelled from here.
 */
export const useImporterStore = defineStore('importer', () => {
  const api = getApi()

  /** An import this page started is running. */
  const own = ref(false)
  /** An import started elsewhere (the File menu, another tab) is running. */
  const external = ref(false)
  const running = computed(() => own.value || external.value)
  /** Reading files in the page, before the archive has been asked. */
  const preparing = ref(false)
  const progress = shallowRef<ImportProgress | null>(null)
  const cancelling = ref(false)
  /** A polite refusal or remark about the import in hand, shown with its progress. */
  const notice = ref<string | null>(null)
  /** The last finished import of this page, until the person closes its summary. */
  const summary = shallowRef<ImportSummary | null>(null)
  /** Why the last import did not run, or stopped part-way (then `summary` has what got in). */
  const error = shallowRef<ApiError | null>(null)

  let cancelRequested = false
  /** While a call of our own is in flight; events outside one are late echoes of the last. */
  let callInFlight = false
  /** Our import sends files' bytes in several calls (the browser), not paths in one. */
  let uploading = false
  let tally: UploadTally = { done: 0, imported: 0, duplicates: 0, failed: 0 }
  let grandTotal = 0

  onScopeDispose(
    api.on('import:progress', (event) => {
      if (own.value) {
        if (!callInFlight) return
        // Paths go in one call, whose progress is the import's; uploads add up their calls.
        if (!uploading) progress.value = event
        else {
          const overall = overallProgress(tally, event, grandTotal)
          // A call's reports name a file only now and then; keep the last one named meanwhile.
          overall.current ??= progress.value?.current ?? null
          progress.value = overall
        }
        return
      }
      // A finished import's last report can arrive after its own answer: nothing to show then.
      if (event.total > 0 && event.done >= event.total) return
      external.value = true
      progress.value = event
    }),
  )
  onScopeDispose(
    api.on('archive:changed', ({ reason }) => {
      if (reason !== 'import' || own.value) return
      external.value = false
      cancelling.value = false
      notice.value = null
      progress.value = null
    }),
  )

  /** Start an import of our own, unless one is running. */
  function begin(): boolean {
    if (running.value) {
      notice.value = BUSY_NOTICE
      return false
    }
    own.value = true
    cancelRequested = false
    cancelling.value = false
    notice.value = null
    summary.value = null
    error.value = null
    tally = { done: 0, imported: 0, duplicates: 0, failed: 0 }
    grandTotal = 0
    uploading = false
    progress.value = { done: 0, total: 0, current: null, imported: 0, duplicates: 0, failed: 0 }
    return true
  }

  function end(result: ImportSummary | null, failure: ApiError | null): void {
    own.value = false
    preparing.value = false
    cancelling.value = false
    notice.value = null
    progress.value = null
    callInFlight = false
    summary.value = result
    error.value = failure
  }

  /** The desktop app: the archive reads the files and walks the folders itself. */
  async function importPaths(paths: string[]): Promise<void> {
    if (paths.length === 0 || !begin()) return
    callInFlight = true
    const result = await api.importPaths({ paths })
    if (result.ok) end(result.value, null)
    else end(null, result.error)
  }

  /** Read one call's files; those that cannot be read become failures. */
  async function readChunk(
    files: ChosenFile[],
    failed: ImportFailure[],
  ): Promise<{ name: string; data: string }[]> {
    const out: ({ name: string; data: string } | null)[] = new Array(files.length).fill(null)
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < files.length && !cancelRequested) {
        const i = next++
        const chosen = files[i]!
        try {
          out[i] = { name: chosen.file.name, data: await readAsBase64(chosen.file) }
        } catch (err) {
          failed.push({ path: chosen.path, reason: readFailure(err) })
        }
      }
    }
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker))
    return out.filter((f): f is { name: string; data: string } => f !== null)
  }

  /** The browser: send the files' bytes, in calls the host accepts. */
  async function importUploads(collect: () => Promise<Collected> | Collected): Promise<void> {
    if (!begin()) return
    uploading = true
    preparing.value = true
    const collected = await collect()
    const chosen = collected.files
    const plan = planUploads(
      chosen.map((c) => ({
        name: c.file.name,
        size: c.file.size,
        path: c.path,
        inFolder: c.inFolder,
      })),
    )
    const refused: ImportSummary = {
      ...emptySummary(),
      failed: [...collected.failed, ...plan.failed],
      skipped: plan.skipped,
    }
    const parts: ImportSummary[] = [refused]
    grandTotal = plan.total
    tally = { done: 0, imported: 0, duplicates: 0, failed: refused.failed.length }
    const showTally = (): void => {
      progress.value = { ...progress.value!, ...tally, total: grandTotal }
    }
    showTally()

    let stopped: ApiError | null = null
    for (const indices of plan.chunks) {
      if (cancelRequested) break
      const files = indices.map((i) => chosen[i]!)
      progress.value = { ...progress.value!, current: files[0]?.path ?? null }
      preparing.value = true
      const unread: ImportFailure[] = []
      const payload = await readChunk(files, unread)
      preparing.value = false
      refused.failed.push(...unread)
      tally = { ...tally, done: tally.done + unread.length, failed: tally.failed + unread.length }
      showTally()
      if (cancelRequested) break
      if (payload.length === 0) continue
      callInFlight = true
      const result = await api.importFiles({ files: payload })
      callInFlight = false
      if (!result.ok) {
        stopped = result.error
        break
      }
      parts.push(result.value)
      tally = addToTally(tally, payload.length, result.value)
      showTally()
      if (result.value.cancelled) break
    }

    const merged = mergeSummaries(parts)
    merged.cancelled ||= cancelRequested
    const nothingHappened =
      parts.length === 1 && refused.failed.length === 0 && refused.skipped.length === 0
    if (stopped && nothingHappened) end(null, stopped)
    else if (chosen.length === 0 && collected.failed.length === 0) {
      end(null, {
        code: 'invalid-argument',
        message: 'There was nothing to import: no files were found there.',
      })
    } else end(merged, stopped)
  }

  /**
   * Import what was dropped on the window. Call it from the drop handler itself: the browser
   * forgets what was dropped once the event is over.
   */
  function importDrop(transfer: DataTransfer): void {
    if (running.value) {
      notice.value = BUSY_NOTICE
      return
    }
    const pathForFile = api.pathForFile
    if (pathForFile) {
      // Folders come as File objects too; the archive walks them itself.
      const paths = Array.from(transfer.files)
        .map((file) => pathForFile(file))
        .filter((path) => path !== '')
      void importPaths(paths)
      return
    }
    const contents = takeDrop(transfer)
    void importUploads(() => collectDrop(contents))
  }

  /** Import what a file input picked: files, or (`folder`) everything in one folder. */
  function importPicked(files: readonly File[], folder: boolean): void {
    if (files.length === 0) return
    if (running.value) {
      notice.value = BUSY_NOTICE
      return
    }
    const pathForFile = api.pathForFile
    if (!pathForFile) {
      void importUploads(() => collectInput(files))
      return
    }
    if (folder) {
      const first = files[0]!
      const root = folderRootOf(pathForFile(first), first.webkitRelativePath)
      if (root) {
        void importPaths([root])
        return
      }
    }
    void importPaths(files.map((file) => pathForFile(file)).filter((path) => path !== ''))
  }

  let inputs: { files: HTMLInputElement; folder: HTMLInputElement } | null = null

  /** The page's hidden file inputs (ImportFileInputs.vue); returns the function that detaches. */
  function attachInputs(files: HTMLInputElement, folder: HTMLInputElement): () => void {
    const attached = { files, folder }
    inputs = attached
    return () => {
      if (inputs === attached) inputs = null
    }
  }

  function pick(which: 'files' | 'folder'): void {
    if (running.value) {
      notice.value = BUSY_NOTICE
      return
    }
    inputs?.[which].click()
  }

  /** Open the system's file chooser for files to import. */
  function pickFiles(): void {
    pick('files')
  }

  /** Open the system's folder chooser: everything in the folder is imported. */
  function pickFolder(): void {
    pick('folder')
  }

  /** Stop the running import (ours or another's) after the batch in hand is safely written. */
  async function cancel(): Promise<void> {
    if (!running.value || cancelling.value) return
    cancelling.value = true
    cancelRequested = true
    const result = await api.importCancel({})
    // Nothing was running on the other side: ours was still reading files, and stops itself.
    if (!result.ok && !own.value) cancelling.value = false
    if (!result.ok && own.value) notice.value = result.error.message
  }

  /** Close the summary of the last import. */
  function dismiss(): void {
    summary.value = null
    error.value = null
  }

  function clearNotice(): void {
    notice.value = null
  }

  return {
    running,
    own,
    preparing,
    progress,
    cancelling,
    notice,
    summary,
    error,
    importDrop,
    importPicked,
    importPaths,
    attachInputs,
    pickFiles,
    pickFolder,
    cancel,
    dismiss,
    clearNotice,
  }
})
