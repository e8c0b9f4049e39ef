import { setFlagsFromString } from 'node:v8'

/**
 * Opening an archive builds its whole index at once (100k summaries at 100k articles), and with
 * V8's default young generation most of that open went to collecting garbage: a 64 MB
 * semi-space (at most ~192 MB of young heap, well inside the memory budget) took a cold open of
 * 100k articles from about 1.5 s to under 1 s. Each entry point that opens archives calls this
 * first; it only raises a limit, so calling it twice is harmless.
 */
export function useRoomyYoungGeneration(): void {
  setFlagsFromString('--max-semi-space-size=64')
}
