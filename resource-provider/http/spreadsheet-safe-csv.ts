import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Rows of text as CSV that a spreadsheet opens without running any of it: a cell beginning with
 * `=`, `+`, `-`, `@`, a tab or a carriage return (CSV injection) is prefixed with `'`, so that
 * it shows as the text it is. The cells hold what WAP and its resource providers wrote (resource
 * ids, provider names, plan names, a plugin's reason). A plain number, negative or not, stays a
 * number: csv-stringify's own `escape_formulas` would prefix a negative amount held as text, as
 * every exact amount here is.
 */
export function spreadsheetSafeCsv(rows: readonly (readonly (string | number)[])[]): string {
  return stringify(rows.map((row) => row.map(inert)));
}

function inert(cell: string | number): string | number {
  return typeof cell === 'string' && FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}
