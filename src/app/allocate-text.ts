/**
 * What `allocate` prints on the terminal, in the committee's words (issue 14, item 3): how many were admitted of
 * how many, each nominating body's seats and gender balance, reserves, shortfalls, the groups and teams in one
 * line each, and whether the result is proven the best possible. Solver names, objective values, bounds and the
 * seed only with `--verbose` (and always in summary.json). Built from the summary alone, in the catalogue's words.
 */
import { CATALOGUE, genderBalanceLines } from '../domain/i18n/index.js';
import type { GenderShort, VerboseDetail } from '../domain/i18n/catalogue.js';
import { formatNumber, formatPercent, type Lang } from '../domain/text.js';
import type { AllocateSummary } from './summary-schema.js';
import { renderTable } from './table.js';

export interface AllocateTextOptions {
  lang: Lang;
  verbose: boolean;
  /** Which solver answered each stage (machine-dependent, so never in summary.json): shown with --verbose. */
  solvers: ReadonlyArray<{ stage: string; solver: string | null }>;
}

type Rule = AllocateSummary['rules'][number];

/** Departure lines the terminal shows before it points to the report and summary.json for the rest. */
const MAX_DEPARTURE_LINES = 12;
type Cell = AllocateSummary['cells'][number];

/** The eligible candidates of the rule's gender in its scope, from the cells' counts. */
function eligibleFor(rule: Rule, cells: readonly Cell[]): number | null {
  if (rule.gender === null) return null;
  const g = rule.gender;
  const inScope = rule.scope === 'cohort' ? cells : rule.scope === 'sector' ? cells.filter((c) => c.sector === rule.scopeKey) : cells.filter((c) => c.key === rule.scopeKey);
  if (inScope.length === 0) return null;
  return inScope.reduce((sum, c) => sum + c.gender.eligible[g], 0);
}

function genderShort(rule: Rule, cells: readonly Cell[]): GenderShort | null {
  if (rule.kind !== 'gender' || rule.gender === null) return null;
  const cell = rule.scope === 'cell' ? cells.find((c) => c.key === rule.scopeKey) : undefined;
  return { scope: rule.scope, where: cell?.label ?? rule.scopeKey, gender: rule.gender, required: rule.required, actual: rule.actual, eligible: eligibleFor(rule, cells) };
}

/** `[[8, 5]]`: five groups of eight; sizes in ascending order. */
function sizeCounts(sizes: readonly number[]): Array<[number, number]> {
  const counts = new Map<number, number>();
  for (const s of sizes) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]);
}

/** `[[2, 2, 9], [2, 1, 1]]`: nine teams of 2 + 2 and one of 2 + 1; the most common first, then by make-up. */
function teamShapes(teams: AllocateSummary['teams']): Array<[number, number, number]> {
  const counts = new Map<string, [number, number, number]>();
  for (const t of teams) {
    const key = `${t.kommune}+${t.spesialist}`;
    const entry = counts.get(key) ?? [t.kommune, t.spesialist, 0];
    entry[2]++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b[2] - a[2] || b[0] + b[1] - (a[0] + a[1]) || b[0] - a[0]);
}

function figure(value: number | null, lang: Lang): string {
  if (value === null) return '–';
  return formatNumber(value, lang, Number.isInteger(value) ? undefined : { fixed: 4 });
}

export function allocateText(s: AllocateSummary, opts: AllocateTextOptions): string {
  const w = CATALOGUE[opts.lang].allocate;
  const out: string[] = [];
  out.push(`${w.heading(s.programme.name, s.programme.startDate)}\n`);
  out.push(
    `${w.admitted({ selected: s.counts.selected, candidates: s.counts.candidates, reserve: s.counts.reserve, excluded: s.counts.excluded, notEligible: s.counts.ineligible - s.counts.overCap, overCap: s.counts.overCap })}\n\n`,
  );
  const t = w.bodyTable;
  out.push(
    renderTable(
      [t.body, t.seats, t.eligible, t.admitted, t.reserves, t.missing, t.women, t.men],
      s.cells.map((c) => [w.body(c.label), c.seats, c.eligible, c.selected, c.reserves, c.shortfall, c.gender.selected.female, c.gender.selected.male]),
    ),
  );
  const g = s.gender;
  out.push(
    `\n${w.gender({ women: g.cohort.female, men: g.cohort.male, unknown: g.cohort.unknown, kommune: [g.sectors.kommune.female, g.sectors.kommune.male], spesialist: [g.sectors.spesialist.female, g.sectors.spesialist.male] })}\n`,
  );
  for (const c of s.cells) if (c.shortfall > 0) out.push(`${w.unfilled(w.body(c.label), c.shortfall, c.seats, c.eligible - c.excluded)}\n`);
  for (const r of s.rules) {
    if (r.met) continue;
    const short = genderShort(r, s.cells);
    if (short !== null) out.push(`${w.genderShort(short)}\n`);
  }
  out.push(committeeRuleLines(s, opts.lang));
  if (s.groups.length > 0) {
    out.push(
      `${w.groups({
        count: s.groups.length,
        sizes: sizeCounts(s.groups.map((q) => q.size)),
        bothSectors: s.groups.filter((q) => q.kommune > 0 && q.spesialist > 0).length,
        genderMet: s.groups.filter((q) => q.genderMinimumMet).length,
        orgClashes: s.groups.reduce((sum, q) => sum + q.organisationClashes.length, 0),
      })}\n`,
    );
  }
  if (s.teams.length > 0) {
    out.push(
      `${w.teams({
        count: s.teams.length,
        shapes: teamShapes(s.teams),
        catchmentMatched: s.teamMatch.catchmentMatched.count,
        catchmentBest: s.teamMatch.catchmentMatched.best,
        regionMatched: s.teamMatch.regionMatched.count,
        regionBest: s.teamMatch.regionMatched.best,
        groupsDistinct: s.teams.filter((x) => x.groupsDistinct).length,
        bothGenders: s.teams.filter((x) => x.bothGenders).length,
      })}\n`,
    );
  }
  for (const r of s.relaxations) out.push(`${w.relaxed(r.stage, r.code, r.ids)}\n`);
  out.push(`${w.proof(s.stages.map((x) => ({ stage: x.stage, status: x.status, gap: x.gap })))}\n`);
  if (opts.verbose) out.push(verboseDetail(s, opts));
  return out.join('');
}

/**
 * The committee's rules in lines: the cohort's and sectors' shares the bodies' lists do not reach and the proposal
 * that would (or, by agreement, did) reach them; every departure from a body's ranking, or one line saying there is
 * none; the seats the lottery decided, with the advice to have them ranked.
 */
function committeeRuleLines(s: AllocateSummary, lang: Lang): string {
  const w = CATALOGUE[lang].allocate;
  const out: string[] = [];
  const cellOf = new Map(s.cells.map((c) => [c.key, c]));
  const body = (key: string, label: string) => w.body(cellOf.get(key)?.label ?? label);
  const b = s.genderBalance;
  const balance = genderBalanceLines(
    { ...b, proposal: b.proposal === null ? null : { ...b.proposal, changes: b.proposal.changes.map((c) => ({ body: body(c.cell, c.label), out: c.out, in: c.in })) } },
    lang,
  );
  for (const l of balance.lines) out.push(`${l}\n`);
  for (const l of balance.changes) out.push(`- ${l}\n`);
  if (s.departures.length === 0) out.push(`${w.noDepartures}\n`);
  else {
    out.push(`\n${w.departuresHead(s.departures.length)}\n`);
    // A long list (a large cohort, a skewed year) is cut short on the terminal; summary.json and the report hold all.
    const shown = s.departures.length > MAX_DEPARTURE_LINES ? s.departures.slice(0, MAX_DEPARTURE_LINES - 1) : s.departures;
    for (const d of shown) out.push(`${w.departure({ body: body(d.cell, d.label), passedOver: d.passedOver, takenInstead: d.takenInstead, cause: d.cause, sameRank: d.sameRank })}\n`);
    if (shown.length < s.departures.length) out.push(`${w.moreDepartures(s.departures.length - shown.length)}\n`);
  }
  for (const l of s.lottery) {
    const cell = cellOf.get(l.cell);
    out.push(`${w.lottery({ body: body(l.cell, l.label), ranker: cell === undefined || cell.rhf === null ? 'KS' : cell.rhf, priority: l.priority, seats: l.seats, among: l.among.length, selected: l.selected })}\n`);
  }
  return out.join('');
}

/** --verbose: the seed, the group table, each stage's solver, objective, bound and gap, and the English detail. */
function verboseDetail(s: AllocateSummary, opts: AllocateTextOptions): string {
  const w = CATALOGUE[opts.lang].allocate;
  const lang = opts.lang;
  const out: string[] = [`\n${w.seed(s.seed)}\n`];
  const gt = w.groupTable;
  out.push(
    '\n' +
      renderTable(
        [gt.group, gt.size, gt.kommune, gt.spesialist, gt.women, gt.men, gt.regions, gt.clashes],
        s.groups.map((q) => [q.group, q.size, q.kommune, q.spesialist, q.female, q.male, q.regions.map((r) => `${r.region} ${r.count}`).join(', '), q.organisationClashes.length]),
      ),
  );
  const st = w.stageTable;
  out.push(
    '\n' +
      renderTable(
        [st.stage, st.status, st.solver, st.objective, st.bound, st.gap],
        s.stages.map((x) => [
          w.stageName(x.stage),
          w.solveStatus(x.status),
          opts.solvers.find((l) => l.stage === x.stage)?.solver ?? '–',
          figure(x.objective, lang),
          figure(x.bound, lang),
          x.gap === null ? '–' : x.gap === 0 ? '0' : formatPercent(x.gap, lang, { fixed: 2 }),
        ]),
      ),
  );
  // The pipeline's own explanations are recorded in English (summary.json); shown as detail on request, in the
  // run's language from their facts.
  const cellFacts = (c: Cell): VerboseDetail => ({
    kind: 'cell',
    body: w.body(c.label),
    seats: c.seats,
    nominated: c.nominated,
    eligible: c.eligible,
    excluded: c.excluded,
    shortfall: c.shortfall,
    ineligible: c.ineligibleByReason,
  });
  const ruleFacts = (r: Rule): VerboseDetail | null => {
    const short = genderShort(r, s.cells);
    if (short !== null) return { kind: 'gender', short };
    const cell = r.kind === 'quota' ? s.cells.find((c) => c.key === r.scopeKey) : undefined;
    return cell === undefined ? null : cellFacts(cell);
  };
  const lines: Array<string | null> = [];
  for (const r of s.rules) if (!r.met && r.explanation !== null) lines.push(w.detail(ruleFacts(r), r.explanation));
  for (const c of s.cells) if (c.explanation !== null && !s.rules.some((r) => r.explanation === c.explanation)) lines.push(w.detail(cellFacts(c), c.explanation));
  for (const r of s.relaxations) lines.push(w.detail({ kind: 'relaxed', stage: r.stage, code: r.code, ids: r.ids }, r.reason));
  for (const l of lines) if (l !== null) out.push(`${l}\n`);
  return out.join('');
}
