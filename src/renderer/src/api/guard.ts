import { CHANNELS, methodName } from '../../../shared/channels'
import type { ArchiveApi } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import { failure, FAILED, isResult } from './result'

type Call = (input: unknown) => Promise<unknown>

/**
 * Make every call resolve to a Result, whatever the transport does: `ipcRenderer.invoke` rejects
 * when main has no handler or its handler throws, and the UI must then show a sentence, not a
 * stack. Also keeps a preload that lacks a method from breaking the page.
 */
export function guardApi(api: ArchiveApi): ArchiveApi {
  const calls: Record<string, (input: unknown) => Promise<Result<unknown>>> = {}
  for (const channel of CHANNELS) {
    const name = methodName(channel)
    calls[name] = async (input) => {
      try {
        const call = api[name] as unknown as Call
        const result = await call.call(api, input)
        return isResult(result) ? result : failure(FAILED)
      } catch {
        return failure(FAILED)
      }
    }
  }
  const on: ArchiveApi['on'] = (event, listener) => {
    try {
      return api.on(event, listener)
    } catch {
      return () => {}
    }
  }
  const pathForFile = api.pathForFile && ((file: File) => api.pathForFile!(file))
  // As in http.ts: the method table is built from CHANNELS, so it cannot be typed per key.
  return { ...calls, on, ...(pathForFile && { pathForFile }) } as unknown as ArchiveApi
}
