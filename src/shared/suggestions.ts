/** A theme an article's words point to: which of its keywords occur, and how often in all. */
export interface ThemeSuggestion {
  themeId: string
  /** The theme's keywords that occur, as the theme spells them, in the theme's order. */
  matched: string[]
  /** Occurrences of all matched keywords together; suggestions are ranked by it. */
  count: number
}

/** One untagged article of a "suggest for all untagged" preview. */
export interface ArticleSuggestions {
  id: string
  title: string
  suggestions: ThemeSuggestion[]
}

/** What a run over the untagged articles found, before anything is applied. */
export interface SuggestionPreview {
  /** Untagged articles read. */
  untagged: number
  /** Of those, how many have at least one suggestion (more than `items` when cut at the limit). */
  withSuggestions: number
  /** The articles with suggestions, in list order, at most the limit asked for. */
  items: ArticleSuggestions[]
}
