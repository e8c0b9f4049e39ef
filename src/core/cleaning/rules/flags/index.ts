import type { Rule } from '../../types'
import { cjkInEnglishRule } from './cjk-in-english'
import { cutOffLineRule } from './cut-off-line'
import { longSentenceRule } from './long-sentence'
import { unbalancedBracketsRule, unbalancedQuotesRule } from './unbalanced'

export {
  cjkInEnglishRule,
  cutOffLineRule,
  longSentenceRule,
  unbalancedBracketsRule,
  unbalancedQuotesRule,
}

/**
 * The flag-only rules, in the order they run at the end of the pipeline. They never edit: each
 * marks spots a person should look at, after every repair has been made.
 */
export const FLAG_RULES: readonly Rule[] = [
  cjkInEnglishRule,
  unbalancedQuotesRule,
  unbalancedBracketsRule,
  longSentenceRule,
  cutOffLineRule,
]
