/**
 * The positions of a few characters in a text, visited in increasing order: what a loop over
 * `/[.!?]/g` finds, several times faster when the characters are rare in running text, as the
 * punctuation the rules look at is.
 *
 * Why: a regular expression with a character class tests every character of the text, and
 * each match costs a call into it. `indexOf` of one character skips along the text at memory
 * speed, so each character is searched for on its own and the searches are merged. Characters
 * above U+00FF go in one class expression instead (`wide`): it fails at once on a text of
 * Latin-1 characters only (most English articles), where `indexOf` of, say, `“` (U+201C)
 * would stop at every space of a text that holds any wider character.
 */
export class Occurrences {
  /** The next position of each character still found, and the character ('' for `wide`). */
  private readonly positions: number[] = []
  private readonly chars: string[] = []

  /**
   * @param narrow characters up to U+00FF, each searched for with `indexOf`
   * @param wide a global expression matching the other characters, one at a time
   */
  constructor(
    private readonly text: string,
    narrow: string,
    private readonly wide?: RegExp,
  ) {
    for (let k = 0; k < narrow.length; k++) this.add(narrow[k]!, text.indexOf(narrow[k]!))
    if (wide) this.add('', this.findWide(0))
  }

  /** The next position before `limit`, consumed; -1 when there is none (nothing is consumed). */
  next(limit: number): number {
    const { positions } = this
    let k = -1
    let at = limit
    for (let i = 0; i < positions.length; i++) {
      if (positions[i]! < at) {
        at = positions[i]!
        k = i
      }
    }
    if (k < 0) return -1
    this.advance(k, at + 1)
    return at
  }

  /** Passes over the positions before `from`. */
  seek(from: number): void {
    for (let k = this.positions.length - 1; k >= 0; k--) {
      if (this.positions[k]! < from) this.advance(k, from)
    }
  }

  private add(ch: string, at: number): void {
    if (at < 0) return
    this.positions.push(at)
    this.chars.push(ch)
  }

  /** Moves character k to its first position at or after `from`, or drops it. */
  private advance(k: number, from: number): void {
    const ch = this.chars[k]!
    const at = ch === '' ? this.findWide(from) : this.text.indexOf(ch, from)
    if (at >= 0) {
      this.positions[k] = at
    } else {
      this.positions.splice(k, 1)
      this.chars.splice(k, 1)
    }
  }

  private findWide(from: number): number {
    const wide = this.wide!
    wide.lastIndex = from
    const m = wide.exec(this.text)
    return m === null ? -1 : m.index
  }
}

/**
 * The positions of the characters of `narrow` and `wide` (as for Occurrences) that pass
 * `wanted`, in increasing order. For characters common in running text (`.` and `,`), of which
 * a rule wants only a few (`,` after a space): each is tested where it is found, and only the
 * few wanted are sorted, rather than every one merged into order as Occurrences would.
 */
export function positionsWhere(
  text: string,
  narrow: string,
  wide: RegExp,
  wanted: (text: string, i: number) => boolean,
): number[] {
  const out: number[] = []
  for (let k = 0; k < narrow.length; k++) {
    const ch = narrow[k]!
    for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) {
      if (wanted(text, i)) out.push(i)
    }
  }
  wide.lastIndex = 0
  for (let m = wide.exec(text); m !== null; m = wide.exec(text)) {
    if (wanted(text, m.index)) out.push(m.index)
  }
  return out.sort(ascending)
}

function ascending(a: number, b: number): number {
  return a - b
}
