/**
 * The committee's report: one self-contained HTML file (inline CSS, no scripts, no network, system fonts)
 * drawn from a `ReportView`. Pure and deterministic: the same view and language give the same bytes.
 *
 * Safety: every value from the view goes through the `html` tag, which escapes it; the page's
 * Content-Security-Policy (`default-src 'none'`) also stops the browser from fetching anything, should a
 * later edit ever add a link to the outside.
 */
import { compareCodeUnits } from '../domain/compare.js';
import { sectorMixHolds } from '../domain/rules.js';
import { SECTORS, type Gender, type Sector } from '../domain/types.js';
import { html, raw, type SafeHtml } from './html.js';
import { REPORT_CSS } from './style.js';
import { CATALOGUE, genderBalanceLines } from '../domain/i18n/index.js';
import type { StageOutcome } from '../domain/i18n/catalogue.js';
import type { CellView, GenderSplit, GroupView, ListedCandidateView, PersonView, ReportLang, ReportView, RuleView, TeamView } from './view.js';
import { REASON_ORDER, WORDS, type ReportWords } from './words.js';
import { decisionsSection, overCapSection, overCapStat } from './committee.js';

/** The page's policy: nothing may be loaded but the inline stylesheet (and the empty data: icon). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const GENDERS: readonly Gender[] = ['female', 'male', 'unknown'];

interface Ctx {
  lang: ReportLang;
  w: ReportWords;
  view: ReportView;
  cellByKey: Map<string, CellView>;
}

/** Render the report. `lang` defaults to Norwegian (bokmål). */
export function renderReport(view: ReportView, lang: ReportLang = 'nb'): string {
  const w = WORDS[lang];
  const ctx: Ctx = { lang, w, view, cellByKey: new Map(view.cells.map((c) => [c.key, c])) };
  const title = `${view.programme.name} – ${w.titleSuffix}`;
  const facts = overviewFacts(ctx);
  const page = html`<!DOCTYPE html>
<html lang="${w.htmlLang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${view.tool.name} ${view.tool.version}">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>${raw(REPORT_CSS)}</style>
</head>
<body>
<main>
${overviewSection(ctx, facts)}
${rulesSection(ctx)}
${longFactsSection(facts)}
${groupsSection(ctx)}
${teamsSection(ctx)}
${reservesSection(ctx)}
${ineligibleSection(ctx)}
${overCapSection(view, lang)}
${excludedSection(ctx)}
${decisionsSection(view, lang)}
${warningsSection(ctx)}
</main>
${footer(ctx)}
</body>
</html>
`;
  return page.value;
}

// ---------------------------------------------------------------------------------------------------------
// Pieces

function cellName(ctx: Ctx, key: string | null): string {
  if (key === null) return '–';
  const c = ctx.cellByKey.get(key);
  if (c === undefined) return key;
  return c.rhf ?? ctx.w.sector(c.sector, true);
}

/** A horizontal bar of proportional segments; the numbers are always written next to it too. */
function bar(segments: ReadonlyArray<{ cls: string; n: number }>, label: string): SafeHtml {
  const shown = segments.filter((s) => s.n > 0);
  return html`<div class="bar" role="img" aria-label="${label}">${shown.map((s) => html`<span class="${s.cls}" style="flex-grow: ${s.n}"></span>`)}</div>`;
}

function genderLegend(w: ReportWords, g: GenderSplit): string {
  return GENDERS.filter((x) => x !== 'unknown' || g.unknown > 0)
    .map((x) => w.genderCount(g[x], x))
    .join(' · ');
}

/** The gender split; `unfilled` seats (a quota cell's shortfall) show as a hatched rest of the bar. */
function genderBar(w: ReportWords, g: GenderSplit, unfilled = 0): SafeHtml {
  const legend = genderLegend(w, g);
  const segments = [...GENDERS.map((x) => ({ cls: `s-${x}`, n: g[x] })), { cls: 's-unfilled', n: unfilled }];
  return html`<div class="barline">${bar(segments, unfilled > 0 ? `${legend} · ${unfilled} ${w.shortfall.toLowerCase()}` : legend)}<span class="legend">${legend}</span></div>`;
}

function sectorBar(w: ReportWords, k: number, s: number): SafeHtml {
  const legend = `${k} ${w.sector('kommune').toLowerCase()} · ${s} ${w.sector('spesialist').toLowerCase()}`;
  return html`<div class="barline">${bar(
    [
      { cls: 's-kommune', n: k },
      { cls: 's-spesialist', n: s },
    ],
    legend,
  )}<span class="legend">${legend}</span></div>`;
}

function genderPill(w: ReportWords, g: Gender): SafeHtml {
  return html`<span class="pill g-${g === 'female' ? 'female' : g === 'male' ? 'male' : 'unknown'}" title="${w.genderWord(g)}">${w.genderShort(g)}</span>`;
}

function sectorCell(w: ReportWords, s: Sector): SafeHtml {
  return html`<span class="nowrap"><span class="sec ${s === 'kommune' ? 'kommune' : 'spesialist'}"></span>${w.sector(s)}</span>`;
}

/** Name, then id, job title and e-mail (when the files have them) in small type. */
function who(p: PersonView): SafeHtml {
  const pos = p.position ?? '';
  const mail = p.email ?? '';
  return html`<span class="who">${p.name}</span><span class="id">${p.id}</span>${pos !== '' && html`<span class="pos">${pos}</span>`}${mail !== '' && html`<span class="mail">${mail}</span>`}`;
}

function check(ok: boolean, okText: string, badText: string): SafeHtml {
  return ok ? html`<li class="ok">✓ ${okText}</li>` : html`<li class="bad">✗ ${badText}</li>`;
}

function countGenders(people: readonly PersonView[]): GenderSplit {
  const g: GenderSplit = { female: 0, male: 0, unknown: 0 };
  for (const p of people) g[p.gender] += 1;
  return g;
}

/** Detail text without its leading `code: `, which the section heading already says in words. */
function detail(text: string, code: string): string {
  return text.startsWith(`${code}: `) ? text.slice(code.length + 2) : text;
}

/** The pipeline's English detail, on the English page only (the Norwegian page says it in its own words). */
function pipelineText(ctx: Ctx, text: string | null): string | null {
  return ctx.w.pipelineDetail ? text : null;
}

function byNameThenId(a: PersonView, b: PersonView): number {
  return compareCodeUnits(a.name, b.name) || compareCodeUnits(a.id, b.id);
}

function bySectorThenName(a: PersonView, b: PersonView): number {
  return SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector) || byNameThenId(a, b);
}

// ---------------------------------------------------------------------------------------------------------
// Sections

/** The solver stages the catalogue can judge; a view without them (a re-read allocation) has none. */
function stageOutcomes(view: ReportView): StageOutcome[] {
  const STAGES: ReadonlyArray<StageOutcome['stage']> = ['selection', 'groups', 'teams'];
  const STATUSES: ReadonlyArray<StageOutcome['status']> = ['optimal', 'feasible', 'infeasible', 'timed_out', 'unbounded', 'error'];
  return view.stages.flatMap((s) => {
    const stage = STAGES.find((x) => x === s.stage);
    const status = STATUSES.find((x) => x === s.status);
    return stage === undefined || status === undefined ? [] : [{ stage, status, gap: s.gap }];
  });
}

/** One box of the overview's facts: a heading and its lines (or the "none" line). */
/** Lines a box of the overview shows at most, so that the overview stays one A4 page; the rest follow in full below. */
const FACT_LINES = 5;

interface Fact {
  id: string;
  title: string;
  lines: ReadonlyArray<SafeHtml | string>;
  none: string;
  bad?: boolean;
}

function fact(ctx: Ctx, f: Fact): SafeHtml {
  const { lines } = f;
  const shown = lines.length > FACT_LINES ? [...lines.slice(0, FACT_LINES - 1), ctx.w.moreBelow(lines.length - (FACT_LINES - 1), f.title)] : lines;
  return html`<section id="${f.id}" class="fact${f.bad === true ? ' bad' : ''}">
<h3>${f.title}</h3>
${shown.length === 0 ? html`<p class="muted">${f.none}</p>` : shown.length === 1 ? html`<p>${shown[0]}</p>` : html`<ul>${shown.map((l) => html`<li>${l}</li>`)}</ul>`}
</section>`;
}

/** The overview's boxes too long for it, in full (after the rules). */
function longFactsSection(facts: readonly Fact[]): SafeHtml[] {
  return facts
    .filter((f) => f.lines.length > FACT_LINES)
    .map(
      (f) => html`<section id="${f.id}-all" class="long-fact">
<h2>${f.title}</h2>
<ul>${f.lines.map((l) => html`<li>${l}</li>`)}</ul>
</section>`,
    );
}

function personText(p: PersonView): string {
  return `${p.name} (${p.id})`;
}

/**
 * Page 1 of the print: the verdict and counts, seats and gender per nominating body, and in short every matter
 * the committee signs off (unfilled seats, departures from the rankings, lottery seats, its own decisions, the
 * nomination cap, and whether the result is proven the best possible). Departures and lottery seats are shown
 * when the view carries them (absent: not known, left out).
 */
/** The overview's boxes after the quota table, in order; departures and lottery only when the view has them. */
function overviewFacts(ctx: Ctx): Fact[] {
  const { w, view, lang } = ctx;
  const cat = CATALOGUE[lang].allocate;
  const stages = stageOutcomes(view);
  const proven = stages.length > 0 && stages.every((s) => s.status === 'optimal');
  const unfilled = view.cells.filter((x) => x.shortfall > 0);
  const decisions = view.decisions ?? [];
  const notObeyed = decisions.filter((d) => !d.obeyed).length;
  const trusts = view.nominationCap?.trusts ?? [];
  const facts: Fact[] = [
    { id: 'proof', title: w.proofTitle, lines: [stages.length === 0 ? w.proofUnknown : cat.proof(stages)], none: '', bad: stages.length > 0 && !proven },
    {
      id: 'shortfalls',
      title: w.shortfalls,
      lines: unfilled.map((x) => pipelineText(ctx, x.explanation) ?? cat.unfilled(cellName(ctx, x.key), x.shortfall, x.seats, x.eligible - x.excluded)),
      none: w.noShortfall,
      bad: unfilled.length > 0,
    },
  ];
  if (view.departures !== undefined) {
    facts.push({
      id: 'departures',
      title: w.departures,
      lines: view.departures.map((d) =>
        w.departure({
          cell: cellName(ctx, d.cellKey),
          taken: d.takenInstead,
          passedOver: d.passedOver,
          cause: d.cause,
          sameRank: d.sameRank,
        }),
      ),
      none: w.noDepartures,
    });
  }
  if (view.lottery !== undefined) {
    facts.push({
      id: 'lottery',
      title: w.lottery,
      lines: view.lottery.map((l) => w.lotteryLine({ cell: cellName(ctx, l.cellKey), priority: l.priority === null ? '' : String(l.priority), won: l.won.map(personText), tied: l.won.length + l.lost.length })),
      none: w.noLottery,
    });
  }
  const b = view.genderBalance;
  if (b !== undefined) {
    const text = genderBalanceLines(
      { ...b, proposal: b.proposal === null ? null : { ...b.proposal, changes: b.proposal.changes.map((c) => ({ body: cellName(ctx, c.cellKey), out: c.out, in: c.in })) } },
      lang,
    );
    facts.push({ id: 'gender-balance', title: w.balance, lines: [...text.lines, ...text.changes], none: w.balanceMet, bad: b.targets.some((t) => !t.met) });
  }
  facts.push(
    { id: 'decisions-summary', title: w.decisionsTitle, lines: decisions.length === 0 ? [] : [w.decisionsLine(decisions.length, notObeyed)], none: w.noDecisions, bad: notObeyed > 0 },
    { id: 'over-cap-summary', title: w.overCapTitle, lines: trusts.map((t) => w.overCapLine(t.trust, t.nominated, t.people.length, view.nominationCap?.cap ?? null)), none: w.noOverCap },
  );
  return facts;
}

/**
 * Page 1 of the print: the verdict and counts, seats and gender per nominating body, and in short every matter
 * the committee signs off (unfilled seats, departures from the rankings, lottery seats, its own decisions, the
 * nomination cap, and whether the result is proven the best possible). Departures and lottery seats are shown
 * when the view carries them (absent: not known, left out). A box longer than FACT_LINES is cut short here and
 * listed in full after the rules.
 */
function overviewSection(ctx: Ctx, facts: readonly Fact[]): SafeHtml {
  const { w, view, lang } = ctx;
  const c = view.counts;
  return html`<section id="overview" class="overview">
<header class="top">
  <div>
    <p class="eyebrow">${w.titleSuffix} · ${w.overview}</p>
    <h1>${view.programme.name}</h1>
    <p class="muted">${w.startDate(view.programme.startDate)}</p>
  </div>
  <div class="verdict ${view.allRulesMet ? 'ok' : 'bad'}">${view.allRulesMet ? `✓ ${w.allMet}` : `✗ ${w.notAllMet}`}</div>
</header>
<ul class="stats">
  <li><b>${c.selected}</b>${w.statSelected}</li>
  <li><b>${c.candidates}</b>${w.statCandidates}</li>
  <li><b>${c.reserve}</b>${w.statReserves}</li>
  <li><b>${c.ineligible}</b>${w.statIneligible}</li>
  ${overCapStat(view, lang)}
  ${c.excluded > 0 && html`<li><b>${c.excluded}</b>${w.statExcluded}</li>`}
</ul>
${quotaSection(ctx)}
<div class="facts">
${facts.map((f) => fact(ctx, f))}
</div>
</section>`;
}

function quotaSection(ctx: Ctx): SafeHtml {
  const { w, view } = ctx;
  const anyExcluded = view.cells.some((c) => c.excluded > 0);
  const anyUnknown = view.cells.some((c) => c.genderSelected.unknown > 0);
  const numbers = (c: Pick<CellView, 'seats' | 'eligible' | 'excluded' | 'selected' | 'reserves' | 'shortfall' | 'genderSelected'>) => html`
  <td class="num" data-label="${w.seats}">${c.seats}</td>
  <td class="num" data-label="${w.eligible}">${c.eligible}</td>
  ${anyExcluded && html`<td class="num" data-label="${w.excludedCol}">${c.excluded}</td>`}
  <td class="num" data-label="${w.selected}">${c.selected}</td>
  <td class="num" data-label="${w.reserves}">${c.reserves}</td>
  <td class="num${c.shortfall > 0 ? ' short' : ''}" data-label="${w.shortfall}">${c.shortfall}</td>
  <td class="num" data-label="${w.women}">${c.genderSelected.female}</td>
  <td class="num" data-label="${w.men}">${c.genderSelected.male}</td>
  ${anyUnknown && html`<td class="num" data-label="${w.unknownGender}">${c.genderSelected.unknown}</td>`}`;
  const row = (c: CellView, label: string) => html`<tr data-cell="${c.key}">
  <th scope="row">${label}</th>${numbers(c)}
</tr>`;
  const body: SafeHtml[] = [];
  for (const sector of SECTORS) {
    const cells = view.cells.filter((c) => c.sector === sector);
    if (cells.length === 0) continue;
    if (cells.length === 1 && cells[0]?.rhf === null) {
      // The nominating body by the committee's name for it: "Kommunene (KS)".
      body.push(row(cells[0], CATALOGUE[ctx.lang].allocate.body(cells[0].label)));
      continue;
    }
    body.push(html`<tr class="sector-row"><th colspan="${8 + (anyExcluded ? 1 : 0) + (anyUnknown ? 1 : 0)}">${w.sector(sector, true)}</th></tr>`);
    for (const c of cells) body.push(row(c, c.rhf ?? w.wholeSector));
  }
  const sum = (f: (c: CellView) => number) => view.cells.reduce((a, c) => a + f(c), 0);
  const total = {
    seats: sum((c) => c.seats),
    eligible: sum((c) => c.eligible),
    excluded: sum((c) => c.excluded),
    selected: sum((c) => c.selected),
    reserves: sum((c) => c.reserves),
    shortfall: sum((c) => c.shortfall),
    genderSelected: { female: sum((c) => c.genderSelected.female), male: sum((c) => c.genderSelected.male), unknown: sum((c) => c.genderSelected.unknown) },
  };
  return html`<section id="quotas">
<h2>${w.quotas}</h2>
<table class="quota stack">
<thead><tr><th>${w.body}</th><th class="num">${w.seats}</th><th class="num">${w.eligible}</th>${anyExcluded && html`<th class="num">${w.excludedCol}</th>`}<th class="num">${w.selected}</th><th class="num">${w.reserves}</th><th class="num">${w.shortfall}</th><th class="num">${w.women}</th><th class="num">${w.men}</th>${anyUnknown && html`<th class="num">${w.unknownGender}</th>`}</tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><th scope="row">${w.total}</th>${numbers(total)}</tr></tfoot>
</table>
<div class="barline total-gender"><span class="k">${w.genderSelected}</span>${genderBar(w, total.genderSelected, total.shortfall)}</div>
</section>`;
}

function ruleText(ctx: Ctx, r: RuleView): string {
  const { w } = ctx;
  if (r.kind === 'quota') return w.quotaRule(cellName(ctx, r.scopeKey), r.required);
  const g = r.gender ?? 'female';
  const cell = r.scope === 'cell' ? ctx.cellByKey.get(r.scopeKey) : undefined;
  // A cell that is a whole sector (the municipalities' one cell) reads as the sector: "i kommunehelsetjenesten".
  const wholeSector = cell !== undefined && cell.rhf === null ? cell.sector : null;
  const where =
    r.scope === 'cohort'
      ? w.cohortScope
      : r.scope === 'sector'
        ? w.inSector(r.scopeKey === 'kommune' ? 'kommune' : 'spesialist')
        : wholeSector !== null
          ? w.inSector(wholeSector)
          : w.inCell(cellName(ctx, r.scopeKey));
  return w.genderRule(r.required, g, where);
}

function rulesSection(ctx: Ctx): SafeHtml {
  const { w, view } = ctx;
  return html`<section id="rules">
<h2>${w.rules}</h2>
<table class="rules stack">
<thead><tr><th>${w.rule}</th><th class="num">${w.required}</th><th class="num">${w.actual}</th><th>${w.status}</th></tr></thead>
<tbody>
${view.rules.map(
  (r) => html`<tr data-rule="${r.id}">
  <td>${ruleText(ctx, r)}${!r.met && pipelineText(ctx, r.explanation) !== null && html`<div class="why">${r.explanation}</div>`}</td>
  <td class="num" data-label="${w.required}">${r.required}</td>
  <td class="num" data-label="${w.actual}">${r.actual}</td>
  <td data-label="${w.status}"><span class="status ${r.met ? 'ok' : 'bad'}">${r.met ? `✓ ${w.met}` : `✗ ${w.notMet}`}</span></td>
</tr>`,
)}
</tbody>
</table>
<h4>${w.groupRules}</h4>
${
  view.relaxations.length === 0
    ? html`<p class="status ok">✓ ${w.noRelaxations}</p>`
    : view.relaxations.map((r) => html`<p class="why"><b>${w.relaxed(r.stage)}:</b> ${pipelineText(ctx, r.reason) ?? w.note(r.code, r.ids)}</p>`)
}
</section>`;
}

function memberTable(ctx: Ctx, members: ReadonlyArray<PersonView & { group?: number | null }>, clashIds: ReadonlySet<string>, showGroup: boolean): SafeHtml {
  const { w } = ctx;
  return html`<table class="stack">
<thead><tr><th>${w.name}</th><th>${w.sectorCol}</th><th>${w.rhf}</th><th>${w.organisation}</th>${showGroup && html`<th class="num">${w.groupCol}</th>`}<th>${w.gender}</th></tr></thead>
<tbody>
${members.map(
  (p) => html`<tr data-id="${p.id}"${clashIds.has(p.id) && raw(' class="clash"')}>
  <td>${who(p)}</td><td data-label="${w.sectorCol}">${sectorCell(w, p.sector)}</td><td data-label="${w.rhf}">${p.rhf ?? w.unknownRhf}</td><td class="org" data-label="${w.organisation}">${p.organisation}</td>${showGroup && html`<td class="num" data-label="${w.groupCol}">${p.group ?? '–'}</td>`}<td data-label="${w.gender}">${genderPill(w, p.gender)}</td>
</tr>`,
)}
</tbody>
</table>`;
}

function regionChips(ctx: Ctx, members: readonly PersonView[]): SafeHtml {
  const counts = new Map<string, number>();
  for (const p of members) counts.set(p.rhf ?? ctx.w.unknownRhf, (counts.get(p.rhf ?? ctx.w.unknownRhf) ?? 0) + 1);
  // Regions in the quota table's order, then any others.
  const order = ctx.view.cells.map((c) => c.rhf).filter((r): r is string => r !== null);
  const keys = [...counts.keys()].sort((a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9) || compareCodeUnits(a, b));
  return html`<ul class="chips">${keys.map((k) => html`<li>${k} ${counts.get(k) ?? 0}</li>`)}</ul>`;
}

function groupCard(ctx: Ctx, g: GroupView): SafeHtml {
  const { w } = ctx;
  const k = g.members.filter((p) => p.sector === 'kommune').length;
  const s = g.members.length - k;
  const gs = countGenders(g.members);
  const clashIds = new Set(g.organisationClashes.flat());
  return html`<article class="card group" data-group="${g.number}">
<header><h3>${w.group(g.number)}</h3><span class="muted small">${w.participants(g.members.length)}</span></header>
<div class="barline"><span class="k">${w.sectorCol}</span>${sectorBar(w, k, s)}</div>
<div class="barline"><span class="k">${w.gender}</span>${genderBar(w, gs)}</div>
${regionChips(ctx, g.members)}
<ul class="checks">
  ${check(sectorMixHolds(k, s), w.sectorBalance, w.sectorBalance)}
  ${check(gs.female >= g.genderMinimum && gs.male >= g.genderMinimum, w.genderMin(g.genderMinimum), w.genderMin(g.genderMinimum))}
  ${check(g.organisationClashes.length === 0, w.noOrgClash, w.orgClash(g.organisationClashes.length))}
</ul>
${memberTable(ctx, [...g.members].sort(bySectorThenName), clashIds, false)}
</article>`;
}

function groupsSection(ctx: Ctx): SafeHtml {
  const { w, view } = ctx;
  return html`<section id="groups">
<h2>${w.groups}</h2>
<p class="intro">${w.groupsIntro}</p>
<div class="cards">
${view.groups.map((g) => groupCard(ctx, g))}
</div>
</section>`;
}

function teamCard(ctx: Ctx, t: TeamView): SafeHtml {
  const { w } = ctx;
  const groups = t.members.map((m) => m.group).filter((g): g is number => g !== null);
  const distinct = new Set(groups).size === groups.length;
  const gs = countGenders(t.members);
  const clashIds = new Set(t.organisationClashes.flat());
  return html`<article class="card team" data-team="${t.number}">
<header><h3>${w.team(t.number)}</h3>${
    t.regionMatch !== null ? html`<span class="badge match">✓ ${w.regionMatch(t.regionMatch)}</span>` : html`<span class="badge mixed">${w.noRegionMatch}</span>`
  }${t.catchmentMatch && html`<span class="badge match">✓ ${w.catchmentMatch}</span>`}</header>
${t.regionMatch === null && regionChips(ctx, t.members)}
<ul class="checks">
  ${check(distinct, w.differentGroups, w.sameGroup)}
  ${check(gs.female > 0 && gs.male > 0, w.bothGenders, w.oneGender)}
  ${t.organisationClashes.length > 0 && check(false, '', w.orgClash(t.organisationClashes.length))}
</ul>
${memberTable(ctx, [...t.members].sort(bySectorThenName), clashIds, true)}
</article>`;
}

function teamsSection(ctx: Ctx): SafeHtml {
  const { w, view } = ctx;
  return html`<section id="teams">
<h2>${w.teams}</h2>
<p class="intro">${w.teamsIntro(view.teamMatch, view.teams.length)}</p>
<div class="cards teams">
${view.teams.map((t) => teamCard(ctx, t))}
</div>
</section>`;
}

function reservesSection(ctx: Ctx): SafeHtml {
  const { w, view } = ctx;
  return html`<section id="reserves">
<h2>${w.reserveLists}</h2>
<p class="intro">${w.reserveIntro}</p>
<div class="lists">
${view.reserves.map(
  (list) => html`<section data-cell="${list.cellKey}">
<h4>${cellName(ctx, list.cellKey)} <span class="muted small">(${list.reserves.length})</span></h4>
${
  list.reserves.length === 0
    ? html`<p class="muted">${w.noReserves}</p>`
    : html`<table class="stack">
<thead><tr><th class="num">${w.rank}</th><th>${w.name}</th><th>${w.gender}</th><th>${w.priority}</th><th>${w.organisation}</th></tr></thead>
<tbody>
${list.reserves.map(
  (r) => html`<tr data-id="${r.id}"><td class="num" data-label="${w.rank}">${r.rank}</td><td>${who(r)}</td><td data-label="${w.gender}">${genderPill(w, r.gender)}</td><td data-label="${w.priority}">${r.priority ?? w.unranked}</td><td class="org" data-label="${w.organisation}">${r.organisation}</td></tr>`,
)}
</tbody>
</table>`
}
</section>`,
)}
</div>
</section>`;
}

/** A reason's detail for one person: the pipeline's English on the English page, measured facts in bokmål. */
function reasonDetail(ctx: Ctx, p: ListedCandidateView, code: string): string {
  const { w, view } = ctx;
  if (w.pipelineDetail) {
    return p.reasons
      .filter((r) => r.code === code)
      .map((r) => detail(r.text, code))
      .join('; ');
  }
  const min = { minAge: view.programme.minAge, ...view.programme.eligibility };
  return p.facts === undefined ? '' : (w.reasonDetail(code, p.facts, min) ?? '');
}

function listedTable(ctx: Ctx, people: readonly ListedCandidateView[], code: string | null): SafeHtml {
  const { w } = ctx;
  // No detail column when no one in the list has a detail (the heading already says the reason).
  const details = code === null ? null : people.map((p) => reasonDetail(ctx, p, code));
  const withDetail = details !== null && details.some((d) => d !== '');
  return html`<table class="listed stack">
<thead><tr><th>${w.name}</th><th>${w.cell}</th><th>${w.organisation}</th>${withDetail && html`<th>${w.detail}</th>`}</tr></thead>
<tbody>
${people.map(
  (p, i) => html`<tr data-id="${p.id}"><td>${who(p)}</td><td data-label="${w.cell}">${cellName(ctx, p.cellKey)}</td><td class="org" data-label="${w.organisation}">${p.organisation}</td>${
    withDetail && html`<td class="small" data-label="${w.detail}">${details?.[i] ?? ''}</td>`
  }</tr>`,
)}
</tbody>
</table>`;
}

function ineligibleSection(ctx: Ctx): SafeHtml {
  const { w, view } = ctx;
  const codes = [...new Set(view.ineligible.flatMap((c) => c.reasons.map((r) => r.code)))].sort(
    (a, b) => (REASON_ORDER.indexOf(a) + 1 || 1e9) - (REASON_ORDER.indexOf(b) + 1 || 1e9) || compareCodeUnits(a, b),
  );
  const cellOrder = new Map(view.cells.map((c, i) => [c.key, i]));
  const inOrder = (a: ListedCandidateView, b: ListedCandidateView) =>
    (cellOrder.get(a.cellKey ?? '') ?? 1e9) - (cellOrder.get(b.cellKey ?? '') ?? 1e9) || compareCodeUnits(a.id, b.id);
  return html`<section id="ineligible">
<h2>${w.ineligible}</h2>
${
  view.ineligible.length === 0
    ? html`<p class="muted">${w.noIneligible}</p>`
    : html`<p class="intro">${w.ineligibleIntro}</p>
${codes.map((code) => {
  const people = view.ineligible.filter((c) => c.reasons.some((r) => r.code === code)).sort(inOrder);
  return html`<section data-reason="${code}">
<h4>${w.reason(code, view.programme.minAge)} <span class="muted small">(${people.length})</span></h4>
${listedTable(ctx, people, code)}
</section>`;
})}`
}
</section>`;
}

function excludedSection(ctx: Ctx): SafeHtml | null {
  const { w, view } = ctx;
  if (view.excluded.length === 0) return null;
  return html`<section id="excluded">
<h2>${w.excluded}</h2>
<p class="intro">${w.excludedIntro}</p>
${listedTable(ctx, [...view.excluded].sort(byNameThenId), null)}
</section>`;
}

function warningsSection(ctx: Ctx): SafeHtml | null {
  const { w, view } = ctx;
  if (view.warnings.length === 0) return null;
  return html`<section id="warnings">
<h2>${w.warnings}</h2>
${view.warnings.map((m) => html`<p class="note">${pipelineText(ctx, m.message) ?? w.note(m.code, m.ids ?? [], m.severity)}</p>`)}
</section>`;
}

function footer(ctx: Ctx): SafeHtml {
  const { w, view } = ctx;
  const p = view.programme;
  return html`<footer>
<h3>${w.record}</h3>
<dl>
  ${view.seed !== null && html`<dt>${w.seed}</dt><dd class="mono">${JSON.stringify(view.seed)}</dd>`}
  <dt>${w.config}</dt><dd>${p.source === 'built-in' ? w.builtIn : p.source} <span class="mono">SHA-256 ${p.sha256}</span></dd>
  ${view.stages.length > 0 && html`<dt>${w.solver}</dt><dd>${view.stages.map((s, i) => html`${i > 0 && ' · '}${w.stage(s.stage)}: ${w.stageStatus(s.status)}${!(s.status === 'optimal' && s.gap === 0) && ` (${w.gap(s.gap)})`}`)}</dd>`}
  <dt>${w.toolLabel}</dt><dd>${w.tool(view.tool.name, view.tool.version)}</dd>
</dl>
<table>
<thead><tr><th>${w.inputFiles}</th><th class="num">${w.rows}</th><th>SHA-256</th></tr></thead>
<tbody>
${view.inputs.map((f) => html`<tr><td class="file">${f.file}</td><td class="num">${f.rows}</td><td class="mono">${f.sha256}</td></tr>`)}
</tbody>
</table>
<p class="privacy">${w.privacy}</p>
</footer>`;
}
