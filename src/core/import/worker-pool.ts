import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { ArchiveError } from '../errors'
import { prepareAndWrite, writeFailureMessage, type WriteResult, type WriteTask } from './writer'

/** Runs write tasks; in worker threads when it can, on the calling thread otherwise. */
export interface ArticleWriter {
  run(tasks: WriteTask[]): Promise<WriteResult[]>
  close(): Promise<void>
}

/** Small imports are not worth starting threads for (~40 ms each). */
const WORKERS_FROM = 64

/**
 * The writer for an import of `count` files: a pool of worker threads (one per core) when the
 * worker script is there (see useImportWorker), else the same work on this thread.
 */
export function createWriter(count: number): ArticleWriter {
  const script = count >= WORKERS_FROM ? workerScript() : null
  if (!script) return inProcessWriter
  try {
    return new WorkerPool(script, Math.max(1, availableParallelism()))
  } catch {
    return inProcessWriter
  }
}

export const inProcessWriter: ArticleWriter = {
  async run(tasks) {
    try {
      return tasks.map((task) => prepareAndWrite(task))
    } catch (err) {
      throw new ArchiveError('io', writeFailureMessage(err))
    }
  },
  async close() {},
}

interface WorkerScript {
  /** A file to run, or (eval) code that loads one. */
  code: string
  eval: boolean
}

let builtWorker: string | null = null

/**
 * Where the built worker lies: the CLI and the app call this at start-up with the file their
 * build put beside them. Without it (tests, the benchmark: TypeScript sources run through tsx)
 * the worker's source beside this module is loaded through tsx.
 */
export function useImportWorker(file: string): void {
  builtWorker = file
}

function workerScript(): WorkerScript | null {
  if (builtWorker) return existsSync(builtWorker) ? { code: builtWorker, eval: false } : null
  // __filename, not __dirname: tsx sets only the former right when an ESM entry loads this file.
  const source = join(dirname(__filename), 'import-worker.ts')
  if (!existsSync(source)) return null
  return { code: `require('tsx/cjs');require(${JSON.stringify(source)})`, eval: true }
}

/** Tasks sent to a worker at a time: small, so both workers finish a batch together. */
const CHUNK = 8
/** Chunks a worker holds at once: enough to keep it busy while the main thread is (briefly) busy. */
const CHUNKS_PER_WORKER = 4

interface Run {
  results: WriteResult[]
  left: number
  /** Chunks of this run in workers' hands. */
  out: number
  error: Error | null
  resolve(results: WriteResult[]): void
  reject(err: Error): void
}

interface Chunk {
  run: Run
  start: number
  tasks: WriteTask[]
}

/**
 * Worker threads fed from one queue. Runs may overlap (an import hands over its next batch
 * while the last one is still being written), and each worker pulls small chunks as it frees
 * up, so no thread waits for a slower one at the end of a batch.
 */
class WorkerPool implements ArticleWriter {
  private readonly workers: { worker: Worker; held: Map<number, Chunk> }[]
  private readonly queue: Chunk[] = []
  private nextJob = 0
  private failure: Error | null = null

  constructor(script: WorkerScript, size: number) {
    this.workers = Array.from({ length: size }, () => {
      const slot = { worker: new Worker(script.code, { eval: script.eval }), held: new Map() }
      slot.worker.on('message', (m: { job: number; results?: WriteResult[]; error?: string }) => {
        const chunk = slot.held.get(m.job)
        if (!chunk) return
        slot.held.delete(m.job)
        chunk.run.out--
        if (m.results) this.finish(chunk, m.results)
        else this.fail(chunk.run, new ArchiveError('io', m.error ?? 'an import worker failed'))
        this.feed()
      })
      slot.worker.on('error', (err) =>
        this.failAll(new ArchiveError('io', `An import worker stopped: ${err.message}`)),
      )
      return slot
    })
  }

  /** Results come back in the tasks' order. */
  run(tasks: WriteTask[]): Promise<WriteResult[]> {
    if (this.failure) return Promise.reject(this.failure)
    if (tasks.length === 0) return Promise.resolve([])
    return new Promise<WriteResult[]>((resolve, reject) => {
      const run: Run = {
        results: new Array<WriteResult>(tasks.length),
        left: tasks.length,
        out: 0,
        error: null,
        resolve,
        reject,
      }
      for (let start = 0; start < tasks.length; start += CHUNK) {
        this.queue.push({ run, start, tasks: tasks.slice(start, start + CHUNK) })
      }
      this.feed()
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()))
  }

  private feed(): void {
    for (const slot of this.workers) {
      while (slot.held.size < CHUNKS_PER_WORKER && this.queue.length > 0) {
        const chunk = this.queue.shift()!
        const job = this.nextJob++
        slot.held.set(job, chunk)
        chunk.run.out++
        // The bytes are moved, not copied: this thread has no further use for them.
        slot.worker.postMessage({ job, tasks: chunk.tasks }, transferable(chunk.tasks))
      }
    }
  }

  private finish(chunk: Chunk, results: WriteResult[]): void {
    const run = chunk.run
    if (run.error) return this.settleFailed(run)
    results.forEach((r, i) => (run.results[chunk.start + i] = r))
    run.left -= results.length
    if (run.left === 0) run.resolve(run.results)
  }

  /**
   * A failed chunk fails its run: its chunks still queued are dropped, and the run rejects only
   * once no worker is writing for it, so whoever cleans up after it is not raced by a write.
   */
  private fail(run: Run, err: Error): void {
    run.error ??= err
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i]!.run === run) this.queue.splice(i, 1)
    }
    this.settleFailed(run)
  }

  private settleFailed(run: Run): void {
    if (run.out === 0 && run.error) run.reject(run.error)
  }

  private failAll(err: Error): void {
    this.failure = err
    const runs = new Set<Run>(this.queue.map((c) => c.run))
    for (const slot of this.workers) for (const c of slot.held.values()) runs.add(c.run)
    this.queue.length = 0
    for (const slot of this.workers) slot.held.clear()
    for (const run of runs) run.reject(err)
  }
}

/** The tasks' byte buffers that can be handed over whole (a buffer not shared with others). */
function transferable(tasks: readonly WriteTask[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = []
  for (const { bytes } of tasks) {
    const buffer = bytes.buffer
    if (
      buffer instanceof ArrayBuffer &&
      bytes.byteOffset === 0 &&
      bytes.byteLength === buffer.byteLength &&
      !out.includes(buffer)
    )
      out.push(buffer)
  }
  return out
}
