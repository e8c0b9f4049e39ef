/**
 * Whether `pos` lies inside quotation marks opened earlier on its line. In this genre a line
 * is a paragraph, and quotations do not run across paragraphs often enough to matter. Rules
 * use it to leave what someone said to a person's judgement.
 */
export function insideQuotation(text: string, pos: number): boolean {
  let straight = false
  let curly = 0
  for (let i = text.lastIndexOf('\n', pos - 1) + 1; i < pos; i++) {
    const c = text[i]
    if (c === '“') curly++
    else if (c === '”') curly = Math.max(0, curly - 1)
    else if (c === '"') straight = !straight
  }
  return straight || curly > 0
}
