/**
 * CSV as RFC 4180 writes it, safe to open in a spreadsheet: CRLF between records, fields quoted
 * when they hold a comma, quote or line break (or begin or end with white space), and a text cell
 * that a spreadsheet would run as a formula written as text.
 */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`, a
 * tab or a carriage return first — also after leading white space, which some importers trim, and
 * in the full-width forms (`＝＋－＠`), which East Asian input methods turn into the ASCII ones.
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]/u;

/**
 * One field. Text is data, never a formula: a string that begins like one gets a leading `'` (the
 * spreadsheets' own mark for "this is text"). Numbers stay numbers, negative ones included.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.split('"').join('""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
