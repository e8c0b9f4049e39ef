export { duplicateLinesRule, findDuplicateLines } from './duplicate-lines'
export { findRepetitions, repetitionRule } from './repetition'
