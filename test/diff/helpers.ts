/**
 * Allocation files for the diff and lists tests: the golden sample allocation (with its summary.json) copied into
 * a temp folder, optionally edited row by row the way a committee member would in Excel.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { toCsv } from '../../src/io/csv-write.js';
import { toolHeader, toolNames } from '../e2e/helpers.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const GOLDEN = join(ROOT, 'fixtures', 'golden', 'sample-nb');

export type Record_ = Record<string, string>;

export function tempDir(prefix = 'cohort-meeting-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * The golden allocation's header and rows under the tool's names (`status` `selected`: the golden file is bokmål,
 * `Status` `tatt opp`), so the edited copies `allocationFolder` writes are English allocation files.
 */
export function goldenRows(): { header: string[]; rows: Record_[] } {
  const text = readFileSync(join(GOLDEN, 'allocation.csv'), 'utf8').replace(/^\uFEFF/, '');
  const records = parse(text, { delimiter: ';', relax_quotes: false }) as string[][];
  const [nbHeader = [], ...body] = records;
  const header = nbHeader.map(toolHeader);
  return { header, rows: toolNames(body.map((r) => Object.fromEntries(nbHeader.map((h, i) => [h, r[i] ?? ''])))) };
}

/**
 * A folder holding an allocation.csv made from the golden rows after `edit` (and the golden summary.json unless
 * `summary` is false). Returns the allocation's path.
 */
export function allocationFolder(
  name: string,
  edit: (rows: Record_[]) => Record_[] = (r) => r,
  opts: {
    summary?: boolean | ((s: Record<string, unknown>) => void);
    header?: (h: string) => string;
    /** Columns added after the golden ones (values from the edited rows). */
    addColumns?: string[];
    delimiter?: string;
    base?: string;
  } = {},
): string {
  const dir = join(opts.base ?? tempDir(), name);
  mkdirSync(dir, { recursive: true });
  const golden = goldenRows();
  const header = [...golden.header, ...(opts.addColumns ?? [])];
  const rows = golden.rows;
  const edited = edit(rows.map((r) => ({ ...r })));
  const text = toCsv(header.map(opts.header ?? ((h) => h)), edited.map((r) => header.map((h) => r[h] ?? '')), { delimiter: opts.delimiter ?? ';' });
  writeFileSync(join(dir, 'allocation.csv'), `\uFEFF${text}`);
  if (opts.summary === undefined || opts.summary === true) copyFileSync(join(GOLDEN, 'summary.json'), join(dir, 'summary.json'));
  else if (typeof opts.summary === 'function') {
    const summary = JSON.parse(readFileSync(join(GOLDEN, 'summary.json'), 'utf8')) as Record<string, unknown>;
    opts.summary(summary);
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary, null, 2));
  }
  return join(dir, 'allocation.csv');
}

/** Set fields of the row with this id. */
export function setRow(rows: Record_[], id: string, fields: Record_): Record_[] {
  const r = rows.find((x) => x.id === id);
  if (r === undefined) throw new Error(`no row ${id} in the golden allocation`);
  Object.assign(r, fields);
  return rows;
}

/** The first row matching `pred` (throws when the golden allocation no longer has one). */
export function findRow(pred: (r: Record_) => boolean, what: string): Record_ {
  const r = goldenRows().rows.find(pred);
  if (r === undefined) throw new Error(`the golden allocation has no ${what}`);
  return r;
}
