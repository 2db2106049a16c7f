/**
 * RFC 4180 text of a header and rows of string cells, CRLF between lines and none after the
 * last: byte for byte what papaparse's `unparse(…, { newline: '\r\n', quotes: false })` writes
 * for string cells (tests/unit/core/formats/csv/rows.test.ts compares them), without its
 * per-cell scans and options (a third of a 100,000-row export). A cell is quoted when it holds a
 * comma, a double quote, CR, LF or a byte order mark, or starts or ends with a space; quotes
 * inside are doubled. With no rows the header line still ends in CRLF, as papaparse's does.
 */
const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/;
const QUOTE = /"/g;

export function csvCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(QUOTE, '""')}"` : cell;
}

export function csvRows(fields: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return `${fields.map(csvCell).join(',')}\r\n`;
  const lines = new Array<string>(rows.length + 1);
  lines[0] = fields.map(csvCell).join(',');
  for (let r = 0; r < rows.length; r++) lines[r + 1] = rows[r]!.map(csvCell).join(',');
  return lines.join('\r\n');
}
