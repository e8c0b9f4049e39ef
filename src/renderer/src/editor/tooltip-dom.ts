/**
 * Tooltip content built from text nodes only: article text and rule wording go in through
 * textContent, never as HTML.
 */

/** One paragraph of a tooltip: an optional bold lead-in, then plain text. */
export interface TooltipLine {
  lead?: string
  text: string
  /** Muted: secondary information (a suggestion, a quotation). */
  muted?: boolean
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  el.className = className
  if (text !== undefined) el.textContent = text
  return el
}

/** A button at the foot of a tooltip. */
export interface TooltipAction {
  label: string
  /** Extra help shown on hover, e.g. the keyboard shortcut for the same thing. */
  title?: string
  run: () => void
}

/** A tooltip body: a small heading, its lines, and any actions. */
export function tooltipBody(
  heading: string,
  lines: readonly TooltipLine[],
  actions: readonly TooltipAction[] = [],
): HTMLElement {
  const body = element('div', 'pa-tip')
  body.appendChild(element('div', 'pa-tip-heading', heading))
  for (const line of lines) {
    const p = element('p', line.muted ? 'pa-tip-line pa-tip-muted' : 'pa-tip-line')
    if (line.lead) {
      p.appendChild(element('strong', 'pa-tip-lead', line.lead))
      p.appendChild(document.createTextNode(' '))
    }
    p.appendChild(document.createTextNode(line.text))
    body.appendChild(p)
  }
  if (actions.length) {
    const bar = body.appendChild(element('div', 'pa-tip-actions'))
    for (const action of actions) {
      const button = bar.appendChild(element('button', 'pa-tip-action', action.label))
      button.type = 'button'
      if (action.title) button.title = action.title
      button.addEventListener('click', action.run)
    }
  }
  return body
}
