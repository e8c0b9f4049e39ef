import type { Rule } from '../types'
import { FLAG_RULES } from './flags'
import { furnitureRules } from './furniture'
import { glossaryRule } from './glossary'
import { paragraphLayoutRule, whitespaceRule } from './paragraphs'
import { duplicateLinesRule, repetitionRule } from './repetition'
import { PUNCTUATION_SPACING_RULES, SPACE_NORMALISING_RULES, SPACED_HYPHEN_RULES } from './spacing'

/**
 * Every rule, in the order the pipeline runs them. The order matters:
 * - white space first, so every later rule sees single spaces and LF;
 * - furniture (title, header, end marker, portal lines) out before anything repairs the text
 *   around it, then repeated captions;
 * - paragraphs laid out (hard-wrapped lines rejoined) before words are compared, so a join
 *   that makes `of the` + `the next` a double is collapsed in the same pass;
 * - hyphens joined and glossary terms replaced before repetitions are compared, so
 *   `cross -domain, cross -domain` and `my country, China` collapse in one pass;
 * - punctuation spacing;
 * - flag-only rules last, measuring the text a person will read.
 */
export const RULES: readonly Rule[] = [
  whitespaceRule,
  ...SPACE_NORMALISING_RULES,
  ...furnitureRules,
  duplicateLinesRule,
  paragraphLayoutRule,
  ...SPACED_HYPHEN_RULES,
  glossaryRule,
  repetitionRule,
  ...PUNCTUATION_SPACING_RULES,
  ...FLAG_RULES,
]
