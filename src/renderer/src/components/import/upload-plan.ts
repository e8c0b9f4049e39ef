import type { ImportFailure, ImportProgress, ImportSummary } from '../../../../shared/model'

/**
 * What one `import:files` call may carry. The browser host reads at most 25 MB of body per
 * call and the contract takes at most 1,000 files, so files go in calls of up to 15 MB: room
 * for the JSON around them, and calls small enough that progress moves.
 */
export const UPLOAD_LIMITS = {
  callBytes: 15 * 1024 * 1024,
  callFiles: 1000,
  /**
   * The largest file the page can send: in base64 it is 24 MB, one call on its own. (The
   * archive takes articles up to 20 MB; a larger one can come in through the desktop app.)
   */
  fileBytes: 18 * 1024 * 1024,
} as const

export type UploadLimits = { readonly [K in keyof typeof UPLOAD_LIMITS]: number }

/**
 * Extensions taken from inside folders, as the desktop importer does (src/core/import/walk.ts):
 * a file named on its own is always tried; inside a folder, images and PDFs are passed over.
 */
const TEXT_EXTENSIONS = new Set(['', '.txt', '.text', '.md', '.markdown'])

/** `.txt` of `Report.TXT`; empty for `README` and for dot-files' own names. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? '' : name.slice(dot).toLowerCase()
}

export function isTextName(name: string): boolean {
  return TEXT_EXTENSIONS.has(extensionOf(name))
}

/** A file chosen in the page, before it is read. */
export interface UploadCandidate {
  /** The bare file name, which is what the archive records it under. */
  name: string
  size: number
  /** How the person knows it: its path inside the folder they chose, or its name. */
  path: string
  /** Found inside a chosen folder (then only text files by their name are taken). */
  inFolder: boolean
}

export interface UploadPlan {
  /** Indices into the candidates, one array per call, in order. */
  chunks: number[][]
  /** How many files the chunks hold together. */
  total: number
  failed: ImportFailure[]
  skipped: ImportFailure[]
}

/** Characters of base64 for `size` bytes. */
export function encodedSize(size: number): number {
  return 4 * Math.ceil(size / 3)
}

const encoder = new TextEncoder()

/** Bytes a file adds to a call's JSON body: its data, its name, and the punctuation. */
function callCost(candidate: UploadCandidate): number {
  return encodedSize(candidate.size) + encoder.encode(JSON.stringify(candidate.name)).length + 24
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Why a name cannot be sent, as the contract checks it; null when it can. */
function nameProblem(name: string): string | null {
  if (name === '' || name === '.' || name === '..' || /[\\/\0]/.test(name)) {
    return 'its name cannot be used for a file'
  }
  if (name.length > 255) return 'its name is longer than 255 characters'
  return null
}

/**
 * Split the chosen files into calls no larger than the limits, in the order chosen. Files that
 * cannot go (too large to send, a name no file system takes) are failures with a reason; files
 * in folders that are not text by their name are skipped, as in the desktop app.
 */
export function planUploads(
  candidates: readonly UploadCandidate[],
  limits: UploadLimits = UPLOAD_LIMITS,
): UploadPlan {
  const plan: UploadPlan = { chunks: [], total: 0, failed: [], skipped: [] }
  let chunk: number[] = []
  let chunkBytes = 0
  candidates.forEach((candidate, index) => {
    const problem = nameProblem(candidate.name)
    if (problem) {
      plan.failed.push({ path: candidate.path, reason: problem })
      return
    }
    if (candidate.inFolder && !isTextName(candidate.name)) {
      plan.skipped.push({
        path: candidate.path,
        reason: `not a text file by its name (${extensionOf(candidate.name)})`,
      })
      return
    }
    if (candidate.size > limits.fileBytes) {
      plan.failed.push({
        path: candidate.path,
        reason:
          `the file is ${formatMegabytes(candidate.size)}; a browser can send at most ` +
          `${formatMegabytes(limits.fileBytes)} at once. Import it in the desktop app or with ` +
          '`press-archive import`.',
      })
      return
    }
    const cost = callCost(candidate)
    if (
      chunk.length > 0 &&
      (chunkBytes + cost > limits.callBytes || chunk.length >= limits.callFiles)
    ) {
      plan.chunks.push(chunk)
      chunk = []
      chunkBytes = 0
    }
    chunk.push(index)
    chunkBytes += cost
    plan.total += 1
  })
  if (chunk.length > 0) plan.chunks.push(chunk)
  return plan
}

export function emptySummary(): ImportSummary {
  return { imported: [], duplicates: [], failed: [], skipped: [], cancelled: false }
}

/** One summary for an import sent in several calls (and what the page refused itself). */
export function mergeSummaries(parts: readonly ImportSummary[]): ImportSummary {
  const merged = emptySummary()
  for (const part of parts) {
    merged.imported.push(...part.imported)
    merged.duplicates.push(...part.duplicates)
    merged.failed.push(...part.failed)
    merged.skipped.push(...part.skipped)
    merged.cancelled ||= part.cancelled
  }
  return merged
}

/** What the calls finished so far add up to. */
export interface UploadTally {
  done: number
  imported: number
  duplicates: number
  failed: number
}

/**
 * The progress of the whole import while one of its calls runs: the archive reports each call
 * on its own (`done` of that call's files), the person wants one bar over all of them.
 */
export function overallProgress(
  before: UploadTally,
  call: ImportProgress,
  total: number,
): ImportProgress {
  return {
    done: Math.min(total, before.done + call.done),
    total,
    current: call.current,
    imported: before.imported + call.imported,
    duplicates: before.duplicates + call.duplicates,
    failed: before.failed + call.failed,
  }
}

/** The tally after a call finished with this summary of its `sent` files. */
export function addToTally(before: UploadTally, sent: number, summary: ImportSummary): UploadTally {
  return {
    done: before.done + sent,
    imported: before.imported + summary.imported.length,
    duplicates: before.duplicates + summary.duplicates.length,
    failed: before.failed + summary.failed.length,
  }
}
