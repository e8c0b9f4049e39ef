import type { Rule } from '../../types'
import { endMarkerRule } from './end-marker'
import { headerRule } from './header'
import { portalRule } from './portal'

export { endMarkerRule } from './end-marker'
export { headerRule } from './header'
export { portalRule } from './portal'

/**
 * The press furniture rules in the order the default profile runs them: the header first (it
 * reads the closing credits before the end marker goes), then the end marker with the teasers
 * after it, then the portal furniture left at the head and the tail.
 */
export const furnitureRules: readonly Rule[] = [headerRule, endMarkerRule, portalRule]
