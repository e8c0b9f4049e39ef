/**
 * Text into HTML. Everything a report prints from an archive (titles, texts, metadata, theme
 * names, the report's own title) goes through here: an article that contains `<script>` prints
 * the word, never runs it.
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** A theme colour as CSS: stored colours are `#rrggbb`, anything else falls back to grey. */
export function safeColor(color: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(color) ? color.toLowerCase() : '#888888'
}
