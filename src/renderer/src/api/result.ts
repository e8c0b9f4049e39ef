import type { ApiError, Result } from '../../../shared/result'

/** Said when the other side cannot be reached or answers with something that is not a Result. */
export const UNREACHABLE: ApiError = {
  code: 'io',
  message:
    'The archive service is not reachable. Check that Press Archive is still running, then try again.',
}

/** Said when a call failed on our side of the boundary (a transport bug), never with its stack. */
export const FAILED: ApiError = {
  code: 'internal',
  message:
    'Press Archive could not complete that request. Try again; if it keeps happening, restart the app.',
}

export function failure(error: ApiError): Result<never> {
  return { ok: false, error }
}

/** Whether `value` has the shape of a Result, so an unexpected reply is not taken for one. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as { ok?: unknown; error?: unknown }
  if (candidate.ok === true) return true
  if (candidate.ok !== false) return false
  const error = candidate.error as { code?: unknown; message?: unknown } | null | undefined
  return typeof error?.code === 'string' && typeof error.message === 'string'
}
