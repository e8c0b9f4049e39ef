import type { Passage } from '../../../../shared/model'
import type { EditorPassage, PassageSpan } from '../../editor/passage-field'
import { quoteSpan, truncate } from '../../editor/quote'

/** How a theme looks wherever a passage shows it. */
export interface ThemeLook {
  name: string
  color: string
}

/** A theme the vocabulary does not list (yet, or any more) still shows, neutrally. */
export const UNKNOWN_THEME: ThemeLook = { name: 'Unknown theme', color: '#8a8f98' }

/** A passage as the list beside the text shows it. */
export interface PassageItem extends ThemeLook {
  id: string
  themeId: string
  /** Its words now, or for a detached one the words it had. */
  quote: string
  detached: boolean
  /** Where it is in the text now (for ordering); a detached one keeps its old place. */
  start: number
}

const QUOTE_MAX = 120

/**
 * The article's passages for the list: in text order, each quoted from the text as it stands
 * (where the editor has carried it since the last save), detached ones with their old words.
 * A passage whose words were deleted since the last save shows as detached already: that is
 * what the save will make of it.
 */
export function passageItems(
  passages: readonly Passage[],
  look: (themeId: string) => ThemeLook,
  text: string,
  positions: Record<string, PassageSpan> | null,
): PassageItem[] {
  return passages
    .map((p) => {
      const span = p.detached ? undefined : positions?.[p.id]
      const start = span?.start ?? p.start
      const end = span?.end ?? p.end
      const gone = p.detached === true || start === end
      const quote =
        gone || !span
          ? truncate(p.quote.replace(/\s+/g, ' ').trim(), QUOTE_MAX)
          : quoteSpan(text, start, end, QUOTE_MAX)
      return { id: p.id, themeId: p.themeId, ...look(p.themeId), quote, detached: gone, start }
    })
    .sort((a, b) => a.start - b.start)
}

/** The passages the editor highlights: those on the text, with their themes' looks. */
export function editorPassages(
  passages: readonly Passage[],
  look: (themeId: string) => ThemeLook,
): EditorPassage[] {
  return passages
    .filter((p) => !p.detached)
    .map((p) => ({ id: p.id, themeId: p.themeId, start: p.start, end: p.end, ...look(p.themeId) }))
}
