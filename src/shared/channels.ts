/**
 * The names of every call and event between the UI and the process that owns the archive.
 * This file has no runtime dependencies so the sandboxed preload can import it (zod cannot load
 * there); the schemas for each name live in contract.ts.
 */
export const CHANNELS = [
  'archive:info',
  'archive:open',
  'archive:create',
  'articles:list',
  'articles:ids',
  'articles:facets',
  'article:get',
  'article:save',
  'article:updateMeta',
  'article:history',
  'article:version',
  'article:restore',
  'article:reclean',
  'article:reviewFlag',
  'import:paths',
  'import:files',
  'import:cancel',
  'themes:list',
  'themes:create',
  'themes:update',
  'themes:delete',
  'themes:merge',
  'themes:undo',
  'articles:tag',
  'themes:suggest',
  'themes:dismiss',
  'themes:suggestUntagged',
  'themes:applySuggestions',
  'themes:export',
  'themes:import',
  'passages:add',
  'passages:remove',
  'passages:list',
  'profiles:list',
  'profiles:save',
  'profiles:delete',
  'profiles:setActive',
  'clean:preview',
  'export:report',
  'export:cancel',
  'export:open',
  'export:reveal',
] as const

export type Channel = (typeof CHANNELS)[number]

/**
 * Events pushed to the UI. `import:progress` and `archive:changed` come from the archive service
 * (in the app and the browser host alike); `menu:command` comes from the app's menu only.
 */
export const EVENTS = [
  'import:progress',
  'archive:changed',
  'menu:command',
  'export:progress',
] as const

export type EventName = (typeof EVENTS)[number]

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name)
}

/**
 * What the application menu asks the UI to do (things only the UI can do, like showing the
 * keyboard shortcuts), sent as the `menu:command` event with `{ command }`.
 */
export const MENU_COMMANDS = [
  'keyboard-shortcuts',
  'command-palette',
  'save',
  'history',
  'reclean',
  'profiles',
  'text-larger',
  'text-smaller',
  'text-reset',
  'export',
] as const

export type MenuCommand = (typeof MENU_COMMANDS)[number]

type Camel<S extends string> = S extends `${infer Head}:${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S

/** `articles:list` is exposed to the UI as `api.articlesList(...)`. */
export type MethodName<C extends Channel> = Camel<C>

export function methodName<C extends Channel>(channel: C): MethodName<C> {
  return channel.replace(/:(\w)/g, (_, c: string) => c.toUpperCase()) as MethodName<C>
}

export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name)
}
