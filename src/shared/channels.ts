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
  'articles:facets',
  'article:get',
  'article:save',
  'article:updateMeta',
  'article:history',
  'article:version',
  'article:restore',
  'import:paths',
  'import:cancel',
] as const

export type Channel = (typeof CHANNELS)[number]

export const EVENTS = ['import:progress', 'archive:changed'] as const

export type EventName = (typeof EVENTS)[number]

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
