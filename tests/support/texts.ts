import fc from 'fast-check'

/**
 * Texts for the anchoring properties (review flags, passages), weighted towards the hard ones:
 * few distinct words repeated many times (where only the surroundings can tell occurrences
 * apart), Chinese with a character outside the BMP, and texts longer than an anchor's context on
 * both sides.
 */
const repetitive = fc.string({ unit: fc.constantFrom('a', 'b', ' '), maxLength: 160 })
/** Long enough that a span's context is only part of it on both sides. */
const long = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ' '), minLength: 100, maxLength: 300 }),
  fc
    .array(fc.constantFrom('the', 'cat', 'sat', 'on', 'the mat', '.'), {
      minLength: 40,
      maxLength: 100,
    })
    .map((w) => w.join(' ')),
)
const words = fc
  .array(fc.constantFrom('the', 'cat', 'sat', 'on', 'the mat', '.', '\n'), {
    minLength: 5,
    maxLength: 70,
  })
  .map((w) => w.join(' '))
const chinese = fc.string({
  unit: fc.constantFrom('中', '国', '经', '济', '发', '展', '，', '。', '𠀀'),
  minLength: 10,
  maxLength: 140,
})

export const anyText = fc.oneof(
  { weight: 3, arbitrary: repetitive },
  { weight: 3, arbitrary: words },
  { weight: 2, arbitrary: chinese },
  { weight: 2, arbitrary: long },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
)

/** What an edit puts in: short, and often made of the same few words as the text. */
export const insertion = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ' '), maxLength: 12 }),
  fc.constantFrom('', 'the', 'cat ', ' sat', '中国', '。'),
  fc.string({ maxLength: 40 }),
)
