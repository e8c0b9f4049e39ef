import { describe, expect, test } from 'vitest'
import { EditorState, type TransactionSpec } from '@codemirror/state'
import type { ReviewFlag } from '../../../../src/shared/model'
import {
  flagField,
  flagPositions,
  mergeFlags,
  openFlagsAt,
  placeFlags,
  setFlags,
  syncFlags,
} from '../../../../src/renderer/src/editor/flag-field'

const DOC = 'The quick brown fox jumps over the lazy dog.'

function flag(
  key: string,
  start: number | null,
  end: number | null,
  extra: Partial<ReviewFlag> = {},
): ReviewFlag {
  return {
    key,
    rule: 'r',
    kind: 'k',
    message: `about ${key}`,
    status: 'open',
    start,
    end,
    ...extra,
  }
}

/** "quick" is 4..9 in DOC. */
const QUICK = flag('quick', 4, 9)

function stateWith(flags: ReviewFlag[], doc = DOC): EditorState {
  const state = EditorState.create({ doc, extensions: [flagField] })
  return state.update({ effects: setFlags.of(flags) }).state
}

/** The text each flag covers after an edit, or null when its words are gone. */
function covered(spec: TransactionSpec, flags: ReviewFlag[] = [QUICK]): (string | null)[] {
  const next = stateWith(flags).update(spec).state
  return next
    .field(flagField)
    .map((f) => (f.start === null || f.end === null ? null : next.sliceDoc(f.start, f.end)))
}

describe('flags follow the edits', () => {
  test('text typed at either edge stays outside the flag', () => {
    expect(covered({ changes: { from: 4, insert: 'very ' } })).toEqual(['quick'])
    expect(covered({ changes: { from: 9, insert: 'est' } })).toEqual(['quick'])
  })

  test('text typed inside the flag widens it', () => {
    expect(covered({ changes: { from: 6, insert: 'i' } })).toEqual(['quiick'])
  })

  test('edits elsewhere shift the flag without touching its words', () => {
    expect(covered({ changes: { from: 0, to: 4 } })).toEqual(['quick'])
    expect(covered({ changes: { from: 20, to: 26 } })).toEqual(['quick'])
  })

  test('typing over the words keeps the flag on what replaced them', () => {
    expect(covered({ changes: { from: 4, to: 9, insert: 'slow' } })).toEqual(['slow'])
    expect(covered({ changes: { from: 4, to: 6, insert: 'Q' } })).toEqual(['Qick'])
  })

  test('a replacement straddling an edge leaves the flag on its remaining words', () => {
    expect(covered({ changes: { from: 7, to: 15, insert: 'X' } })).toEqual(['qui'])
    expect(covered({ changes: { from: 0, to: 6, insert: 'A' } })).toEqual(['ick'])
  })

  test('deleting the words makes the flag moot', () => {
    expect(covered({ changes: { from: 4, to: 9 } })).toEqual([null])
    expect(covered({ changes: { from: 0, to: 20 } })).toEqual([null])
  })

  test('a point flag stays put until a deletion swallows it', () => {
    const point = flag('spot', 9, 9)
    const moved = stateWith([point])
      .update({ changes: { from: 0, insert: 'Oh, ' } })
      .state.field(flagField)
    expect(moved[0]).toMatchObject({ start: 13, end: 13 })
    const gone = stateWith([point])
      .update({ changes: { from: 8, to: 10 } })
      .state.field(flagField)
    expect(gone[0]).toMatchObject({ start: null, end: null })
  })

  test('a transaction that changes nothing keeps the very same list', () => {
    const state = stateWith([QUICK])
    const next = state.update({ selection: { anchor: 3 } }).state
    expect(next.field(flagField)).toBe(state.field(flagField))
  })

  test('undo brings the text back but a lost flag stays lost until the archive finds it', () => {
    // The archive re-finds flags by their words after each save; the editor does not guess.
    const state = stateWith([QUICK])
    const deleted = state.update({ changes: { from: 4, to: 9 } }).state
    const restored = deleted.update({ changes: { from: 4, insert: 'quick' } }).state
    expect(flagPositions(restored.field(flagField))).toEqual({ quick: null })
  })
})

describe('fresh lists from the archive', () => {
  test('setFlags takes positions as given, clamped to the document', () => {
    const state = stateWith([flag('a', 40, 400), flag('b', -3, 3), flag('c', 10, 5)])
    expect(flagPositions(state.field(flagField))).toEqual({
      a: { start: 40, end: DOC.length },
      b: { start: 0, end: 3 },
      c: { start: 10, end: 10 },
    })
  })

  test('a followed flag keeps its mapped span and takes the new status and wording', () => {
    const typed = stateWith([QUICK]).update({ changes: { from: 0, insert: 'Lo! ' } }).state
    // The archive answers for the text as saved before "Lo! " was typed.
    const fresh = { ...QUICK, status: 'resolved' as const, message: 'reworded' }
    const next = typed.update({ effects: syncFlags.of([fresh]) }).state.field(flagField)
    expect(next).toEqual([{ ...fresh, start: 8, end: 13 }])
  })

  test('the archive has the last word on flags it found edited away', () => {
    const merged = mergeFlags([QUICK], [flag('quick', null, null)], DOC.length)
    expect(merged[0]).toMatchObject({ start: null, end: null })
  })

  test('a flag the editor lost but the archive found again takes the archive span', () => {
    const merged = mergeFlags([flag('quick', null, null)], [flag('quick', 4, 9)], DOC.length)
    expect(merged[0]).toMatchObject({ start: 4, end: 9 })
  })

  test('new flags come in with their spans and flags no longer listed go', () => {
    const merged = mergeFlags([QUICK, flag('old', 1, 2)], [QUICK, flag('new', 10, 15)], DOC.length)
    expect(merged.map((f) => f.key)).toEqual(['quick', 'new'])
    expect(merged[1]).toMatchObject({ start: 10, end: 15 })
  })

  test('placeFlags clamps a starting list', () => {
    expect(placeFlags([flag('a', 5, 99)], 10)[0]).toMatchObject({ start: 5, end: 10 })
  })
})

describe('flags under the caret', () => {
  const wide = flag('wide', 0, 20)
  const narrow = flag('narrow', 4, 9)
  const done = flag('done', 4, 9, { status: 'resolved' })
  const gone = flag('gone', null, null)

  test('only open flags with words count, narrowest first, edges included', () => {
    expect(openFlagsAt([wide, narrow, done, gone], 9).map((f) => f.key)).toEqual(['narrow', 'wide'])
    expect(openFlagsAt([wide, narrow, done], 15).map((f) => f.key)).toEqual(['wide'])
    expect(openFlagsAt([wide, narrow], 30)).toEqual([])
  })
})
