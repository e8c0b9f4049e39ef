import { describe, expect, test } from 'vitest'
import { EditorState, Text, type TransactionSpec } from '@codemirror/state'
import { Chunk } from '@codemirror/merge'
import { differences } from '../../../../src/renderer/src/editor/chunk-spans'
import {
  DIFF_CONFIG,
  chunksStale,
  exactOwnChunks,
  originalDoc,
  ownChunks,
  refreshChunks,
  shownOwnChunks,
} from '../../../../src/renderer/src/editor/own-chunks'

const ORIGINAL = 'The decision -making was hard.\nIt was our country policy.\nThe end.'
const CLEANED = 'The decision-making was hard.\n\nIt was China policy.\n\nThe end.'

function start(): EditorState {
  return EditorState.create({
    doc: CLEANED,
    extensions: [originalDoc.of(Text.of(ORIGINAL.split('\n'))), ownChunks],
  })
}

/** The cleaned-side text of every difference, as the marks would cover it. */
function addedTexts(state: EditorState, chunks: readonly Chunk[]): string[] {
  return chunks.flatMap(differences).map((d) => state.sliceDoc(d.b.from, d.b.to))
}

function fresh(state: EditorState): readonly Chunk[] {
  return Chunk.build(state.facet(originalDoc), state.doc, DIFF_CONFIG)
}

describe('a cleaned text compared with its original while the person types', () => {
  test('starts exact', () => {
    const state = start()
    expect(chunksStale(state)).toBe(false)
    expect(shownOwnChunks(state)).toEqual(fresh(state))
  })

  test('typing shifts the chunks, so marks stay on their words until the next diff', () => {
    const before = start()
    const typed: TransactionSpec = { changes: { from: 0, insert: 'Note. ' } }
    const after = before.update(typed).state
    expect(chunksStale(after)).toBe(true)
    expect(addedTexts(after, shownOwnChunks(after)!)).toEqual(
      addedTexts(before, shownOwnChunks(before)!),
    )
  })

  test('a refresh, or asking for exact chunks, gives what a fresh diff gives', () => {
    let state = start()
    for (const insert of ['A', 'B', ' ']) {
      state = state.update({ changes: { from: state.doc.length, insert } }).state
    }
    state = state.update({ changes: { from: 4, to: 12, insert: 'choice' } }).state
    expect(exactOwnChunks(state)).toEqual(fresh(state))
    const refreshed = state.update({ effects: refreshChunks.of(null) }).state
    expect(chunksStale(refreshed)).toBe(false)
    expect(shownOwnChunks(refreshed)).toEqual(fresh(refreshed))
  })

  test('edits at the very end, where chunk ends point past the text, are shifted safely', () => {
    let state = start()
    state = state.update({ changes: { from: state.doc.length - 4, to: state.doc.length } }).state
    state = state.update({ changes: { from: state.doc.length, insert: 'finish.' } }).state
    expect(() => shownOwnChunks(state)).not.toThrow()
    expect(exactOwnChunks(state)).toEqual(fresh(state))
  })
})
