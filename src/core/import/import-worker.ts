// Entry of an import worker thread: decodes, cleans and writes article folders with blocking
// calls, so the two cores share the work and the main thread stays free.
import { parentPort } from 'node:worker_threads'
import { prepareAndWrite, writeFailureMessage, type WriteTask } from './writer'

parentPort?.on('message', (message: { job: number; tasks: WriteTask[] }) => {
  try {
    const results = message.tasks.map((task) => prepareAndWrite(task))
    parentPort?.postMessage({ job: message.job, results })
  } catch (err) {
    parentPort?.postMessage({ job: message.job, error: writeFailureMessage(err) })
  }
})
