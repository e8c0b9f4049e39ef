import type { ApiError, ErrorCode } from '../shared/result'

/**
 * An error we expect and can explain to a person. Anything else that escapes a handler is a bug
 * and is reported as `internal` with a generic message (the stack goes to the log only).
 */
export class ArchiveError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ArchiveError'
  }
}

/** Turn any thrown value into the error a person is shown. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ArchiveError) return { code: err.code, message: err.message }
  const io = describeIoError(err)
  if (io) return { code: 'io', message: io }
  return {
    code: 'internal',
    message: 'Something went wrong inside Press Archive; nothing was changed by the failed step.',
  }
}

/** Plain-language text for the file-system errors people actually meet. */
export function describeIoError(err: unknown): string | null {
  if (!(err instanceof Error) || !('code' in err)) return null
  const path = 'path' in err && typeof err.path === 'string' ? ` (${err.path})` : ''
  switch (err.code) {
    case 'ENOENT':
      return `The file or folder does not exist${path}.`
    case 'EACCES':
    case 'EPERM':
      return `Permission denied${path}.`
    case 'ENOSPC':
      return `The disk is full${path}; nothing was saved by this step.`
    case 'EROFS':
      return `The disk is read-only${path}.`
    case 'EISDIR':
      return `Expected a file but found a folder${path}.`
    case 'ENOTDIR':
      return `Expected a folder but found a file${path}.`
    case 'EMFILE':
      return 'Too many files are open at once; try again.'
    case 'ELOOP':
      return `Too many symbolic links${path}.`
    default:
      return null
  }
}
