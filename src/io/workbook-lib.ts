/**
 * The spreadsheet library, loaded only when a workbook is read: a CSV run never pays its start-up time
 * (about 90 ms of CPU for SheetJS, measured with `process.cpuUsage` around the load).
 *
 * SheetJS Community Edition as published under `@e965/xlsx` (0.20.3; the `xlsx` package on npm stopped at 0.18.5
 * with an open advisory). Its `core` build is loaded through `require`, so that the readers stay synchronous;
 * the package's own CommonJS entry also bundles every code page and takes four times as long to load.
 */
import { createRequire } from 'node:module';
import type * as XLSX from '@e965/xlsx';
import type { SheetLib } from '../read/sheet.js';

let cached: SheetLib | undefined;

/** The library behind `SheetLib`, loaded on first use. */
export function sheetLib(): SheetLib {
  if (cached !== undefined) return cached;
  const require = createRequire(import.meta.url);
  const lib = require('@e965/xlsx/dist/xlsx.core.min.js') as typeof XLSX;
  const ssf = lib.SSF as {
    is_date(format: string): boolean;
    parse_date_code(serial: number, options?: { date1904?: boolean }): { y: number; m: number; d: number } | null;
  };
  cached = {
    read: (bytes, options) =>
      quietly(() =>
        lib.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
          type: 'buffer',
          dense: true,
          cellNF: true,
          cellFormula: true,
          cellHTML: false,
          cellStyles: false,
          bookVBA: false,
          sheetRows: options.sheetRows,
        }),
      ),
    isDateFormat: (format) => ssf.is_date(format),
    dateOfSerial: (serial, date1904) => {
      const d = ssf.parse_date_code(serial, { date1904 });
      return d === null || d.y === undefined ? null : { y: d.y, m: d.m, d: d.d };
    },
  };
  return cached;
}

/**
 * Run `fn` with the library's diagnostics ("ODS number format may be incorrect", printed straight to the
 * console) kept off the user's terminal: what matters in them is reported as located issues.
 */
/* eslint-disable no-console -- the one place that touches the console: to silence a library, not to print */
function quietly<T>(fn: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const drop = (): void => undefined;
  console.error = drop;
  console.warn = drop;
  console.log = drop;
  try {
    return fn();
  } finally {
    console.error = saved.error;
    console.warn = saved.warn;
    console.log = saved.log;
  }
}
/* eslint-enable no-console */
