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

interface Pending {
  resolve(results: WriteResult[]): void
  reject(err: Error): void
}

class WorkerPool implements ArticleWriter {
  private readonly workers: Worker[]
  private readonly pending = new Map<number, Pending>()
  private nextJob = 0

  constructor(script: WorkerScript, size: number) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(script.code, { eval: script.eval })
      worker.on('message', (m: { job: number; results?: WriteResult[]; error?: string }) => {
        const p = this.pending.get(m.job)
        if (!p) return
        this.pending.delete(m.job)
        if (m.results) p.resolve(m.results)
        else p.reject(new ArchiveError('io', m.error ?? 'an import worker failed'))
      })
      worker.on('error', (err) => this.failAll(err))
      return worker
    })
  }

  /** Split the tasks evenly between the workers; results come back in the tasks' order. */
  async run(tasks: WriteTask[]): Promise<WriteResult[]> {
    const per = Math.ceil(tasks.length / this.workers.length)
    const parts = this.workers.map((worker, i) => {
      const slice = tasks.slice(i * per, (i + 1) * per)
      if (slice.length === 0) return Promise.resolve([] as WriteResult[])
      const job = this.nextJob++
      return new Promise<WriteResult[]>((resolve, reject) => {
        this.pending.set(job, { resolve, reject })
        worker.postMessage({ job, tasks: slice })
      })
    })
    return (await Promise.all(parts)).flat()
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values())
      p.reject(new ArchiveError('io', `An import worker stopped: ${err.message}`))
    this.pending.clear()
  }
}
