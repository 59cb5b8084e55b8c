/**
 * Listings and documents as docker prints them: a table by default,
 * `--format json` (a JSON object a line), `--format 'table {{.ID}}…'`, any
 * Go-like template, and `-q` for ids alone.
 */
import { compileTemplate, renderTable } from '@berth/cli-support/template';
import { UsageError } from '@berth/cli-support/args';
import { write } from './context';

export interface ListingStyle {
  /** The default table, as a template: 'table {{.ID}}\t{{.Names}}'. */
  table: string;
  /** Column titles that are not the field's name in capitals. */
  headers?: Record<string, string>;
}

export function printListing(
  rows: Record<string, unknown>[],
  style: ListingStyle,
  options: { format?: string; quiet?: boolean; idField?: string },
): void {
  const { format, quiet } = options;
  if (quiet) {
    write(rows.map((r) => `${String(r[options.idField ?? 'ID'])}\n`).join(''));
    return;
  }
  if (format === 'json') {
    write(rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
    return;
  }
  if (format === undefined || format === '' || format === 'table') {
    write(renderTable(style.table, rows, style.headers));
    return;
  }
  if (format.startsWith('table')) {
    write(renderTable(format, rows, style.headers));
    return;
  }
  const row = compileTemplate(format);
  write(rows.map((r) => `${row(r)}\n`).join(''));
}

/** inspect's output: a JSON array, or FORMAT applied to each document. */
export function printDocuments(documents: unknown[], format: string | undefined): void {
  if (!format || format === 'json') {
    write(`${JSON.stringify(documents, null, 4)}\n`);
    return;
  }
  const render = compileTemplate(format);
  write(documents.map((d) => `${render(d)}\n`).join(''));
}

/** Docker's `--filter key=value` values, checked against the keys a command knows. */
export function filtersOf(values: unknown, known: string[], command: string): string[] {
  const filters = (values as string[] | undefined) ?? [];
  for (const f of filters) {
    const key = f.split('=')[0];
    if (!known.includes(key))
      throw new UsageError(`${command}: invalid filter '${key}' (${known.join(', ')})`);
  }
  return filters;
}
