import { randomBytes } from 'node:crypto'
import {
  THEME_PALETTE,
  themeNameKey,
  type Theme,
  type ThemePatch,
  type ThemeUndoRecord,
} from '../../shared/themes'
import type { z } from 'zod'
import type { ThemeCreateSchema } from '../../shared/themes'
import { ArchiveError } from '../errors'

/** The themes a person gave, checked against the vocabulary: every rule of a theme list is here. */
export type ThemeInput = z.output<typeof ThemeCreateSchema>

/** Past this many, the oldest record of a delete or merge can no longer be undone. */
export const UNDO_KEPT = 20

function randomBase36(length: number): string {
  const bytes = randomBytes(length)
  let out = ''
  for (const b of bytes) out += (b % 36).toString(36)
  return out
}

export function newThemeId(themes: readonly Theme[]): string {
  for (;;) {
    const id = `t_${randomBase36(10)}`
    if (!themes.some((t) => t.id === id)) return id
  }
}

export function newUndoToken(): string {
  return `u_${randomBase36(12)}`
}

export function findTheme(themes: readonly Theme[], id: string): Theme {
  const theme = themes.find((t) => t.id === id)
  if (!theme) throw new ArchiveError('not-found', `There is no theme ${id} in this archive.`)
  return theme
}

/** The theme called `name`, compared as names are (case-insensitively), or undefined. */
export function themeByName(themes: readonly Theme[], name: string): Theme | undefined {
  const key = themeNameKey(name)
  return themes.find((t) => themeNameKey(t.name) === key)
}

function requireUniqueName(themes: readonly Theme[], name: string, self?: string): void {
  const other = themeByName(themes, name)
  if (other && other.id !== self) {
    throw new ArchiveError('invalid-argument', `There is already a theme named "${other.name}".`)
  }
}

/** A parent must exist and must not be the theme itself or one of its descendants. */
function requireParent(themes: readonly Theme[], parentId: string | null, self?: string): void {
  if (parentId === null) return
  findTheme(themes, parentId)
  if (self === undefined) return
  if (parentId === self || descendantsOf(themes, self).has(parentId)) {
    throw new ArchiveError(
      'invalid-argument',
      'A theme cannot be placed under itself or under one of its own sub-themes.',
    )
  }
}

/** A theme's id with every theme below it, at any depth. */
export function descendantsOf(themes: readonly Theme[], id: string): Set<string> {
  const out = new Set([id])
  // The tree is small (a vocabulary, not the articles); sweep until nothing new joins.
  for (let grew = true; grew;) {
    grew = false
    for (const t of themes) {
      if (t.parentId !== null && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id)
        grew = true
      }
    }
  }
  return out
}

/** The colour a new theme gets: the first of the palette no theme uses yet, else in turn. */
export function defaultColor(themes: readonly Theme[]): string {
  const used = new Set(themes.map((t) => t.color))
  return (
    THEME_PALETTE.find((c) => !used.has(c)) ?? THEME_PALETTE[themes.length % THEME_PALETTE.length]!
  )
}

export function createTheme(themes: readonly Theme[], input: ThemeInput): Theme {
  requireUniqueName(themes, input.name)
  const parentId = input.parentId ?? null
  requireParent(themes, parentId)
  return {
    id: newThemeId(themes),
    name: input.name,
    color: input.color ?? defaultColor(themes),
    description: input.description ?? '',
    parentId,
    keywords: dedupe(input.keywords ?? []),
    pinned: input.pinned ?? false,
  }
}

export function updateTheme(themes: readonly Theme[], id: string, patch: ThemePatch): Theme {
  const theme = findTheme(themes, id)
  if (patch.name !== undefined) requireUniqueName(themes, patch.name, id)
  if (patch.parentId !== undefined) requireParent(themes, patch.parentId, id)
  const next: Theme = { ...theme }
  if (patch.name !== undefined) next.name = patch.name
  if (patch.color !== undefined) next.color = patch.color
  if (patch.description !== undefined) next.description = patch.description
  if (patch.parentId !== undefined) next.parentId = patch.parentId
  if (patch.keywords !== undefined) next.keywords = dedupe(patch.keywords)
  if (patch.pinned !== undefined) next.pinned = patch.pinned
  return next
}

/** Keywords without repeats, compared as names are; the first spelling stays. */
export function dedupe(words: readonly string[]): string[] {
  const seen = new Set<string>()
  return words.filter((w) => {
    const key = themeNameKey(w)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** What deleting or merging does to the vocabulary, and what its undo record must hold. */
export interface Removal {
  themes: Theme[]
  removed: ThemeUndoRecord['removed']
  changed: Theme[]
  /** An article's new theme list, or null when the removal leaves it as it is. */
  retag(tags: readonly string[]): string[] | null
}

/**
 * Remove themes. Deleting makes their children top-level; merging moves the children and the
 * keywords to `into`, and re-tags their articles with it. A child that `into` sits under (so
 * that moving it would make a loop) goes to the top level instead.
 */
export function planRemoval(
  themes: readonly Theme[],
  ids: readonly string[],
  into: string | null,
): Removal {
  for (const id of ids) findTheme(themes, id)
  const gone = new Set(ids)
  if (into !== null) {
    findTheme(themes, into)
    if (gone.has(into))
      throw new ArchiveError('invalid-argument', 'A theme cannot be merged into itself.')
  }
  const removed: Removal['removed'] = []
  const changed: Theme[] = []
  const kept: Theme[] = []
  themes.forEach((t, index) => {
    if (gone.has(t.id)) removed.push({ index, theme: t })
    else kept.push({ ...t })
  })
  // The nearest ancestor that stays, for a theme whose parent goes.
  const byId = new Map(themes.map((t) => [t.id, t]))
  const survivingAncestor = (parentId: string | null): string | null => {
    let p = parentId
    while (p !== null && gone.has(p)) p = byId.get(p)?.parentId ?? null
    return p
  }
  const intoAncestors = into === null ? new Set<string>() : ancestorsOf(themes, into)
  for (const t of kept) {
    const before = byId.get(t.id)!
    if (t.parentId !== null && gone.has(t.parentId)) {
      if (into === null) t.parentId = null
      else if (t.id === into) t.parentId = survivingAncestor(t.parentId)
      else t.parentId = intoAncestors.has(t.id) ? null : into
    }
    if (t.id === into) {
      const words = removed.flatMap((r) => r.theme.keywords)
      t.keywords = dedupe([...t.keywords, ...words]).slice(0, 200)
    }
    if (t.parentId !== before.parentId || t.keywords.length !== before.keywords.length)
      changed.push(before)
  }
  return {
    themes: kept,
    removed,
    changed,
    retag: retagger(gone, into),
  }
}

function retagger(gone: ReadonlySet<string>, into: string | null): Removal['retag'] {
  return (tags) => {
    if (!tags.some((id) => gone.has(id))) return null
    const next = tags.filter((id) => !gone.has(id))
    if (into !== null && !next.includes(into)) next.push(into)
    return next
  }
}

function ancestorsOf(themes: readonly Theme[], id: string): Set<string> {
  const byId = new Map(themes.map((t) => [t.id, t]))
  const out = new Set<string>()
  let p = byId.get(id)?.parentId ?? null
  while (p !== null && !out.has(p)) {
    out.add(p)
    p = byId.get(p)?.parentId ?? null
  }
  return out
}

/**
 * The vocabulary with a delete or merge taken back: removed themes return to where they stood,
 * changed ones to how they were. Refused if a theme made since has taken a removed one's name.
 */
export function restoreVocabulary(themes: readonly Theme[], record: ThemeUndoRecord): Theme[] {
  for (const { theme } of record.removed) {
    const clash = themeByName(themes, theme.name)
    if (clash && clash.id !== theme.id) {
      throw new ArchiveError(
        'invalid-argument',
        `A theme named "${clash.name}" exists now; rename it before undoing.`,
      )
    }
  }
  const before = new Map(record.changed.map((t) => [t.id, t]))
  const next = themes.map((t) => before.get(t.id) ?? t)
  for (const { index, theme } of [...record.removed].sort((a, b) => a.index - b.index)) {
    if (!next.some((t) => t.id === theme.id)) next.splice(Math.min(index, next.length), 0, theme)
  }
  // A parent deleted since cannot be returned to: such a theme stays at the top.
  const ids = new Set(next.map((t) => t.id))
  return next.map((t) =>
    t.parentId !== null && !ids.has(t.parentId) ? { ...t, parentId: null } : t,
  )
}

/**
 * An article's theme list with a delete or merge taken back. Unchanged since: exactly as it was.
 * Re-tagged since: the removed themes come back and a theme the merge added goes, the rest kept.
 */
export function restoreTags(
  current: readonly string[],
  before: readonly string[],
  removal: Pick<Removal, 'retag'>,
): string[] | null {
  const after = removal.retag(before) ?? before
  if (sameList(current, after)) return sameList(current, before) ? null : [...before]
  const added = after.filter((id) => !before.includes(id))
  const next = current.filter((id) => !added.includes(id))
  for (const id of before) if (!next.includes(id)) next.push(id)
  return sameList(current, next) ? null : next
}

/** What a record's removal did to an article's theme list, for `restoreTags`. */
export function removalOf(record: ThemeUndoRecord): Pick<Removal, 'retag'> {
  return { retag: retagger(new Set(record.removed.map((r) => r.theme.id)), record.into) }
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
