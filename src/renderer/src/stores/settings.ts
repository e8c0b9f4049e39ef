import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref, shallowRef, watch, watchEffect } from 'vue'
import { registerCommand } from '../composables/useCommands'
import {
  readExportPrefs,
  writeExportPrefs,
  type ExportPrefs,
} from '../components/export/export-options'

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

export const VIEW_MODES = ['original', 'split', 'cleaned'] as const
export type ViewMode = (typeof VIEW_MODES)[number]

/** The reading text's size in CSS pixels: whole pixels between these bounds. */
export const READING_SIZE = { min: 14, max: 24, default: 17 } as const

/** How the reader looks, kept in this browser profile (not in the archive: it is per person). */
export interface Settings {
  theme: Theme
  readingSize: number
  viewMode: ViewMode
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'system',
  readingSize: READING_SIZE.default,
  viewMode: 'split',
})

export const SETTINGS_KEY = 'press-archive:settings'

function oneOf<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
  return values.includes(value as T) ? (value as T) : fallback
}

/** A size within the bounds, in whole pixels; anything else is the default. */
export function clampReadingSize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return READING_SIZE.default
  return Math.min(READING_SIZE.max, Math.max(READING_SIZE.min, Math.round(value)))
}

/**
 * Settings from what storage held, field by field: one bad or missing field (an older version,
 * a hand edit) falls back to its default and leaves the others as they were.
 */
export function parseSettings(raw: unknown): Settings {
  const stored = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  return {
    theme: oneOf(THEMES, stored.theme, DEFAULT_SETTINGS.theme),
    readingSize:
      stored.readingSize === undefined
        ? DEFAULT_SETTINGS.readingSize
        : clampReadingSize(stored.readingSize),
    viewMode: oneOf(VIEW_MODES, stored.viewMode, DEFAULT_SETTINGS.viewMode),
  }
}

/** Parse the stored text; unreadable JSON is the defaults. */
export function parseStoredSettings(text: string | null): Settings {
  if (text === null) return { ...DEFAULT_SETTINGS }
  try {
    return parseSettings(JSON.parse(text))
  } catch {
    return { ...DEFAULT_SETTINGS }
  }
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(SETTINGS_KEY)
  } catch {
    // Storage can be disabled; the settings then last as long as the page.
    return null
  }
}

function writeStorage(settings: Settings): void {
  try {
    window.localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings))
  } catch {
    // As above: without storage a change still holds until the page is closed.
  }
}

/**
 * Theme, reading size and the last view mode. The store applies them to <html> itself
 * (`data-theme`, `--reading-size`), so App.vue only has to create it early, and offers its
 * actions as commands (text size, theme).
 */
export const useSettingsStore = defineStore('settings', () => {
  const initial = parseStoredSettings(readStorage())
  const theme = ref<Theme>(initial.theme)
  const readingSize = ref(initial.readingSize)
  const viewMode = ref<ViewMode>(initial.viewMode)
  /** The Export dialog's last options (stored under their own key). */
  const exportPrefs = shallowRef<ExportPrefs>(readExportPrefs())
  watch(exportPrefs, writeExportPrefs)

  const darkQuery =
    typeof window.matchMedia === 'function'
      ? window.matchMedia('(prefers-color-scheme: dark)')
      : null
  const systemDark = ref(darkQuery?.matches ?? false)
  const onSystemChange = (event: MediaQueryListEvent): void => {
    systemDark.value = event.matches
  }
  darkQuery?.addEventListener('change', onSystemChange)

  /** The theme in effect: the chosen one, or the system's. */
  const resolvedTheme = computed<'light' | 'dark'>(() =>
    theme.value === 'system' ? (systemDark.value ? 'dark' : 'light') : theme.value,
  )

  const root = document.documentElement
  watchEffect(() => {
    // No attribute means "follow the system": base.css then goes by prefers-color-scheme.
    if (theme.value === 'system') root.removeAttribute('data-theme')
    else root.setAttribute('data-theme', theme.value)
    root.style.setProperty('--reading-size', `${readingSize.value}px`)
  })

  let applyingStorage = false
  watch([theme, readingSize, viewMode], () => {
    if (applyingStorage) return
    writeStorage({ theme: theme.value, readingSize: readingSize.value, viewMode: viewMode.value })
  })

  // Another window or tab of the same app changed them: follow.
  const onStorage = (event: StorageEvent): void => {
    if (event.key !== SETTINGS_KEY) return
    const next = parseStoredSettings(event.newValue)
    applyingStorage = true
    theme.value = next.theme
    readingSize.value = next.readingSize
    viewMode.value = next.viewMode
    applyingStorage = false
  }
  window.addEventListener('storage', onStorage)

  function setTheme(next: Theme): void {
    theme.value = oneOf(THEMES, next, theme.value)
  }

  function setReadingSize(size: number): void {
    readingSize.value = clampReadingSize(size)
  }

  function textLarger(): void {
    setReadingSize(readingSize.value + 1)
  }

  function textSmaller(): void {
    setReadingSize(readingSize.value - 1)
  }

  function textReset(): void {
    readingSize.value = READING_SIZE.default
  }

  function setViewMode(mode: ViewMode): void {
    viewMode.value = oneOf(VIEW_MODES, mode, viewMode.value)
  }

  // The size commands stay enabled at the bounds: a disabled one would let the key through to
  // the browser, whose own zoom would then take over.
  const group = 'View'
  const unregister = [
    registerCommand({
      id: 'view.text-larger',
      title: 'Larger reading text',
      group,
      shortcut: 'Mod+=',
      run: textLarger,
    }),
    registerCommand({
      id: 'view.text-smaller',
      title: 'Smaller reading text',
      group,
      shortcut: 'Mod+-',
      run: textSmaller,
    }),
    registerCommand({
      id: 'view.text-reset',
      title: 'Default reading text size',
      group,
      shortcut: 'Mod+0',
      run: textReset,
    }),
    registerCommand({
      id: 'view.theme-system',
      title: 'Theme: follow the system',
      group,
      run: () => setTheme('system'),
      enabled: () => theme.value !== 'system',
    }),
    registerCommand({
      id: 'view.theme-light',
      title: 'Theme: light',
      group,
      run: () => setTheme('light'),
      enabled: () => theme.value !== 'light',
    }),
    registerCommand({
      id: 'view.theme-dark',
      title: 'Theme: dark',
      group,
      run: () => setTheme('dark'),
      enabled: () => theme.value !== 'dark',
    }),
  ]

  onScopeDispose(() => {
    for (const remove of unregister) remove()
    darkQuery?.removeEventListener('change', onSystemChange)
    window.removeEventListener('storage', onStorage)
  })

  return {
    theme,
    readingSize,
    viewMode,
    exportPrefs,
    resolvedTheme,
    setTheme,
    setReadingSize,
    textLarger,
    textSmaller,
    textReset,
    setViewMode,
  }
})
