import { describe, expect, test } from 'vitest'
import { EditorState, type TransactionSpec } from '@codemirror/state'
import { history, isolateHistory, redo, undo } from '@codemirror/commands'
import {
  passageField,
  passageSpans,
  passageTracking,
  passagesAt,
  placePassages,
  setPassages,
  syncPassages,
  type EditorPassage,
} from '../../../src/renderer/src/editor/passage-field'

const DOC = 'The quick brown fox jumps over the lazy dog.'

function passage(id: string, words: string, extra: Partial<EditorPassage> = {}): EditorPassage {
  const start = DOC.indexOf(words)
  if (start < 0) throw new Error(`no "${words}" in the document`)
  return {
    id,
    themeId: 't_aaaaaaaaaa',
    start,
    end: start + words.length,
    name: 'Animals',
    color: '#3b82f6',
    ...extra,
  }
}

function stateWith(passages: EditorPassage[]): EditorState {
  return EditorState.create({
    doc: DOC,
    extensions: [passageField.init(() => placePassages(passages, DOC.length))],
  })
}

function apply(state: EditorState, ...specs: TransactionSpec[]): EditorState {
  return specs.reduce((s, spec) => s.update(spec).state, state)
}

/** The words each passage covers in the state's text now, by id. */
function words(state: EditorState): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of state.field(passageField)) out[p.id] = state.doc.sliceString(p.start, p.end)
  return out
}

describe('passages follow their words through edits', () => {
  test('text typed before a passage moves it with its words', () => {
    const state = apply(stateWith([passage('p1', 'brown fox')]), {
      changes: { from: 0, insert: 'Yesterday, ' },
    })
    expect(words(state)).toEqual({ p1: 'brown fox' })
  })

  test('text typed at either edge stays outside; typed inside stays inside', () => {
    const p = passage('p1', 'brown fox')
    const state = apply(
      stateWith([p]),
      { changes: { from: p.start, insert: '[' } },
      { changes: { from: p.end + 1, insert: ']' } },
      { changes: { from: p.start + 1 + 'brown'.length, insert: ' red' } },
    )
    expect(state.doc.toString()).toContain('[brown red fox]')
    expect(words(state)).toEqual({ p1: 'brown red fox' })
  })

  test('a passage whose words are all deleted collapses to an empty span, kept to be sent', () => {
    const p = passage('p1', 'lazy ')
    const state = apply(stateWith([p, passage('p2', 'quick')]), {
      changes: { from: p.start, to: p.end },
    })
    const spans = passageSpans(state.field(passageField))
    const gone = spans.find((s) => s.id === 'p1')!
    expect(gone.start).toBe(gone.end)
    expect(words(state).p2).toBe('quick')
  })

  test('deleting part of a passage keeps the rest of it', () => {
    const p = passage('p1', 'quick brown fox')
    const state = apply(stateWith([p]), { changes: { from: p.start, to: p.start + 6 } })
    expect(words(state)).toEqual({ p1: 'brown fox' })
  })

  test('a fresh list from the archive keeps where the editor carried known passages', () => {
    const p = passage('p1', 'fox')
    let state = apply(stateWith([p]), { changes: { from: 0, insert: 'Oh. ' } })
    // The archive's list is of the text as last saved: its p1 is still at the old offsets.
    const fresh = passage('p2', 'dog')
    state = apply(state, {
      effects: syncPassages.of([{ ...p, color: '#e0573a', name: 'Foxes' }, fresh]),
    })
    const [mine, added] = state.field(passageField)
    expect(state.doc.sliceString(mine!.start, mine!.end)).toBe('fox')
    expect(mine!.name).toBe('Foxes')
    expect(added!.id).toBe('p2')
    // The newcomer came with offsets of the saved text, which is behind by the four characters.
    expect(added!.start).toBe(fresh.start)
  })

  test('a passage the archive no longer lists is dropped', () => {
    const state = apply(stateWith([passage('p1', 'fox'), passage('p2', 'dog')]), {
      effects: syncPassages.of([passage('p2', 'dog')]),
    })
    expect(Object.keys(words(state))).toEqual(['p2'])
  })

  test('set replaces positions outright and keeps them inside the text', () => {
    const state = apply(stateWith([passage('p1', 'fox')]), {
      effects: setPassages.of([{ ...passage('p1', 'fox'), start: 40, end: 400 }]),
    })
    const [p] = state.field(passageField)
    expect([p!.start, p!.end]).toEqual([40, DOC.length])
  })

  test('passagesAt finds the narrowest first and skips collapsed ones', () => {
    const wide = passage('wide', 'quick brown fox')
    const narrow = passage('narrow', 'brown')
    const collapsed = { ...passage('gone', 'brown'), end: DOC.indexOf('brown') }
    const at = passagesAt([wide, narrow, collapsed], DOC.indexOf('brown') + 1)
    expect(at.map((p) => p.id)).toEqual(['narrow', 'wide'])
  })
})

describe('undo brings a passage back onto its words', () => {
  test('deleting a passage’s words and undoing it restores the passage', () => {
    const p = passage('p1', 'lazy')
    let state = EditorState.create({
      doc: DOC,
      extensions: [
        history(),
        passageTracking,
        passageField.init(() => placePassages([p], DOC.length)),
      ],
    })
    const run = (command: typeof undo): void => {
      command({ state, dispatch: (tr) => (state = tr.state) })
    }
    state = apply(state, { changes: { from: 0, insert: 'So: ' } })
    state = apply(state, {
      changes: { from: p.start + 4, to: p.end + 4 },
      annotations: isolateHistory.of('full'),
    })
    expect(passageSpans(state.field(passageField))[0]!.start).toBe(
      passageSpans(state.field(passageField))[0]!.end,
    )
    run(undo)
    expect(words(state)).toEqual({ p1: 'lazy' })
    run(redo)
    expect(state.field(passageField)[0]!.start).toBe(state.field(passageField)[0]!.end)
  })
})
