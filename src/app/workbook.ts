/**
 * `--format xlsx`: the allocation as one workbook a coordinator can hand on. Sheets: an overview, the whole
 * allocation (the decisions `cohort check`, `report` and `replace` read back: the same columns as
 * allocation.csv), then views of it: admitted, reserves by quota cell, not eligible with reasons, over the
 * nomination cap, workshop groups, project teams, and one sheet per nominating body (KS and each RHF).
 *
 * Typed cells: ids, phone-like and other text columns as text; birth dates as dates; experience, priority,
 * ranks and group numbers as numbers. Values come from the same rows as allocation.csv, so the two formats
 * never disagree.
 */
import type { Candidate } from '../domain/types.js';
import { RHFS } from '../domain/types.js';
import { parseDate, parseDecimal } from '../read/values.js';
import { sheetName, type XCell, type XColumn, type XSheet } from '../io/xlsx-write.js';
import type { AllocateSummary } from './summary-schema.js';
import { localised, type OutputTable, type TableColumn } from './outputs.js';
import { decisionColumns, decisionRows } from './decisions-sheet.js';

/** The name of the sheet that holds every decision; read back first by `check`, `report` and `replace`. */
const ALLOCATION_SHEET = { nb: 'Tildeling', en: 'Allocation' } as const;

const WORDS = {
  nb: {
    overview: 'Oversikt',
    selected: 'Tatt opp',
    reserves: 'Reserver',
    ineligible: 'Ikke kvalifisert',
    overCap: 'Over nominasjonstaket',
    decisions: 'Komitévedtak',
    groups: 'Verkstedgrupper',
    teams: 'Prosjektgrupper',
    ks: 'KS (kommune)',
    item: 'Hva',
    value: 'Verdi',
    readBack: 'Arket «Tildeling» har alle vedtak; cohort check, report og replace leser det. De andre arkene er utdrag.',
    programme: 'Program',
    start: 'Oppstart',
    seed: 'Loddtrekningsnøkkel',
    candidates: 'Kandidater',
    excluded: 'Ekskludert',
    allRulesMet: 'Alle regler oppfylt',
    yes: 'Ja',
    no: 'Nei',
    short: 'mangler',
    reservesLower: 'reserver',
  },
  en: {
    overview: 'Overview',
    selected: 'Admitted',
    reserves: 'Reserves',
    ineligible: 'Not eligible',
    overCap: 'Over nomination cap',
    decisions: 'Committee decisions',
    groups: 'Workshop groups',
    teams: 'Project teams',
    ks: 'KS (municipal)',
    item: 'Item',
    value: 'Value',
    readBack: 'The sheet "Allocation" holds every decision; cohort check, report and replace read it. The other sheets are views of it.',
    programme: 'Programme',
    start: 'Start',
    seed: 'Lottery seed',
    candidates: 'Candidates',
    excluded: 'Excluded',
    allRulesMet: 'Every rule met',
    yes: 'Yes',
    no: 'No',
    short: 'short',
    reservesLower: 'reserves',
  },
} as const;

export interface WorkbookInput {
  /** allocation.csv's columns and rows, as the CSV writer has them before it writes them in `lang`. */
  allocation: OutputTable;
  /** groups.csv's. */
  groups: OutputTable;
  candidates: readonly Candidate[];
  summary: Pick<AllocateSummary, 'programme' | 'seed' | 'counts' | 'cells' | 'allRulesMet' | 'decisions'>;
  lang: 'nb' | 'en';
}

/** Columns of allocation.csv that hold numbers; every other column is text unless it is a date. */
const NUMBER_COLUMNS: ReadonlySet<string> = new Set(['reserve_rank', 'workshop_group', 'project_team', 'source_line', 'number', 'experience_years', 'priority']);

function columnKind(column: TableColumn): XColumn['kind'] {
  if (!('tool' in column)) return 'text';
  if (NUMBER_COLUMNS.has(column.tool)) return 'number';
  return column.tool === 'birth_date' ? 'date' : 'text';
}

/** A cell of a typed column: a number or a date when the text is one, else the text as it is. */
function typed(text: string, kind: XColumn['kind']): XCell {
  if (text === '') return null;
  if (kind === 'number') {
    const n = parseDecimal(text);
    return n.ok ? n.value : text;
  }
  if (kind === 'date') {
    const d = parseDate(text);
    return d.ok ? { date: d.value } : text;
  }
  return text;
}

export function allocationWorkbook(input: WorkbookInput): XSheet[] {
  const w = WORDS[input.lang];
  const taken = new Set<string>();
  const sheets: XSheet[] = [];
  const add = (name: string, columns: readonly XColumn[], rows: ReadonlyArray<readonly XCell[]>, table = true): void => {
    const n = sheetName(name, taken);
    taken.add(n.toLowerCase());
    sheets.push({ name: n, columns, rows, table });
  };
  // Rows are picked by the tool's values (`selected`) and written in the language's words.
  const table = input.allocation;
  const words = localised(table, input.lang);
  const kinds = table.columns.map(columnKind);
  const columns = words.header.map((h, i): XColumn => ({ header: h, kind: kinds[i] ?? 'text' }));
  const typedRows = words.body.map((r) => r.map((v, i) => typed(v, kinds[i] ?? 'text')));
  const at = (name: string) => table.columns.findIndex((c) => 'tool' in c && c.tool === name);
  const col = { status: at('status'), id: at('id') };
  const pick = (pred: (r: readonly string[]) => boolean) => typedRows.filter((_, i) => pred(table.body[i] ?? []));

  // Overview: the programme, the counts, and each quota cell.
  const s = input.summary;
  const overview: XCell[][] = [
    [w.programme, s.programme.name],
    [w.start, { date: s.programme.startDate }],
    [w.seed, s.seed],
    [w.candidates, s.counts.candidates],
    [w.selected, s.counts.selected],
    [w.reserves, s.counts.reserve],
    [w.excluded, s.counts.excluded],
    [w.ineligible, s.counts.ineligible - s.counts.overCap],
    [w.overCap, s.counts.overCap],
    [w.allRulesMet, s.allRulesMet ? w.yes : w.no],
    [],
    ...s.cells.map((c): XCell[] => [c.label, `${c.selected}/${c.seats}${c.shortfall > 0 ? ` (${w.short} ${c.shortfall})` : ''}, ${w.reservesLower} ${c.reserves}`]),
    [],
    [w.readBack],
  ];
  add(w.overview, [{ header: w.item, kind: 'text' }, { header: w.value, kind: 'text' }], overview, false);

  add(ALLOCATION_SHEET[input.lang], columns, typedRows);
  add(w.selected, columns, pick((r) => r[col.status] === 'selected'));
  add(w.reserves, columns, pick((r) => r[col.status] === 'reserve'));
  // A fresh allocation has `over_cap` for those over the nomination cap only (outputStatus).
  add(w.ineligible, columns, pick((r) => r[col.status] === 'ineligible'));
  add(w.overCap, columns, pick((r) => r[col.status] === 'over_cap'));
  if (s.decisions.length > 0) add(w.decisions, decisionColumns(input.lang), decisionRows(s.decisions, input.lang));

  const groups = input.groups;
  const gWords = localised(groups, input.lang);
  const gKinds = groups.columns.map(columnKind);
  const gColumns = gWords.header.map((h, i): XColumn => ({ header: h, kind: gKinds[i] ?? 'text' }));
  const kindAt = groups.columns.findIndex((c) => 'tool' in c && c.tool === 'kind');
  const gRows = (kind: string) => gWords.body.filter((_, i) => groups.body[i]?.[kindAt] === kind).map((r) => r.map((v, i) => typed(v, gKinds[i] ?? 'text')));
  add(w.groups, gColumns, gRows('workshop_group'));
  add(w.teams, gColumns, gRows('project_team'));

  // One sheet per nominating body: KS for the municipal side, each RHF for the specialist side.
  const byId = new Map(input.candidates.map((c) => [c.id, c]));
  const bodyOf = (r: readonly string[]): string | null => {
    const c = byId.get(r[col.id] ?? '');
    if (c === undefined) return null;
    return c.sector === 'kommune' ? w.ks : c.rhf;
  };
  for (const body of [w.ks, ...RHFS]) add(body, columns, pick((r) => bodyOf(r) === body));
  return sheets;
}
