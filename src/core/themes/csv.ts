/**
 * CSV as RFC 4180 writes it, read as spreadsheets actually save it: fields in double quotes may
 * hold commas, quotes (doubled) and line breaks; records end in CRLF, LF or CR; a UTF-8 byte
 * order mark at the start is ignored.
 */

/** Why a text could not be read as CSV, with the record (1-based) where it went wrong. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly row: number,
  ) {
    super(message)
  }
}

/** The records of a CSV text, each a list of fields. A blank line is no record. */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith('\ufeff') ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  // Whether the current record has anything yet, so a line with nothing on it is skipped.
  let started = false
  let i = 0
  const endField = () => {
    row.push(field)
    field = ''
    quoted = false
  }
  const endRow = () => {
    endField()
    if (started) rows.push(row)
    row = []
    started = false
  }
  while (i < s.length) {
    const c = s[i]!
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        const next = s[i]
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvError(
            `row ${rows.length + 1}: a quoted field must end at a comma or the end of the line`,
            rows.length + 1,
          )
        }
        continue
      }
      field += c
      i++
      continue
    }
    if (c === ',') {
      started = true
      endField()
      i++
    } else if (c === '\r' || c === '\n') {
      endRow()
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1
    } else if (c === '"' && field === '') {
      started = true
      quoted = true
      i++
    } else {
      started = true
      field += c
      i++
    }
  }
  if (quoted) {
    throw new CsvError(
      `row ${rows.length + 1}: a quoted field is never closed (a " is missing)`,
      rows.length + 1,
    )
  }
  if (started || field !== '') {
    started = true
    endRow()
  }
  return rows
}

/** One field, quoted when it must be (and when spaces at its ends would otherwise be lost). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Records as CSV text, CRLF after each record as RFC 4180 has it. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  // A record of one empty field is written "" so that it is not read back as a blank line.
  const line = (r: readonly string[]) =>
    r.length === 1 && r[0] === '' ? '""' : r.map(csvField).join(',')
  return rows.map((r) => `${line(r)}\r\n`).join('')
}
