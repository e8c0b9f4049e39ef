import type { ArchiveApi } from '../../../shared/contract'
import { guardApi } from './guard'
import { createHttpApi } from './http'

let instance: ArchiveApi | null = null

/**
 * The one way the UI reaches the archive: the preload's `window.api` in the desktop app, an HTTP
 * client of the browser host otherwise. Either way every call resolves to a Result.
 */
export function getApi(): ArchiveApi {
  instance ??= guardApi(window.api ?? createHttpApi())
  return instance
}

/** True inside the desktop app, where the preload exposes the contract. */
export function isDesktop(): boolean {
  return window.api !== undefined
}

/** Forget the api built so far, so a test can install its own `window.api` before the next call. */
export function resetApi(): void {
  instance = null
}
