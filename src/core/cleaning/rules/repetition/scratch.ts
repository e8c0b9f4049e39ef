/**
 * Working memory the repetition rules reuse from one call to the next. Both rules run on every
 * article (and the duplicate-lines rule runs the word scanner on every caption line besides):
 * allocating their typed arrays afresh each time cost more than the work done in them, most of it
 * in the garbage collector.
 */

/** Arrays up to this many entries are kept for the next call; a larger text gets its own. */
const KEEP_ENTRIES = 1 << 16

type Typed = Int32Array | Uint8Array | Uint16Array

/**
 * One reused typed array. Only arrays up to KEEP_ENTRIES are kept, so one huge text does not pin
 * its memory. The contents are stale: a user writes an entry before reading it.
 */
export class Scratch<A extends Typed> {
  private kept: A

  constructor(private readonly make: (size: number) => A) {
    this.kept = make(0)
  }

  /** An array of at least `size` entries, valid until the next `get`. */
  get(size: number): A {
    if (size <= this.kept.length) return this.kept
    // Doubling: a run of slightly longer texts does not reallocate each time.
    const fresh = this.make(Math.max(size, Math.min(this.kept.length * 2, KEEP_ENTRIES)))
    if (fresh.length <= KEEP_ENTRIES) this.kept = fresh
    return fresh
  }
}

export const int32Scratch = (): Scratch<Int32Array> => new Scratch((size) => new Int32Array(size))
export const uint8Scratch = (): Scratch<Uint8Array> => new Scratch((size) => new Uint8Array(size))
export const uint16Scratch = (): Scratch<Uint16Array> =>
  new Scratch((size) => new Uint16Array(size))

/** Whether a Uint16Array reads the bytes `Buffer.write(…, 'utf16le')` writes (all but exotic CPUs). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/**
 * The UTF-16 code units of `text`, then a 0, in an array reused by the next call. Hot loops read
 * them from here rather than with `charCodeAt`, which dispatches on the string's representation
 * (one or two bytes a character, flat or not) at every call and made the word scan a fifth
 * slower; the copy itself is one native write. The 0 (never part of a word, nor a space) lets
 * a loop stop at the end without testing the length. Entries after it are stale.
 */
export function codeUnits(text: string, scratch: Scratch<Uint16Array>): Uint16Array {
  const codes = scratch.get(text.length + 1)
  if (LITTLE_ENDIAN) {
    Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).write(text, 'utf16le')
  } else {
    for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i)
  }
  codes[text.length] = 0
  return codes
}
