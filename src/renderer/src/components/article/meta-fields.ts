import { EditableMetaSchema, type EditableMeta } from '../../../../shared/model'

export type MetaField = keyof EditableMeta

/**
 * Why a value cannot be stored in a field, in words for the person, or null when it can. The
 * contract's own schema decides (a date must be a real YYYY-MM-DD date), so the form and the
 * archive never disagree; URLs are held to web addresses here because a typo there is common.
 */
export function fieldError(field: MetaField, value: string): string | null {
  if (field === 'title' && value.trim() === '') return 'An article needs a title.'
  if (value === '' && field !== 'title') return null
  if (field === 'url' && !/^https?:\/\/\S+$/i.test(value)) {
    return 'A URL starts with http:// or https:// and has no spaces.'
  }
  const parsed = EditableMetaSchema.shape[field].safeParse(value)
  if (parsed.success) return null
  const issue = parsed.error.issues[0]
  if (issue?.code === 'too_big') return `This is longer than ${String(issue.maximum)} characters.`
  const message = sentence(issue?.message ?? 'this value cannot be stored')
  return field === 'date' ? `${message} (for example 2022-09-21).` : `${message}.`
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
