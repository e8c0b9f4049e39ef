import { describe, expect, test } from 'vitest'
import { Text } from '@codemirror/state'
import { Chunk } from '@codemirror/merge'
import type { Change } from '../../../../src/shared/cleaning'
import {
  attribute,
  docOffsets,
  indexChanges,
  overlaps,
  reasonUnder,
  ruleLabel,
} from '../../../../src/renderer/src/editor/attribution'
import { differences } from '../../../../src/renderer/src/editor/chunk-spans'

function change(rule: string, reason: string, originalStart: number, originalEnd: number): Change {
  return {
    rule,
    reason,
    step: 0,
    start: originalStart,
    end: originalEnd,
    removed: '',
    replacement: '',
    originalStart,
    originalEnd,
  }
}

/** Split as CodeMirror does, so documents match what the editor holds. */
function doc(text: string): Text {
  return Text.of(text.split(/\r\n?|\n/))
}

describe('overlaps', () => {
  test('spans overlap when they share text, not when they only touch', () => {
    expect(overlaps({ from: 0, to: 5 }, { from: 4, to: 8 })).toBe(true)
    expect(overlaps({ from: 0, to: 5 }, { from: 5, to: 8 })).toBe(false)
  })

  test('a point touching a span counts, as insertions sit between characters', () => {
    expect(overlaps({ from: 5, to: 5 }, { from: 0, to: 5 })).toBe(true)
    expect(overlaps({ from: 5, to: 5 }, { from: 5, to: 5 })).toBe(true)
    expect(overlaps({ from: 6, to: 6 }, { from: 0, to: 5 })).toBe(false)
  })
})

describe('docOffsets', () => {
  test('is the identity for text without CRLF', () => {
    const map = docOffsets('one\ntwo')
    expect([0, 3, 4, 7].map(map)).toEqual([0, 3, 4, 7])
  })

  test('counts each CRLF once, as the editor does', () => {
    const text = 'ab\r\ncd\r\nef'
    const map = docOffsets(text)
    const editorDoc = doc(text).toString()
    // Each character keeps its identity across the mapping.
    for (const [i, ch] of [...text].entries()) {
      if (ch === '\r' || ch === '\n') continue
      expect(editorDoc[map(i)]).toBe(ch)
    }
    // Both halves of a CRLF land on the one line break.
    expect(map(2)).toBe(2)
    expect(map(3)).toBe(2)
    expect(map(text.length)).toBe(editorDoc.length)
  })
})

describe('attribute', () => {
  test('names the rules whose changes lie under a span, each once, in document order', () => {
    const index = indexChanges(
      [
        change('glossary', 'glossary: “my country” → “China”', 20, 30),
        change('spaced-hyphen', 'spaced hyphen in a compound', 8, 9),
        change('spaced-hyphen', 'spaced hyphen in a compound', 12, 13),
      ],
      'x'.repeat(40),
    )
    expect(attribute(index, { from: 0, to: 40 })).toEqual([
      { rule: 'spaced-hyphen', reason: 'spaced hyphen in a compound' },
      { rule: 'glossary', reason: 'glossary: “my country” → “China”' },
    ])
    expect(attribute(index, { from: 14, to: 19 })).toEqual([])
  })

  test('finds a long change that starts well before the span', () => {
    const index = indexChanges(
      [change('header', 'site name above the title', 0, 500), change('x', 'y', 450, 451)],
      'x'.repeat(600),
    )
    expect(attribute(index, { from: 460, to: 470 }).map((a) => a.rule)).toEqual(['header'])
  })

  test('an insertion by a rule is found at its point', () => {
    const index = indexChanges([change('missing-space', 'glued sentences', 10, 10)], 'x'.repeat(20))
    expect(attribute(index, { from: 10, to: 10 })).toHaveLength(1)
  })

  test('a change that only turned CRLF into LF claims nothing', () => {
    const original = 'one\r\ntwo'
    const index = indexChanges([change('whitespace', 'line ending', 3, 4)], original)
    expect(attribute(index, { from: 3, to: 3 })).toEqual([])
  })

  test('offsets after CRLFs are placed where the editor shows them', () => {
    const original = 'one\r\ntwo\r\nthree  four'
    const start = original.indexOf('  ')
    const index = indexChanges([change('space-run', 'run of spaces', start, start + 1)], original)
    const shown = doc(original).toString().indexOf('  ')
    expect(attribute(index, { from: shown, to: shown + 1 })).toHaveLength(1)
  })
})

describe('attributing the merge view’s chunks', () => {
  test('each difference of a real chunk is traced to the rule that made it, or to a person', () => {
    const original = 'The decision -making was hard.\n\nIt was our country policy.'
    const cleaned = 'The decision-making was hard.\n\nIt was China policy. Really.'
    const changes = [
      change('spaced-hyphen', 'spaced hyphen in a compound', 12, 13),
      change('glossary', 'glossary: “our country” → “China”', 39, 50),
    ]
    const index = indexChanges(changes, original)
    const chunks = Chunk.build(doc(original), doc(cleaned))
    const found = chunks.flatMap(differences).map((d) => {
      const who = attribute(index, d.a)
      return who.length ? who.map((a) => a.rule).join('+') : 'by hand'
    })
    expect(found).toContain('spaced-hyphen')
    expect(found).toContain('glossary')
    // " Really." was typed by a person: no rule made it.
    expect(found).toContain('by hand')
  })
})

describe('ruleLabel', () => {
  test('uses the catalogue’s name and falls back to the id', () => {
    expect(ruleLabel('spaced-hyphen', { 'spaced-hyphen': 'Spaced hyphens' })).toBe('Spaced hyphens')
    expect(ruleLabel('spaced-hyphen', undefined)).toBe('spaced-hyphen')
  })
})

describe('reasonUnder', () => {
  test('drops a lead-in that repeats the rule’s name, and nothing else', () => {
    expect(reasonUnder('Glossary', 'glossary: “my country” → “China”')).toBe(
      '“my country” → “China”',
    )
    expect(reasonUnder('Spaced hyphens', 'spaced hyphen in a compound')).toBe(
      'spaced hyphen in a compound',
    )
  })
})
