import { defineStore } from 'pinia'
import { onScopeDispose, ref, shallowRef } from 'vue'
import type { ArchiveInfo } from '../../../shared/model'
import type { ApiError } from '../../../shared/result'
import { getApi } from '../api'

/** The open archive as main describes it: name, article count, notices. Main owns it. */
export const useArchiveStore = defineStore('archive', () => {
  const api = getApi()

  /** Null when no archive is open. */
  const info = shallowRef<ArchiveInfo | null>(null)
  /** False until the first answer (or error), so the UI can tell "loading" from "none open". */
  const loaded = ref(false)
  const loading = ref(false)
  const error = shallowRef<ApiError | null>(null)

  let latest = 0

  async function load(): Promise<void> {
    const ticket = ++latest
    loading.value = true
    const result = await api.archiveInfo({})
    if (ticket !== latest) return
    loading.value = false
    loaded.value = true
    if (result.ok) {
      info.value = result.value
      error.value = null
    } else {
      error.value = result.error
    }
  }

  // Imports change the count, opening another archive changes everything.
  onScopeDispose(api.on('archive:changed', () => void load()))

  return { info, loaded, loading, error, load }
})
