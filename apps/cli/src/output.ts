/**
 * Listings and documents as docker prints them: a table by default,
 * `--format json` (a JSON object a line), `--format 'table {{.ID}}…'`, any
 * Go-like template, and `-q` for ids alone.
 */
import * as fs from 'node:fs';
import { compileTemplate, renderTable } from '@berth/cli-support/template';
import { UsageError } from '@berth/cli-support/args';
import { forEach, write } from './context';

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

/**
 * inspect of NAMES: each fetched (a failure reported, the rest still shown, as
 * docker inspect does), then printed together. Exit 1 if any failed.
 */
export async function inspectEach(
  names: string[],
  format: string | undefined,
  fetch: (name: string) => Promise<unknown>,
): Promise<number> {
  const documents: unknown[] = [];
  const status = await forEach(names, async (name) => {
    documents.push(await fetch(name));
    return null;
  });
  printDocuments(documents, format);
  return status;
}

/** Byte chunks from the engine to FILE, or to stdout (never a terminal); a failed write leaves no partial FILE. */
export async function writeChunks(
  chunks: AsyncIterable<{ data: Uint8Array }>,
  file: string | undefined,
  what: string,
): Promise<void> {
  if (!file && process.stdout.isTTY)
    throw new UsageError(`cowardly refusing to write ${what} to a terminal; use -o FILE or redirect stdout`);
  const out = file ? fs.createWriteStream(file) : process.stdout;
  try {
    for await (const c of chunks)
      if (!out.write(c.data)) await new Promise<void>((r) => out.once('drain', () => r()));
  } catch (error) {
    if (file) {
      (out as fs.WriteStream).destroy();
      fs.rmSync(file, { force: true });
    }
    throw error;
  }
  if (file)
    await new Promise<void>((resolve, reject) =>
      (out as fs.WriteStream).end((e?: Error | null) => (e ? reject(e) : resolve())),
    );
}
