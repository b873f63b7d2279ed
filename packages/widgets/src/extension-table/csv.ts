/**
 * Cells that a spreadsheet would run as a formula (OWASP "CSV injection"): starting with `=`, `+`,
 * `-`, `@`, or a tab or carriage return that some spreadsheets skip before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as text a spreadsheet shows as it is: a leading apostrophe disarms a formula. */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** RFC 4180 text (CRLF line ends, quoted where needed) with every cell neutralised. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => quote(neutralise(cell))).join(',')).join('\r\n') + '\r\n';
}
