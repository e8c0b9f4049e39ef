import { describe, expect, test } from 'vitest'
import { EditorState } from '@codemirror/state'
import { flagField, setFlags } from '../../../../src/renderer/src/editor/flag-field'
import {
  changesTo,
  fromOutside,
  isFromOutside,
} from '../../../../src/renderer/src/editor/text-replace'

const TEXT = 'First paragraph stays.\n\nSecond paragraph changes here.\n\nThird stays too.'

describe('changesTo', () => {
  test('is null when the document already holds the text, line endings aside', () => {
    const state = EditorState.create({ doc: TEXT })
    expect(changesTo(state, TEXT)).toBeNull()
    expect(changesTo(state, TEXT.replace(/\n/g, '\r\n'))).toBeNull()
  })

  test('turns the document into the text', () => {
    const state = EditorState.create({ doc: TEXT })
    const next = TEXT.replace('changes here', 'changed there')
    const changes = changesTo(state, next)!
    expect(state.update({ changes }).state.doc.toString()).toBe(next)
  })

  test('touches only what differs, so the caret and flags on unchanged words stay put', () => {
    const third = TEXT.indexOf('Third')
    const state = EditorState.create({
      doc: TEXT,
      selection: { anchor: third },
      extensions: [flagField],
    }).update({
      effects: setFlags.of([
        {
          key: 'k',
          rule: 'r',
          kind: 'x',
          message: 'm',
          status: 'open',
          start: third,
          end: third + 5,
        },
      ]),
    }).state
    const next = TEXT.replace('Second paragraph changes here.', 'Second.')
    const after = state.update({ changes: changesTo(state, next)! }).state
    const moved = next.indexOf('Third')
    expect(after.selection.main.head).toBe(moved)
    expect(after.field(flagField)[0]).toMatchObject({ start: moved, end: moved + 5 })
  })

  test('a transaction marked fromOutside is recognised, others are not', () => {
    const state = EditorState.create({ doc: 'a' })
    const outside = state.update({
      changes: { from: 0, insert: 'b' },
      annotations: fromOutside.of(true),
    })
    expect(isFromOutside(outside)).toBe(true)
    expect(isFromOutside(state.update({ changes: { from: 0, insert: 'b' } }))).toBe(false)
  })
})
