import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
// The only runtime import besides electron: a sandboxed preload is one CommonJS file that can
// require nothing but electron, so zod and contract.ts (which imports zod) stay type-only here.
import { CHANNELS, EVENTS, methodName, type EventName } from '../shared/channels'
import type { ArchiveApi, EventPayloads } from '../shared/contract'

/**
 * Commands the application menu sends to the UI. Not archive events, so they are not in EVENTS;
 * main sends each on the channel `menu:<command>`. They belong in src/shared/channels.ts once
 * that file grows a place for them (main repeats the list in src/main/menu-template.ts).
 */
const MENU_COMMANDS = ['keyboard-shortcuts'] as const
type MenuCommand = (typeof MENU_COMMANDS)[number]

/**
 * What the preload exposes beyond the ArchiveApi contract. Until src/preload/index.d.ts declares
 * them, the renderer sees them only through this shape:
 *
 * ```ts
 * interface PreloadExtras {
 *   // The file-system path of a File from a drop or an <input type=file>; '' when it has none.
 *   getPathForFile(file: File): string
 *   // Run `listener` when the menu asks for `command`; returns the function that unsubscribes.
 *   onMenu(command: 'keyboard-shortcuts', listener: () => void): () => void
 * }
 * ```
 */
export interface PreloadExtras {
  getPathForFile(file: Parameters<typeof webUtils.getPathForFile>[0]): string
  onMenu(command: MenuCommand, listener: () => void): () => void
}

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

/** Listen on one channel, hiding the IpcRendererEvent (its `sender` is ipcRenderer itself). */
function listen(channel: string, listener: (payload: unknown) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
  ipcRenderer.on(channel, wrapped)
  return () => {
    ipcRenderer.removeListener(channel, wrapped)
  }
}

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name)
}

const on: ArchiveApi['on'] = (event, listener) => {
  // The page may be compromised; it must not be able to listen on arbitrary channels.
  if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`)
  if (typeof listener !== 'function') throw new TypeError('listener must be a function')
  return listen(event, (payload) => listener(payload as EventPayloads[typeof event]))
}

const extras: PreloadExtras = {
  getPathForFile: (file) => webUtils.getPathForFile(file),
  onMenu(command, listener) {
    if (!(MENU_COMMANDS as readonly string[]).includes(command)) {
      throw new Error(`Unknown menu command: ${String(command)}`)
    }
    if (typeof listener !== 'function') throw new TypeError('listener must be a function')
    return listen(`menu:${command}`, () => listener())
  },
}

const api: ArchiveApi & PreloadExtras = { ...buildCalls(), on, ...extras }

contextBridge.exposeInMainWorld('api', api)
