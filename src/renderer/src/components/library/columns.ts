import type { SortKey } from '../../../../shared/model'

/** The table's columns, in order; those with a sort key sort the list when their header is clicked. */
export const COLUMNS: readonly { label: string; sort: SortKey | null }[] = [
  { label: 'Title', sort: 'title' },
  { label: 'Date', sort: 'date' },
  { label: 'Source', sort: 'source' },
  { label: 'Status', sort: null },
]

/** Every row is this tall, so the virtual list knows where any row is without measuring it. */
export const ROW_HEIGHT = 34

/** The DOM id of the row at an index, for aria-activedescendant. */
export function rowDomId(index: number): string {
  return `article-row-${index}`
}

export const number = new Intl.NumberFormat('en-US')

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${number.format(count)} ${count === 1 ? one : many}`
}
