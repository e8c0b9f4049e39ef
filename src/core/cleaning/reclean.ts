import type { Change, Flag } from '../../shared/cleaning'
import type { Profile } from '../../shared/profile'
import type { Archive } from '../store/archive'
import { cleanText } from './profiles'

export interface RecleanOutcome {
  id: string
  /** The text the profile makes of the original now. */
  proposal: string
  /** The article's current text, to show the proposal against. */
  current: string
  changes: Change[]
  flags: Flag[]
  /** A person has edited this article: the proposal is never applied by itself. */
  edited: boolean
  /** Whether the proposal was saved as a new version. */
  applied: boolean
}

/**
 * Clean an article's original again with a profile. An article nobody has edited may take the
 * result as a new version (`apply`); one a person has edited only ever gets a proposal, which
 * the editor accepts chunk by chunk — the person's text is never overwritten.
 */
export async function recleanArticle(
  archive: Archive,
  id: string,
  profile: Profile,
  apply: boolean,
): Promise<RecleanOutcome> {
  const view = await archive.getArticle(id)
  const result = cleanText(view.originalText, profile)
  const edited = view.meta.edited
  const outcome: RecleanOutcome = {
    id,
    proposal: result.cleaned,
    current: view.cleanedText,
    changes: result.changes,
    flags: result.flags,
    edited,
    applied: false,
  }
  if (apply && !edited && result.cleaned !== view.cleanedText) {
    await archive.saveCleaned(id, result.cleaned, 'rule', `re-cleaned with ${profile.name}`, {
      profile: profile.id,
      at: new Date().toISOString(),
      changes: result.changes,
      flags: result.flags,
    })
    outcome.applied = true
  }
  return outcome
}
