import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
// The only runtime import besides electron: a sandboxed preload is one CommonJS file that can
// require nothing but electron, so zod and contract.ts (which imports zod) stay type-only here.
import { CHANNELS, isEventName, methodName } from '../shared/channels'
import type { ArchiveApi, EventPayloads } from '../shared/contract'

type Calls = Omit<ArchiveApi, 'on'>

/**
 * One named method per channel, generated from CHANNELS so a new channel cannot be forgotten.
 * The loop cannot be typed per key, hence the one cast; ArchiveApi is still checked where `api`
 * is declared.
 */
function buildCalls(): Calls {
  const calls: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const channel of CHANNELS) {
    calls[methodName(channel)] = (input: unknown) => ipcRenderer.invoke(channel, input)
  }
  return calls as unknown as Calls
}

/**
 * Every event of the contract, service events and menu commands alike, arrives on the channel of
 * its name. The IpcRendererEvent stays hidden (its `sender` is ipcRenderer itself).
 */
const on: ArchiveApi['on'] = (event, listener) => {
  // The page may be compromised; it must not be able to listen on arbitrary channels.
  if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`)
  if (typeof listener !== 'function') throw new TypeError('listener must be a function')
  const wrapped = (_ipc: IpcRendererEvent, payload: unknown): void =>
    listener(payload as EventPayloads[typeof event])
  ipcRenderer.on(event, wrapped)
  return () => {
    ipcRenderer.removeListener(event, wrapped)
  }
}

/** Dropped files become paths for `importPaths`; the page learns only paths it was given. */
function pathForFile(file: File): string {
  return webUtils.getPathForFile(file)
}

const api: ArchiveApi = { ...buildCalls(), on, pathForFile }

contextBridge.exposeInMainWorld('api', api)
