import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import type { ExportOutcome, ExportProgress } from '../../../shared/contract'
import type { ReportFormat } from '../../../shared/report'
import type { ApiError } from '../../../shared/result'
import { getApi, isDesktop } from '../api'
import type { RememberedOptions } from '../components/export/export-options'
import {
  availableScopes,
  buildScope,
  defaultScope,
  type ScopeKind,
  type ScopeState,
} from '../components/export/export-scope'
import { filterFor, useLibraryStore } from './library'
import { useSettingsStore } from './settings'
import { useThemesStore } from './themes'

/** A finished export, as the dialog shows it. */
export type ExportDone = Extract<ExportOutcome, { cancelled: false }>

/** Where the browser host serves a finished report (src/host/exports.ts). */
export function downloadUrl(token: string, inline = false): string {
  return `/exports/${encodeURIComponent(token)}${inline ? '?inline=1' : ''}`
}

/**
 * The Export dialog's state: what to export, how, the run's progress, and its result. The
 * options of the last report are remembered in the settings store; the title and subtitle are
 * each report's own. One export runs at a time, in the app and the browser host alike.
 */
export const useExportStore = defineStore('export', () => {
  const api = getApi()
  const library = useLibraryStore()
  const settings = useSettingsStore()
  const themes = useThemesStore()

  const isOpen = ref(false)
  const scopeKind = ref<ScopeKind>('list')
  const themeId = ref<string | null>(null)
  const title = ref('')
  const subtitle = ref('')

  const running = ref(false)
  const cancelling = ref(false)
  const progress = shallowRef<ExportProgress | null>(null)
  const done = shallowRef<ExportDone | null>(null)
  const error = shallowRef<ApiError | null>(null)
  /** A short note after Open or Show in folder, e.g. when the file has gone. */
  const notice = ref<string | null>(null)

  const options = computed(() => settings.exportPrefs.options)
  const format = computed(() => settings.exportPrefs.format)

  function setOption<K extends keyof RememberedOptions>(key: K, value: RememberedOptions[K]): void {
    settings.exportPrefs = {
      ...settings.exportPrefs,
      options: { ...settings.exportPrefs.options, [key]: value },
    }
  }

  function setFormat(next: ReportFormat): void {
    settings.exportPrefs = { ...settings.exportPrefs, format: next }
  }

  const scopeState = computed<ScopeState>(() => ({
    openedId: library.openedId,
    selectedIds: library.selectedIds,
    filter: filterFor(library.view, library.text, library.sort, library.order),
    themeId: themeId.value,
  }))
  const scopes = computed(() => availableScopes(scopeState.value))
  const scope = computed(() => buildScope(scopeKind.value, scopeState.value))

  /** How many articles the chosen scope holds, where the window knows it. */
  const articleCount = computed<number | null>(() => {
    switch (scopeKind.value) {
      case 'article':
        return library.openedId ? 1 : 0
      case 'selection':
        return library.selectedCount
      case 'list':
        return library.total
      case 'theme':
        return themeId.value ? (themes.byId.get(themeId.value)?.count ?? null) : null
    }
    return null
  })

  onScopeDispose(
    api.on('export:progress', (event) => {
      if (running.value) progress.value = event
    }),
  )

  /** Open the dialog on the scope that fits what the window shows. */
  function show(): void {
    if (!running.value) {
      done.value = null
      error.value = null
      notice.value = null
      scopeKind.value = defaultScope(scopeState.value)
    }
    if (themes.themes.length === 0) void themes.load()
    isOpen.value = true
  }

  function close(): void {
    isOpen.value = false
  }

  async function run(): Promise<void> {
    const chosen = scope.value
    if (running.value || !chosen) return
    running.value = true
    cancelling.value = false
    progress.value = null
    done.value = null
    error.value = null
    notice.value = null
    try {
      const result = await api.exportReport({
        scope: chosen,
        options: { ...options.value, title: title.value, subtitle: subtitle.value },
        format: format.value,
      })
      if (!result.ok) {
        // A cancelled run answers with an error; the person asked for it, so it is no error.
        if (!cancelling.value && result.error.code !== 'cancelled') error.value = result.error
        return
      }
      if (result.value.cancelled) return
      done.value = result.value
      // The browser host keeps the report for the page to fetch: download it at once.
      if (result.value.download) download()
    } finally {
      running.value = false
      cancelling.value = false
      progress.value = null
    }
  }

  async function cancel(): Promise<void> {
    if (!running.value) return
    cancelling.value = true
    await api.exportCancel({})
  }

  /** The browser host's report, fetched again (the first download happens by itself). */
  function download(): void {
    const token = done.value?.download?.token
    if (!token) return
    const link = document.createElement('a')
    link.href = downloadUrl(token)
    link.download = done.value?.fileName ?? ''
    link.rel = 'noopener'
    document.body.append(link)
    link.click()
    link.remove()
  }

  /** Open the report: the app's saved file in its program, the browser's in a new tab. */
  async function openReport(): Promise<void> {
    notice.value = null
    const report = done.value
    if (report?.download) {
      window.open(downloadUrl(report.download.token, true), '_blank', 'noopener')
      return
    }
    if (!report?.saved) return
    const result = await api.exportOpen({ token: report.saved.token })
    if (!result.ok) error.value = result.error
    else if (!result.value.opened) notice.value = 'The file could not be opened; it may have moved.'
  }

  async function reveal(): Promise<void> {
    notice.value = null
    const report = done.value
    if (!report?.saved) return
    const result = await api.exportReveal({ token: report.saved.token })
    if (!result.ok) error.value = result.error
    else if (!result.value.revealed)
      notice.value = 'The file could not be found; it may have moved.'
  }

  return {
    isOpen,
    scopeKind,
    themeId,
    title,
    subtitle,
    options,
    format,
    scopes,
    scope,
    articleCount,
    running,
    cancelling,
    progress,
    done,
    error,
    notice,
    desktop: isDesktop(),
    setOption,
    setFormat,
    show,
    close,
    run,
    cancel,
    download,
    openReport,
    reveal,
  }
})
