/** Why a call failed, in a form the UI can branch on. */
export const ERROR_CODES = [
  'invalid-argument',
  'not-found',
  'no-archive',
  'locked',
  'read-only',
  'busy',
  'not-allowed',
  /** Nothing matched what was asked for (e.g. a report over an empty filter). */
  'empty',
  /** A program the call needs is not installed (e.g. Chromium for PDF export). */
  'missing-program',
  'cancelled',
  'io',
  'corrupt',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  /** A sentence for a person: what went wrong and, where we know, what to do. */
  message: string
}

/** Errors cross every boundary as values, never as thrown stack traces. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }
