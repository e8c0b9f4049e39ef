import { describe, expect, it } from 'vitest'
import {
  descendantsOf,
  planRemoval,
  removalOf,
  restoreTags,
  restoreVocabulary,
} from '../../../../src/core/themes/vocabulary'
import type { Theme, ThemeUndoRecord } from '../../../../src/shared/themes'

function theme(id: string, parentId: string | null = null): Theme {
  return {
    id: `t_${id.padEnd(10, '0')}`,
    name: id,
    color: '#000000',
    description: '',
    parentId: parentId && `t_${parentId.padEnd(10, '0')}`,
    keywords: [],
    pinned: false,
  }
}

const T = (id: string) => `t_${id.padEnd(10, '0')}`

/** a > b > c, and d on its own. */
const TREE = [theme('a'), theme('b', 'a'), theme('c', 'b'), theme('d')]

function record(removal: ReturnType<typeof planRemoval>, into: string | null): ThemeUndoRecord {
  return {
    token: 'u_000000000000',
    at: '',
    kind: into ? 'merge' : 'delete',
    into,
    removed: removal.removed,
    changed: removal.changed,
    articles: [],
  }
}

describe('theme removal', () => {
  it('finds every descendant of a theme', () => {
    expect([...descendantsOf(TREE, T('a'))].sort()).toEqual([T('a'), T('b'), T('c')])
    expect([...descendantsOf(TREE, T('d'))]).toEqual([T('d')])
  })

  it('merging a parent into its own grandchild never makes a loop', () => {
    const removal = planRemoval(TREE, [T('a')], T('c'))
    const parents = Object.fromEntries(removal.themes.map((t) => [t.id, t.parentId]))
    // b sat under a and above c: moving it under c would loop, so it goes to the top.
    expect(parents).toEqual({ [T('b')]: null, [T('c')]: T('b'), [T('d')]: null })
    expect(restoreVocabulary(removal.themes, record(removal, T('c')))).toEqual(TREE)
  })

  it('merging a middle theme into its child gives the child the grandparent', () => {
    const removal = planRemoval(TREE, [T('b')], T('c'))
    expect(removal.themes.find((t) => t.id === T('c'))?.parentId).toBe(T('a'))
    expect(restoreVocabulary(removal.themes, record(removal, T('c')))).toEqual(TREE)
  })

  it('re-tags an article and takes it back, keeping what was added since', () => {
    const removal = planRemoval(TREE, [T('a'), T('b')], T('d'))
    const before = [T('b'), T('c'), T('a')]
    const after = removal.retag(before)!
    expect(after).toEqual([T('c'), T('d')])
    expect(removal.retag([T('c')])).toBeNull()
    const undo = removalOf(record(removal, T('d')))
    expect(restoreTags(after, before, undo)).toEqual(before)
    expect(restoreTags(before, before, undo)).toBeNull()
    // Since the merge: d taken off by hand, x added; undo brings back a and b and keeps x.
    expect(restoreTags([T('c'), T('x')], before, undo)).toEqual([T('c'), T('x'), T('b'), T('a')])
  })
})
