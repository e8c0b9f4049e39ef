import { computed, getCurrentScope, onScopeDispose, shallowReactive, type ComputedRef } from 'vue'

/** Something a person can do from the command palette, a shortcut, or a menu. */
export interface Command {
  /** Stable and unique, e.g. `article.save`; registering an id again replaces the command. */
  id: string
  /** What the palette shows, as a short action: "Save the article". */
  title: string
  /** Heading it is listed under in the palette and the shortcuts list; default "General". */
  group?: string
  /** One shortcut in the notation of useShortcuts: "Mod+S", "Mod+Shift+Z", "?", "/", "1". */
  shortcut?: string
  run: () => void | Promise<void>
  /** Whether it can run now; a disabled command is left out of the palette and its keys. */
  enabled?: () => boolean
}

export const DEFAULT_GROUP = 'General'

// One registry for the whole window: the palette, the shortcut handler and the shortcuts list
// all read it, and any component may add to it.
const registry = shallowReactive(new Map<string, Command>())

/**
 * Add a command; returns the function that removes it again. Registering an id that is already
 * there replaces the earlier command, and the earlier one's unregister then does nothing.
 */
export function registerCommand(command: Command): () => void {
  registry.set(command.id, command)
  return () => {
    if (registry.get(command.id) === command) registry.delete(command.id)
  }
}

/**
 * Register a command for as long as the calling component (or effect scope) lives, so it cannot
 * outlive whatever its `run` refers to.
 */
export function useCommand(command: Command): void {
  const unregister = registerCommand(command)
  if (getCurrentScope()) onScopeDispose(unregister)
}

/** Whether a command may run now. */
export function isEnabled(command: Command): boolean {
  return command.enabled?.() ?? true
}

/**
 * Run a command by id, if it is registered and enabled; says whether it ran. A rejected promise
 * is reported on the console: commands show their own errors to the person.
 */
export function runCommand(id: string): boolean {
  const command = registry.get(id)
  if (!command || !isEnabled(command)) return false
  execute(command)
  return true
}

/** Run a command found elsewhere (the palette, the shortcut handler). */
export function execute(command: Command): void {
  try {
    const done = command.run()
    if (done instanceof Promise) {
      done.catch((err: unknown) => console.error(`[commands] ${command.id} failed`, err))
    }
  } catch (err) {
    console.error(`[commands] ${command.id} failed`, err)
  }
}

/** Every registered command, in the order they were registered. */
const all = computed(() => [...registry.values()])

/** The registry, read-only, for the palette and the shortcuts list. */
export function useCommands(): {
  commands: ComputedRef<Command[]>
  registerCommand: typeof registerCommand
  runCommand: typeof runCommand
} {
  return { commands: all, registerCommand, runCommand }
}

/** The live list of commands, outside components (the shortcut handler). */
export function allCommands(): Command[] {
  return all.value
}
