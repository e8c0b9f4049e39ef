import type { ArchiveApi } from '../shared/contract'

declare global {
  interface Window {
    /**
     * The archive contract, exposed by the preload in the desktop app. Absent when the UI runs in
     * a plain browser against the browser host; the renderer then talks HTTP (see api/http.ts).
     */
    api?: ArchiveApi
  }
}

export {}
