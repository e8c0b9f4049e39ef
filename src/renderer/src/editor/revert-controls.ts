import type { MergeView } from '@codemirror/merge'
import type { ChunkLike } from './chunk-spans'

/**
 * The merge view's per-chunk buttons (revert in the editor, accept in a proposal), made
 * accessible: a spoken name, a description of the chunk they act on, and keyboard activation.
 */

/**
 * A renderer for MergeView's `renderRevertControl`. The merge view acts on `mousedown` only
 * (it keeps the editor's focus that way), so a keyboard press, which arrives as a click with
 * no pointer (`detail === 0`), is turned into the mousedown the merge view listens for.
 */
export function chunkButton(label: string, glyph: string): () => HTMLElement {
  return () => {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'cm-chunkButton'
    button.setAttribute('aria-label', label)
    button.textContent = glyph
    button.addEventListener('click', (event) => {
      if (event.detail !== 0) return
      button.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }))
    })
    return button
  }
}

/**
 * Give each chunk button a description of its chunk (shown as its tooltip and read after its
 * name). Call after the chunks change; buttons the merge view adds later are described as it
 * renders them, via `describeLater`.
 */
export function describeChunkButtons(
  view: MergeView,
  describe: (chunk: ChunkLike) => string,
): void {
  for (const button of view.dom.querySelectorAll<HTMLElement>('.cm-merge-revert [data-chunk]')) {
    describeButton(view, button, describe)
  }
}

function describeButton(
  view: MergeView,
  button: HTMLElement,
  describe: (chunk: ChunkLike) => string,
): void {
  const chunk = view.chunks[Number(button.dataset.chunk)]
  if (chunk) button.title = describe(chunk)
}

/**
 * Wraps a chunk button renderer so each new button is described once the merge view has told
 * it which chunk it belongs to (it sets `data-chunk` right after rendering).
 */
export function describeLater(
  render: () => HTMLElement,
  view: () => MergeView | null,
  describe: (chunk: ChunkLike) => string,
): () => HTMLElement {
  return () => {
    const button = render()
    queueMicrotask(() => {
      const merge = view()
      if (merge) describeButton(merge, button, describe)
    })
    return button
  }
}
