/**
 * `cohort screen`: read → validate → screen → write screening.csv, print a per-cell summary.
 */
import { EXIT } from '../domain/errors.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import { quotaCells, type Programme } from '../domain/programme.js';
import type { Lang } from '../domain/text.js';
import type { ReasonFacts, ScreenedCandidate } from '../domain/types.js';
import { toCsv, writeOutputs } from '../io/csv-write.js';
import { inputPaths, loadInputs, type InputOptions, type LoadedInputs } from './load.js';
import { runWarningLines, warningsInLang, type CommandOutcome } from './outcome.js';
import { compareCodeUnits } from '../domain/compare.js';
import { localised, outputColumns, passThrough } from './outputs.js';
import type { ScreenSummary } from './summary-schema.js';
import { renderTable } from './table.js';

/** What every command that reads candidates and writes into an output directory takes. */
export interface ScreenOptions extends InputOptions {
  out: string;
  json: boolean;
  force: boolean;
}

export const NO_CELL = '(no cell)';

/**
 * A `reasons` or `warnings` cell in `lang`: each reason from its facts (the English text where it has none; in
 * English only where another reason of the list says it, `facts` null), joined by `; `.
 */
export function joinReasons(rs: ReadonlyArray<{ text: string; facts?: ReasonFacts | null | undefined }>, lang: Lang): string {
  const words = CATALOGUE[lang].files;
  return rs
    .flatMap((r) => (r.facts === undefined ? [r.text] : r.facts === null ? (lang === 'en' ? [r.text] : []) : [words.reason(r.facts, r.text)]))
    .join('; ');
}

/** screening.csv: every input row once, sorted by id (so input row order never matters). */
export function screeningCsv(inputs: LoadedInputs): string {
  const pt = passThrough(inputs.read.candidates, inputs.read.files, inputs.outputDecimal);
  const rows = [...inputs.screening.screened]
    .sort((a, b) => compareCodeUnits(a.candidate.id, b.candidate.id))
    .map((s) => [s.candidate.id, s.status, s.cell ?? '', joinReasons(s.reasons, inputs.outputLang), joinReasons(s.warnings, inputs.outputLang), ...pt.row(s.candidate), s.candidate.ref.file, String(s.candidate.ref.line)]);
  const t = localised({ columns: outputColumns(['id', 'status', 'cell', 'reasons', 'warnings'], pt, ['source_file', 'source_line']), body: rows }, inputs.outputLang);
  return toCsv(t.header, t.body, { delimiter: inputs.outputDelimiter });
}

export interface CellScreening {
  cell: string;
  candidates: number;
  eligible: number;
  ineligible: number;
  /** Ineligible candidates by reason code (a candidate with two reasons counts under both). */
  byReason: Record<string, number>;
}

export function screeningByCell(inputs: LoadedInputs): CellScreening[] {
  const keys = [...quotaCells(inputs.programme).map((c) => c.key), NO_CELL];
  const byCell = new Map<string, ScreenedCandidate[]>(keys.map((k) => [k, []]));
  for (const s of inputs.screening.screened) byCell.get(s.cell ?? NO_CELL)?.push(s);
  return keys
    .map((cell) => {
      const list = byCell.get(cell) ?? [];
      const byReason: Record<string, number> = {};
      for (const s of list) for (const r of s.reasons) byReason[r.code] = (byReason[r.code] ?? 0) + 1;
      const sorted = Object.fromEntries(Object.entries(byReason).sort(([a], [b]) => compareCodeUnits(a, b)));
      const eligible = list.filter((s) => s.status === 'eligible').length;
      return { cell, candidates: list.length, eligible, ineligible: list.length - eligible, byReason: sorted };
    })
    .filter((c) => c.cell !== NO_CELL || c.candidates > 0);
}

/** The per-body table on the terminal, in the catalogue's words (the cell keys stay in summary.json). */
export function screeningTable(cells: readonly CellScreening[], programme: Programme, lang: Lang): string {
  const cat = CATALOGUE[lang];
  const w = cat.screen;
  const labels = new Map(quotaCells(programme).map((c) => [c.key, c.label]));
  const total = cells.reduce(
    (a, c) => ({ candidates: a.candidates + c.candidates, eligible: a.eligible + c.eligible, ineligible: a.ineligible + c.ineligible }),
    { candidates: 0, eligible: 0, ineligible: 0 },
  );
  const reason = (code: string) => cat.reasons[code]?.(programme.eligibility.minAge) ?? code;
  const rows = cells.map((c) => [
    c.cell === NO_CELL ? w.noCell : cat.allocate.body(labels.get(c.cell) ?? c.cell),
    c.candidates,
    c.eligible,
    c.ineligible,
    Object.entries(c.byReason).map(([k, v]) => `${reason(k)} ${v}`).join(', '),
  ]);
  rows.push([w.total, total.candidates, total.eligible, total.ineligible, '']);
  const h = w.header;
  return renderTable([h.body, h.candidates, h.eligible, h.ineligible, h.byReason], rows);
}

export async function runScreen(opts: ScreenOptions): Promise<CommandOutcome> {
  const inputs = loadInputs(opts);
  const cells = screeningByCell(inputs);
  const lang = opts.lang ?? 'nb';
  const warnings = warningsInLang([...inputs.read.warnings, ...inputs.screening.warnings], lang);
  const summary: ScreenSummary = {
    schemaVersion: 1,
    command: 'screen',
    programme: { name: inputs.programme.name, source: inputs.programmeSource, sha256: inputs.programmeSha256 },
    inputs: inputs.inputHashes.map((h) => ({ file: h.file, sha256: h.sha256 })),
    candidates: inputs.read.candidates.length,
    cells,
    warnings,
  };
  writeOutputs(opts.out, [{ name: 'screening.csv', content: screeningCsv(inputs) }], { force: opts.force, cwd: opts.cwd, inputs: inputPaths(opts) });
  const warnText = runWarningLines(warnings, lang);
  if (opts.json) return { stdout: JSON.stringify(summary, null, 2) + '\n', stderr: warnText, exitCode: EXIT.ok };
  return {
    stdout: `${screeningTable(cells, inputs.programme, lang)}\n${CATALOGUE[lang].screen.wrote(`${opts.out}/screening.csv`, inputs.read.candidates.length)}\n`,
    stderr: warnText,
    exitCode: EXIT.ok,
  };
}
