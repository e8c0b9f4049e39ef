import type { Rule } from '../../types'
import { splitApostropheRule } from './apostrophes'
import { fullwidthPunctuationRule } from './fullwidth'
import { missingSpaceAfterPunctuationRule } from './glued-sentences'
import { currencySpacingRule, spaceBeforePunctuationRule, spacedTimeRule } from './punctuation'
import { spacedHyphenRule } from './spaced-hyphen'
import { spaceRunRule, trailingSpaceRule } from './whitespace'

export { splitApostropheRule } from './apostrophes'
export { fullwidthPunctuationRule } from './fullwidth'
export { missingSpaceAfterPunctuationRule } from './glued-sentences'
export { currencySpacingRule, spaceBeforePunctuationRule, spacedTimeRule } from './punctuation'
export { spacedHyphenRule } from './spaced-hyphen'
export { spaceRunRule, trailingSpaceRule } from './whitespace'

/**
 * For the pipeline's first step, right after the `whitespace` rule has turned tabs and odd
 * spaces into plain ones: runs of spaces and trailing spaces go before anything compares words.
 * Later rules match phrases across single spaces (`degree , degree`, `my country`), so a run
 * left until the end would make a second cleaning find what the first missed.
 */
export const SPACE_NORMALISING_RULES: readonly Rule[] = [spaceRunRule, trailingSpaceRule]

/**
 * The pipeline's "spaced hyphens" step: it runs before repetitions are compared, so that
 * `cross -domain, cross -domain` is seen as the same word twice.
 */
export const SPACED_HYPHEN_RULES: readonly Rule[] = [spacedHyphenRule]

/**
 * The pipeline's "punctuation spacing" step, in the order these rules must run: full-width
 * marks become ASCII first (so the spacing rules see them), stray spaces are taken out before
 * marks before missing ones are put back after them. None of them leaves work for one before
 * it, nor for the two steps above (they never make a run of spaces, a trailing space or a
 * spaced hyphen); each is idempotent.
 */
export const PUNCTUATION_SPACING_RULES: readonly Rule[] = [
  fullwidthPunctuationRule,
  splitApostropheRule,
  currencySpacingRule,
  spacedTimeRule,
  spaceBeforePunctuationRule,
  missingSpaceAfterPunctuationRule,
]

/** All of the above in pipeline order (other steps go between them). */
export const SPACING_RULES: readonly Rule[] = [
  ...SPACE_NORMALISING_RULES,
  ...SPACED_HYPHEN_RULES,
  ...PUNCTUATION_SPACING_RULES,
]
