import type { Rule } from '../types'
import { glossaryRule } from './glossary'
import { paragraphLayoutRule, whitespaceRule } from './paragraphs'

/**
 * Every rule, in the order the pipeline runs them. The order matters: furniture comes out
 * before anything repairs the text around it, hyphens are joined before repetitions are
 * compared, and the layout is settled before the flag-only rules measure sentences.
 */
export const RULES: readonly Rule[] = [whitespaceRule, glossaryRule, paragraphLayoutRule]

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id)
}
