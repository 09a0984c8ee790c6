/**
 * Writing an .xlsx workbook: SpreadsheetML written directly, in a zip container built here. Not the
 * spreadsheet library: SheetJS Community Edition writes neither frozen panes nor bold headers, and a writer of
 * this size controls every byte, so that the same sheets give the same file on every machine (every zip entry
 * dated 1980-01-01, no creation date or author in the workbook, parts in a fixed order).
 *
 * Safe by construction: every text is an inline string (`t="inlineStr"`), never a formula, whatever it starts
 * with; text columns carry the Text number format (`@`), so that a coordinator who types into them keeps
 * leading zeros; dates are date serial numbers shown `dd.mm.yyyy`; numbers are numbers.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { epochDay, parseIsoDate } from '../domain/dates.js';

/** A cell: text, a number, a calendar date (`YYYY-MM-DD`), or blank. */
export type XCell = string | number | { date: string } | null;

export interface XColumn {
  header: string;
  /** `text` (format `@`), `number` (General) or `date` (`dd.mm.yyyy`). */
  kind: 'text' | 'number' | 'date';
}

export interface XSheet {
  /** At most 31 characters, none of `[]:*?/\`; unique in the workbook (case-insensitive). */
  name: string;
  columns: readonly XColumn[];
  rows: ReadonlyArray<readonly XCell[]>;
  /** Freeze the header row and put an autofilter on the table. Default true. */
  table?: boolean | undefined;
}

/** Style indexes in styles.xml: cellXfs order. */
const STYLE = { general: 0, header: 1, text: 2, date: 3, number: 4 } as const;

/** Column widths in characters: at least the header's, at most this. */
const MAX_WIDTH = 60;
const MIN_WIDTH = 6;

/** A valid, unique sheet name for `wanted` (spreadsheet rules: 31 characters, no `[]:*?/\`). */
export function sheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').slice(0, 31) || 'Ark';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  return name;
}

/** The workbook's bytes. Same sheets → same bytes. */
export function workbookBytes(sheets: readonly XSheet[]): Uint8Array {
  const names = new Set<string>();
  for (const s of sheets) {
    if (s.name.length > 31 || /[[\]:*?/\\]/.test(s.name) || names.has(s.name.toLowerCase())) throw new Error(`invalid or repeated sheet name ${JSON.stringify(s.name)}`);
    names.add(s.name.toLowerCase());
  }
  const parts: Array<[string, string]> = [
    ['[Content_Types].xml', contentTypes(sheets.length)],
    ['_rels/.rels', ROOT_RELS],
    ['xl/workbook.xml', workbookXml(sheets)],
    ['xl/_rels/workbook.xml.rels', workbookRels(sheets.length)],
    ['xl/styles.xml', STYLES],
    ...sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)]),
  ];
  return zip(parts.map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })));
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function contentTypes(n: number): string {
  const sheets = Array.from({ length: n }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets}</Types>`;
}

const ROOT_RELS = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

function workbookRels(n: number): string {
  const sheets = Array.from({ length: n }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets}<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`;
}

function workbookXml(sheets: readonly XSheet[]): string {
  const list = sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  // Excel keeps an autofilter's range in this hidden name as well; without it some versions drop the filter.
  const filters = sheets
    .map((s, i) => (s.table === false || s.columns.length === 0 ? '' : `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${esc(s.name.replace(/'/g, "''"))}'!${absRange(s)}</definedName>`))
    .join('');
  return `${XML}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${list}</sheets>${filters === '' ? '' : `<definedNames>${filters}</definedNames>`}<calcPr calcId="0"/></workbook>`;
}

// numFmt 49 is the built-in Text format `@`; 164 is the first custom id.
const STYLES = `${XML}<styleSheet xmlns="${NS_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function sheetXml(s: XSheet): string {
  const table = s.table !== false && s.columns.length > 0;
  const cols = s.columns
    .map((c, i) => {
      const longest = Math.max(c.header.length, ...s.rows.map((r) => displayLength(r[i] ?? null)));
      const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
      const style = c.kind === 'text' ? ` style="${STYLE.text}"` : c.kind === 'date' ? ` style="${STYLE.date}"` : '';
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"${style}/>`;
    })
    .join('');
  const header = `<row r="1">${s.columns.map((c, i) => `<c r="${ref(i, 1)}" s="${STYLE.header}" t="inlineStr"><is><t xml:space="preserve">${esc(c.header)}</t></is></c>`).join('')}</row>`;
  const body = s.rows
    .map((r, ri) => {
      const row = ri + 2;
      const cells = r.map((v, ci) => cellXml(v, s.columns[ci]?.kind ?? 'text', ref(ci, row))).join('');
      return `<row r="${row}">${cells}</row>`;
    })
    .join('');
  const view = table
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const dimension = s.columns.length === 0 ? 'A1' : `A1:${ref(s.columns.length - 1, s.rows.length + 1)}`;
  const filter = table ? `<autoFilter ref="${dimension}"/>` : '';
  return `${XML}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="${dimension}"/>${view}<sheetFormatPr defaultRowHeight="15"/>${cols === '' ? '' : `<cols>${cols}</cols>`}<sheetData>${header}${body}</sheetData>${filter}</worksheet>`;
}

function cellXml(v: XCell, kind: XColumn['kind'], at: string): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${at}" s="${STYLE.number}"><v>${v}</v></c>` : '';
  if (typeof v === 'object') {
    const serial = dateSerial(v.date);
    return serial === null ? inlineText(v.date, at) : `<c r="${at}" s="${STYLE.date}"><v>${serial}</v></c>`;
  }
  return inlineText(v, at, kind === 'text' ? STYLE.text : STYLE.general);
}

function inlineText(text: string, at: string, style: number = STYLE.text): string {
  return `<c r="${at}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${esc(text)}</t></is></c>`;
}

/** Days since 1899-12-30 (the 1900 date system as Excel and LibreOffice count it), or null for a non-date. */
export function dateSerial(iso: string): number | null {
  const d = parseIsoDate(iso);
  // 25 569 days from 1899-12-30 to 1970-01-01.
  return d === null ? null : epochDay(d) + 25_569;
}

function displayLength(v: XCell): number {
  if (v === null) return 0;
  if (typeof v === 'number') return String(v).length;
  if (typeof v === 'object') return 10;
  // The longest line of a cell with line breaks.
  return Math.max(...v.split('\n').map((l) => l.length));
}

function absRange(s: XSheet): string {
  return `$A$1:$${columnLetters(s.columns.length - 1)}$${s.rows.length + 1}`;
}

function ref(col: number, row: number): string {
  return `${columnLetters(col)}${row}`;
}

function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** XML text: markup escaped; characters XML 1.0 cannot hold (control characters, lone surrogates) dropped. */
function esc(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

// ---------------------------------------------------------------------------------------------------------
// A zip container: deflated entries, fixed dates, no extra fields. Deterministic for the same entries.

/** 1980-01-01 00:00 in MS-DOS date and time form: the earliest a zip can say, the same on every run. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function zip(entries: ReadonlyArray<{ name: string; data: Uint8Array }>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = deflateRawSync(e.data, { level: 9 });
    const crc = crc32(e.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(DOS_TIME, 12);
    dir.writeUInt16LE(DOS_DATE, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(dir, name);
    offset += local.length + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dirBytes, end]);
}
