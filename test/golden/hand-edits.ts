/**
 * The hand-edited allocations of `fixtures/hand-edited/`, derived from the golden sample allocation
 * (`fixtures/golden/sample-nb/allocation.csv`) the way a committee member would edit it in Excel. The golden
 * test keeps the committed files equal to these derivations (`UPDATE_GOLDEN=1` rewrites them); the check test
 * runs `cohort check` on them.
 *
 * Every edit picks its people by rule (the Helse Vest reserve ranked 1, the first member of a group whose
 * organisation is new to the other group, …), never by a hard-coded id, so that a changed sample allocation
 * gives the same kind of break.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { encodeCp1252 } from '../../scripts/lib/generate.js';
import { CATALOGUE } from '../../src/domain/i18n/index.js';

const NB = CATALOGUE.nb.files;
type Status = keyof typeof NB.status;

/**
 * One allocation row, by the tool's column names and statuses (`status`, `selected`) whichever language the file is
 * written in (the sample's is bokmål: `Status`, `tatt opp`); `cells` keeps the order for writing it back.
 */
class Table {
  readonly header: string[];
  readonly rows: string[][];
  /** Whether the file is written in bokmål. */
  private readonly nb: boolean;
  constructor(text: string) {
    const records = parse(text.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
    this.header = records[0] ?? [];
    this.rows = records.slice(1);
    this.nb = this.header.includes(NB.columns.status);
  }

  private col(name: string): number {
    const nbName = (NB.columns as Readonly<Record<string, string>>)[name] ?? (NB.candidateColumns as Readonly<Record<string, string>>)[name] ?? name;
    const i = this.header.indexOf(this.nb ? nbName : name);
    if (i < 0) throw new Error(`hand-edits: no column ${name}`);
    return i;
  }

  get(row: string[], name: string): string {
    const v = row[this.col(name)] ?? '';
    return name === 'status' && this.nb ? ((Object.keys(NB.status) as Status[]).find((k) => NB.status[k] === v) ?? v) : v;
  }

  set(row: string[], name: string, value: string): void {
    row[this.col(name)] = name === 'status' && this.nb ? NB.status[value as Status] : value;
  }

  find(pred: (row: string[]) => boolean, what: string): string[] {
    const r = this.rows.find(pred);
    if (r === undefined) throw new Error(`hand-edits: no row for ${what}`);
    return r;
  }

  /** CSV text as `cohort allocate` writes it (`;`, CRLF, quoted only where needed); cells written as they are. */
  text(): string {
    return stringify([this.header, ...this.rows], { delimiter: ';', record_delimiter: '\r\n', quote_record_delimiter: true, eof: true });
  }

  /** UTF-8 with a BOM, like the original. */
  utf8(): Uint8Array {
    return Buffer.from(`\uFEFF${this.text()}`, 'utf8');
  }
}

const org = (t: Table, r: string[]): string => t.get(r, 'organisation').trim().toLowerCase();
const members = (t: Table, column: 'workshop_group' | 'project_team', n: string): string[][] => t.rows.filter((r) => t.get(r, column) === n);
const priority = (t: Table, r: string[]): number => {
  const p = t.get(r, 'priority');
  return p === '' ? Number.POSITIVE_INFINITY : Number(p);
};

export interface HandEdit {
  /** File name under fixtures/hand-edited/. */
  name: string;
  /** What was done, for the fixtures' README. */
  description: string;
  derive: (allocationCsv: string) => Uint8Array;
}

export const HAND_EDITS: readonly HandEdit[] = [
  {
    name: 'helse-vest-5th.csv',
    description: 'the Helse Vest reserve ranked 1 set to selected (rank cleared) and put into workshop group 1 and project team 1: 5 selected for 4 seats',
    derive: (text) => {
      const t = new Table(text);
      const r = t.find((x) => t.get(x, 'cell') === 'spesialist/Helse Vest' && t.get(x, 'reserve_rank') === '1', 'the Helse Vest reserve 1');
      t.set(r, 'status', 'selected');
      t.set(r, 'reserve_rank', '');
      t.set(r, 'workshop_group', '1');
      t.set(r, 'project_team', '1');
      return t.utf8();
    },
  },
  {
    name: 'group-of-9.csv',
    description: 'the first member of workshop group 2 whose organisation is new to group 1 moved into group 1: a group of 9 (and one of 7)',
    derive: (text) => {
      const t = new Table(text);
      const g1 = members(t, 'workshop_group', '1');
      const orgs = new Set(g1.map((x) => org(t, x)));
      const mover = t.find((x) => t.get(x, 'workshop_group') === '2' && !orgs.has(org(t, x)), 'a member of group 2 new to group 1');
      t.set(mover, 'workshop_group', '1');
      return t.utf8();
    },
  },
  {
    name: 'team-3-1.csv',
    description: 'a municipal member of project team 1 and a specialist member of project team 2 swapped teams: teams of 1 + 3 and 3 + 1',
    derive: (text) => {
      const t = new Table(text);
      const sectorOf = (x: string[]) => (t.get(x, 'cell') === 'kommune' ? 'kommune' : 'spesialist');
      const t1 = members(t, 'project_team', '1');
      const t2 = members(t, 'project_team', '2');
      const k = t1.find((x) => sectorOf(x) === 'kommune' && !t2.some((y) => org(t, y) === org(t, x)));
      const s = t2.find((x) => sectorOf(x) === 'spesialist' && !t1.some((y) => org(t, y) === org(t, x)));
      if (k === undefined || s === undefined) throw new Error('hand-edits: no clash-free swap between teams 1 and 2');
      t.set(k, 'project_team', '2');
      t.set(s, 'project_team', '1');
      return t.utf8();
    },
  },
  {
    name: 'ineligible-swapped-in.csv',
    description: 'the first ineligible Helse Vest candidate set to selected in the place (group and team) of the worst-ranked selected Helse Vest participant, who is set to reserve without a rank',
    derive: (text) => {
      const t = new Table(text);
      const inCell = (x: string[]) => t.get(x, 'cell') === 'spesialist/Helse Vest';
      const ineligible = t.find((x) => inCell(x) && t.get(x, 'status') === 'ineligible', 'an ineligible Helse Vest candidate');
      const selected = t.rows.filter((x) => inCell(x) && t.get(x, 'status') === 'selected').sort((a, b) => priority(t, b) - priority(t, a));
      const out = selected[0];
      if (out === undefined) throw new Error('hand-edits: no selected Helse Vest participant');
      t.set(ineligible, 'status', 'selected');
      t.set(ineligible, 'workshop_group', t.get(out, 'workshop_group'));
      t.set(ineligible, 'project_team', t.get(out, 'project_team'));
      t.set(out, 'status', 'reserve');
      t.set(out, 'workshop_group', '');
      t.set(out, 'project_team', '');
      return t.utf8();
    },
  },
  {
    name: 'committee-swap.csv',
    description:
      'the committee took the Helse Sør-Øst reserve ranked 1 in, in the place (group and team) of the best-ranked selected Helse Sør-Øst participant of the same gender, who becomes reserve 1: justified envy, which the committee may choose (exit 0; exit 1 with --strict)',
    derive: (text) => {
      const t = new Table(text);
      const inCell = (x: string[]) => t.get(x, 'cell') === 'spesialist/Helse Sør-Øst';
      const r = t.find((x) => inCell(x) && t.get(x, 'reserve_rank') === '1', 'the Helse Sør-Øst reserve 1');
      const clashFree = (x: string[]) =>
        [...members(t, 'workshop_group', t.get(x, 'workshop_group')), ...members(t, 'project_team', t.get(x, 'project_team'))].every((y) => y === x || org(t, y) !== org(t, r));
      const s = t.rows
        .filter((x) => inCell(x) && t.get(x, 'status') === 'selected' && t.get(x, 'gender') === t.get(r, 'gender') && priority(t, x) < priority(t, r) && clashFree(x))
        .sort((a, b) => priority(t, a) - priority(t, b))[0];
      if (s === undefined) throw new Error('hand-edits: no selected Helse Sør-Øst participant to swap with');
      t.set(r, 'status', 'selected');
      t.set(r, 'reserve_rank', '');
      t.set(r, 'workshop_group', t.get(s, 'workshop_group'));
      t.set(r, 'project_team', t.get(s, 'project_team'));
      t.set(s, 'status', 'reserve');
      t.set(s, 'reserve_rank', '1');
      t.set(s, 'workshop_group', '');
      t.set(s, 'project_team', '');
      return t.utf8();
    },
  },
  {
    name: 'excel-resaved.csv',
    description: 'the untouched allocation as Excel saves plain "CSV" on Norwegian Windows: `;`, Windows-1252, no BOM (passes: exit 0)',
    derive: (text) => encodeCp1252(new Table(text).text()),
  },
  {
    name: 'unknown-id.csv',
    description: 'the id of the Helse Nord reserve ranked 1 mistyped as TLP-9999: an id that is not a candidate, and a candidate without a row (exit 3)',
    derive: (text) => {
      const t = new Table(text);
      const r = t.find((x) => t.get(x, 'cell') === 'spesialist/Helse Nord' && t.get(x, 'reserve_rank') === '1', 'the Helse Nord reserve 1');
      t.set(r, 'id', 'TLP-9999');
      return t.utf8();
    },
  },
];
