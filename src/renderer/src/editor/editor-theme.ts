import { EditorView } from '@codemirror/view'

/**
 * The reading look of every editor: the app's text font and colours (CSS variables, so light
 * and dark both follow the system), a comfortable measure, and the change, flag, tooltip and
 * search styles. The diff colours (--pa-*) are defined in editor.css.
 */
export const readingTheme = EditorView.theme({
  '&': {
    height: '100%',
    color: 'var(--text)',
    backgroundColor: 'var(--surface)',
    fontSize: 'var(--reading-size, 1.05rem)',
  },
  '&.cm-focused': {
    outline: '2px solid color-mix(in srgb, var(--focus-ring, var(--accent)) 50%, transparent)',
    outlineOffset: '-2px',
  },
  '.cm-scroller': {
    fontFamily: 'var(--font-text)',
    lineHeight: '1.65',
  },
  '.cm-content': {
    maxWidth: '44em',
    margin: '0 auto',
    padding: '1.25rem 1.5rem 3rem',
    caretColor: 'var(--text)',
  },
  '.cm-line': { padding: '0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'transparent', border: 'none' },

  // Differences: the changed text itself, and a bar in the gutter beside changed lines. No
  // whole-line tint: cleaning re-lays out most paragraphs, so it would tint nearly everything.
  '&.cm-merge-a .cm-changedLine, &.cm-merge-b .cm-changedLine': { backgroundColor: 'transparent' },
  '&.cm-merge-a .cm-changedText': {
    background: 'var(--pa-removed-bg)',
    textDecoration: 'line-through',
    textDecorationColor: 'var(--pa-removed-strike)',
    borderRadius: '2px',
  },
  '&.cm-merge-b .cm-changedText, .cm-addedText': {
    background: 'var(--pa-added-bg)',
    borderRadius: '2px',
  },
  '&.cm-merge-a .cm-changedLineGutter': { background: 'var(--pa-removed-mark)' },
  '&.cm-merge-b .cm-changedLineGutter': { background: 'var(--pa-added-mark)' },
  '.cm-removedSpot': {
    display: 'inline-block',
    width: '2px',
    height: '1.05em',
    margin: '0 -1px',
    verticalAlign: '-0.15em',
    borderRadius: '1px',
    background: 'var(--pa-removed-mark)',
  },
  '.cm-collapsedLines': {
    fontFamily: 'var(--font-ui)',
    fontSize: '0.8125rem',
    color: 'var(--muted)',
    background: 'var(--surface-sunken)',
    borderBlock: '1px solid var(--border)',
  },

  // Review flags.
  // A faint tint as well, so a flag on a single character (a stray quote mark) is seen.
  '.cm-reviewFlag': {
    backgroundColor: 'color-mix(in srgb, var(--pa-flag) 10%, transparent)',
    textDecoration: 'underline wavy var(--pa-flag)',
    textDecorationThickness: '1px',
    textUnderlineOffset: '3px',
    textDecorationSkipInk: 'none',
  },

  // Tooltips: UI text, not reading text.
  '.cm-tooltip': {
    color: 'var(--text)',
    backgroundColor: 'var(--surface)',
    border: '1px solid var(--border)',
    borderRadius: '6px',
    boxShadow: '0 4px 16px var(--shadow, rgb(0 0 0 / 0.16))',
    fontFamily: 'var(--font-ui)',
    fontSize: '0.8125rem',
    lineHeight: '1.45',
  },
  '.cm-tooltip-section:not(:first-child)': { borderTop: '1px solid var(--border)' },
  '.pa-tip': { maxWidth: '26rem', padding: '0.45rem 0.65rem' },
  '.pa-tip-heading': {
    fontSize: '0.75rem',
    fontWeight: '600',
    color: 'var(--muted)',
    marginBottom: '0.15rem',
  },
  '.pa-tip-line': { margin: '0.15rem 0 0' },
  '.pa-tip-lead': { fontWeight: '600' },
  '.pa-tip-muted': { color: 'var(--muted)' },
  '.pa-tip-actions': { display: 'flex', gap: '0.35rem', marginTop: '0.4rem' },
  '.pa-tip-action': {
    padding: '0.1rem 0.5rem',
    fontSize: '0.8125rem',
    color: 'var(--text)',
    background: 'var(--surface)',
    border: '1px solid var(--border)',
    borderRadius: '4px',
    cursor: 'pointer',
  },
  '.pa-tip-action:hover': { background: 'var(--hover)' },

  // Search.
  '.cm-panels': {
    color: 'var(--text)',
    backgroundColor: 'var(--surface-sunken)',
    fontFamily: 'var(--font-ui)',
  },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
  '.cm-panel.cm-search': { padding: '0.35rem 2rem 0.35rem 0.6rem', fontSize: '0.8125rem' },
  '.cm-panel.cm-search label': { fontSize: '0.8125rem', color: 'var(--muted)' },
  '.cm-textfield': {
    color: 'var(--text)',
    backgroundColor: 'var(--surface)',
    border: '1px solid var(--border)',
    borderRadius: '4px',
    padding: '0.15rem 0.4rem',
    fontSize: '0.8125rem',
  },
  '.cm-button': {
    color: 'var(--text)',
    backgroundImage: 'none',
    backgroundColor: 'var(--surface)',
    border: '1px solid var(--border)',
    borderRadius: '4px',
    padding: '0.15rem 0.55rem',
    fontSize: '0.8125rem',
  },
  '.cm-button:hover': { backgroundColor: 'var(--hover)' },
  '.cm-panel.cm-search [name=close]': { color: 'var(--muted)', fontSize: '1.1rem' },
  '.cm-searchMatch': { backgroundColor: 'var(--pa-search)', outline: 'none' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--pa-search-current)' },
})
