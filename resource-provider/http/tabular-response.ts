import type { Request, Response } from 'express';
import { spreadsheetSafeCsv } from './spreadsheet-safe-csv';

/**
 * Sends `{ items }` as JSON, or as CSV when the caller asks for it (`?format=csv` or
 * `Accept: text/csv`): every view of usage can be exported the same way. `more` (the link to
 * the next page of a paged view) goes beside the items in JSON, and in a `Link` header.
 */
export function sendItems<T extends object>(
  req: Request, res: Response, items: readonly T[], columns: readonly (keyof T & string)[], filename: string, more: { next?: string } = {},
): void {
  if (more.next) res.links({ next: more.next });
  const wantsCsv = req.query.format === 'csv' || (req.query.format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');
  if (!wantsCsv) {
    res.json({ items, ...more });
    return;
  }
  const rows = items.map((item) => columns.map((column) => csvCell(item[column])));
  res.type('text/csv').attachment(`${filename}.csv`).send(spreadsheetSafeCsv([[...columns], ...rows]));
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
