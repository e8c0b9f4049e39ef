import type { RecleanResult } from '../../shared/contract'
import type { Profile } from '../../shared/profile'
import type { Archive } from '../store/archive'
import { cleanText } from './profiles'

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
): Promise<RecleanResult> {
  const view = await archive.getArticle(id)
  const result = cleanText(view.originalText, profile)
  const edited = view.meta.edited
  const outcome: RecleanResult = {
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
