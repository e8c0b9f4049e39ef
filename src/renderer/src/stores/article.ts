import { defineStore } from 'pinia'
import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import type { RecleanResult } from '../../../shared/contract'
import type {
  ArticleMeta,
  ArticleView,
  EditableMeta,
  FlagStatus,
  HistoryEntry,
  Passage,
} from '../../../shared/model'
import type { ApiError, Result } from '../../../shared/result'
import { getApi } from '../api'

/**
 * `saved`: the archive holds what the editor shows. `pending`: typed, waiting for the pause
 * that triggers autosave. `saving`: on its way. `failed`: the archive refused or could not be
 * reached; the text stays in the editor and the next keystroke or Ctrl/Cmd+S tries again.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed'

/** Where a passage is in a text about to be saved, as the editor mapped it through the edits. */
export interface MappedPassage {
  id: string
  start: number
  end: number
}

/**
 * Asked at each save for where the passages are in the text being saved; null when it cannot
 * say (the editor shows some other text), and the archive then finds them by their words.
 */
export type PassageSource = (text: string) => MappedPassage[] | null

/** Autosave waits this long after the last keystroke (the brief: within a second). */
export const AUTOSAVE_DELAY_MS = 700

/**
 * The article open for reading and editing: its text as the editor has it, and the saving of
 * that text. Saves are serialised, so versions land in the order they were typed, and an answer
 * for an article no longer open never touches the one that is.
 */
export const useArticleStore = defineStore('article', () => {
  const api = getApi()

  const id = ref<string | null>(null)
  const article = shallowRef<ArticleView | null>(null)
  const loading = ref(false)
  const error = shallowRef<ApiError | null>(null)

  /** The cleaned text as the editor has it now. */
  const draft = ref('')
  /** The cleaned text the archive holds. */
  const savedText = ref('')
  const saveState = ref<SaveState>('saved')
  const saveError = shallowRef<ApiError | null>(null)
  const lastSavedAt = ref<string | null>(null)

  const history = shallowRef<HistoryEntry[]>([])

  /**
   * What was typed in articles no longer open that the archive refused (a failed save on the
   * way out), by article id. Reopening the article puts the text back in its editor and saves it.
   */
  const refused = new Map<string, string>()
  const refusedCount = ref(0)

  const meta = computed<ArticleMeta | null>(() => article.value?.meta ?? null)
  const dirty = computed(() => draft.value !== savedText.value)

  let passageSource: PassageSource | null = null

  /** The editor tells saves where the passages are; returns the function that stops it. */
  function trackPassages(source: PassageSource): () => void {
    passageSource = source
    return () => {
      if (passageSource === source) passageSource = null
    }
  }

  /**
   * The mapped spans to send with a save of `text`: only of passages the archive has placed on
   * the text (a detached one stays as it is; one removed elsewhere would make the save fail).
   */
  function mappedPassages(text: string): MappedPassage[] | undefined {
    const placed = new Set(
      (article.value?.meta.passages ?? []).filter((p) => !p.detached).map((p) => p.id),
    )
    if (placed.size === 0) return undefined
    const spans = passageSource?.(text)
    if (!spans) return undefined
    return spans.filter((s) => placed.has(s.id))
  }

  let timer: ReturnType<typeof setTimeout> | null = null
  let saving: Promise<void> | null = null
  let ticket = 0

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  function show(view: ArticleView): void {
    article.value = view
    draft.value = view.cleanedText
    savedText.value = view.cleanedText
    saveState.value = 'saved'
    saveError.value = null
    history.value = view.meta.history
  }

  /** Open an article; what was typed in the previous one is saved first. */
  async function open(next: string): Promise<void> {
    if (next === id.value && article.value) return
    const mine = ++ticket
    loading.value = true
    error.value = null
    await leave()
    if (mine !== ticket) return
    id.value = next
    const result = await api.articleGet({ id: next })
    if (mine !== ticket) return
    loading.value = false
    if (result.ok) {
      show(result.value)
      resume(next)
    } else {
      error.value = result.error
    }
  }

  /**
   * Put the open article away. The editor goes first, so nothing more can be typed into it
   * while its last words are saved; text the archive refused is kept for when it is reopened.
   */
  async function leave(): Promise<void> {
    const leaving = id.value
    article.value = null
    await flush()
    clearTimer()
    if (leaving !== null && id.value === leaving && dirty.value) {
      refused.set(leaving, draft.value)
      refusedCount.value = refused.size
    }
    draft.value = savedText.value = ''
    saveState.value = 'saved'
  }

  /** Text typed in this article that the archive refused earlier comes back, to be saved again. */
  function resume(articleId: string): void {
    const text = refused.get(articleId)
    if (text === undefined) return
    refused.delete(articleId)
    refusedCount.value = refused.size
    edit(text)
  }

  /** Reload the open article from the archive (after a restore, or another window's save). */
  async function reload(): Promise<void> {
    // Nothing to refresh while an article is on its way in or out (open() is loading it).
    if (!id.value || !article.value) return
    const mine = ++ticket
    const result = await api.articleGet({ id: id.value })
    if (mine !== ticket || !result.ok) return
    // Never replace text the person typed and the archive has not got yet.
    if (dirty.value || saveState.value === 'saving') {
      article.value = { ...result.value, cleanedText: article.value?.cleanedText ?? '' }
      history.value = result.value.meta.history
      return
    }
    show(result.value)
  }

  function close(): void {
    const mine = ++ticket
    error.value = null
    loading.value = false
    void leave().then(() => {
      if (mine === ticket) id.value = null
    })
  }

  /** The editor reports every change; autosave follows the pause after the last one. */
  function edit(text: string): void {
    draft.value = text
    if (!dirty.value) {
      clearTimer()
      if (saveState.value !== 'saving') saveState.value = 'saved'
      return
    }
    if (saveState.value !== 'saving') saveState.value = 'pending'
    clearTimer()
    timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS)
  }

  /** Save now (Ctrl/Cmd+S, leaving the article, closing the window). */
  async function save(): Promise<void> {
    clearTimer()
    // One save at a time; whatever was typed meanwhile goes in the next one.
    while (saving) await saving
    const articleId = id.value
    const text = draft.value
    if (!articleId || text === savedText.value) {
      if (saveState.value !== 'failed' || !dirty.value) saveState.value = 'saved'
      return
    }
    saveState.value = 'saving'
    // Read now, with the text: the editor's spans describe exactly the text being sent.
    const passages = mappedPassages(text)
    saving = (async () => {
      const result = await api.articleSave({ id: articleId, text, passages })
      if (articleId !== id.value) return
      if (result.ok) {
        savedText.value = text
        saveError.value = null
        lastSavedAt.value = result.value.version.at
        const current = article.value
        if (current) article.value = { ...current, meta: result.value.meta }
        history.value = result.value.meta.history
        saveState.value = draft.value === text ? 'saved' : 'pending'
      } else {
        saveState.value = 'failed'
        saveError.value = result.error
      }
    })()
    try {
      await saving
    } finally {
      saving = null
    }
    if ((saveState.value as SaveState) === 'pending') edit(draft.value)
  }

  /** Make sure nothing typed is left unsaved (before switching articles or archives). */
  async function flush(): Promise<void> {
    if (timer !== null || dirty.value) await save()
    else if (saving) await saving
  }

  async function updateMeta(patch: Partial<EditableMeta>): Promise<Result<ArticleMeta>> {
    const articleId = id.value
    if (!articleId) return { ok: false, error: noArticle }
    const result = await api.articleUpdateMeta({ id: articleId, patch })
    if (result.ok && articleId === id.value && article.value) {
      article.value = { ...article.value, meta: result.value }
    }
    return result
  }

  async function loadHistory(): Promise<void> {
    const articleId = id.value
    if (!articleId) return
    const result = await api.articleHistory({ id: articleId })
    if (result.ok && articleId === id.value) history.value = result.value
  }

  function versionText(file: string): Promise<Result<{ text: string }>> {
    if (!id.value) return Promise.resolve({ ok: false, error: noArticle })
    return api.articleVersion({ id: id.value, file })
  }

  /** Restore a version: it becomes a new version, and the editor shows it. */
  async function restore(file: string): Promise<Result<unknown>> {
    await flush()
    const articleId = id.value
    if (!articleId) return { ok: false, error: noArticle }
    const result = await api.articleRestore({ id: articleId, file })
    if (result.ok && articleId === id.value) {
      savedText.value = draft.value // so reload() may replace it
      await reload()
    }
    return result
  }

  async function reviewFlag(key: string, status: FlagStatus): Promise<Result<unknown>> {
    const articleId = id.value
    if (!articleId) return { ok: false, error: noArticle }
    const result = await api.articleReviewFlag({ id: articleId, key, status })
    if (result.ok && articleId === id.value && article.value) {
      const view = article.value
      article.value = {
        ...view,
        meta: result.value,
        flags: view.flags.map((f) => (f.key === key ? { ...f, status } : f)),
      }
    }
    return result
  }

  function withMeta(next: ArticleMeta): void {
    if (article.value && article.value.meta.id === next.id) {
      article.value = { ...article.value, meta: next }
    }
  }

  /**
   * Tag words of the cleaned text with a theme. `span` is in `text`, the editor's text when the
   * words were chosen; whatever was typed is saved first, so the archive's cleaned text is that
   * text and the offsets mean the same words there.
   */
  async function addPassage(
    themeId: string,
    span: { start: number; end: number; text: string },
  ): Promise<Result<Passage>> {
    const articleId = id.value
    if (!articleId) return { ok: false, error: noArticle }
    await flush()
    if (articleId !== id.value) return { ok: false, error: noArticle }
    if (saveState.value === 'failed') {
      return { ok: false, error: saveError.value ?? textChanged }
    }
    if (savedText.value !== span.text) return { ok: false, error: textChanged }
    const result = await api.passagesAdd({
      id: articleId,
      themeId,
      start: span.start,
      end: span.end,
    })
    if (result.ok && articleId === id.value && article.value) {
      const meta = article.value.meta
      withMeta({ ...meta, passages: [...(meta.passages ?? []), result.value] })
    }
    return result
  }

  async function removePassage(passageId: string): Promise<Result<ArticleMeta>> {
    const articleId = id.value
    if (!articleId) return { ok: false, error: noArticle }
    const result = await api.passagesRemove({ id: articleId, passageId })
    if (result.ok && articleId === id.value) withMeta(result.value)
    return result
  }

  /** Ask the active profile what it would make of the original now (nothing is stored). */
  async function proposeReclean(): Promise<Result<RecleanResult>> {
    await flush()
    if (!id.value) return { ok: false, error: noArticle }
    return api.articleReclean({ id: id.value, apply: false })
  }

  // Another window, the CLI or the host's other tab changed this article: show it unless the
  // person here has typed something the archive does not have yet.
  onScopeDispose(
    api.on('archive:changed', ({ reason }) => {
      if (reason === 'open') close()
      else if (reason !== 'profiles' && reason !== 'import' && saveState.value === 'saved') {
        void reloadIfChanged()
      }
    }),
  )

  async function reloadIfChanged(): Promise<void> {
    if (!id.value || !article.value || saving) return
    const result = await api.articleHistory({ id: id.value })
    if (!result.ok) return
    const known = history.value.at(-1)?.file
    if (result.value.at(-1)?.file !== known) await reload()
  }

  return {
    id,
    article,
    meta,
    loading,
    error,
    draft,
    savedText,
    dirty,
    saveState,
    saveError,
    lastSavedAt,
    history,
    refusedCount,
    open,
    reload,
    close,
    edit,
    save,
    flush,
    updateMeta,
    loadHistory,
    versionText,
    restore,
    reviewFlag,
    proposeReclean,
    trackPassages,
    addPassage,
    removePassage,
  }
})

const noArticle: ApiError = { code: 'not-found', message: 'No article is open.' }
const textChanged: ApiError = {
  code: 'busy',
  message: 'The text changed while the passage was being tagged. Select the words again.',
}
