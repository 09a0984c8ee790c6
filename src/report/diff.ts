/**
 * `cohort diff --report FILE`: the changes between two allocations as one self-contained HTML page in the
 * committee report's style (same stylesheet, same safety: every value escaped, nothing fetched). Pure and
 * deterministic. Names appear here (a file the coordinator keeps), never on the terminal.
 */
import type { AllocationDiff, BodyCount, PersonChange } from '../diff/diff.js';
import { CHANGE_KINDS, type DiffWords } from '../domain/i18n/catalogue.js';
import { CATALOGUE } from '../domain/i18n/index.js';
import type { Lang } from '../domain/text.js';
import { placeText } from '../diff/text.js';
import { html, raw, type SafeHtml } from './html.js';
import { REPORT_CSP } from './render.js';
import { REPORT_CSS } from './style.js';

/** One allocation file as the page's record shows it. */
export interface DiffFileView {
  file: string;
  sha256: string;
  /** From the run's summary.json; null when it was not found. */
  seed: string | null;
}

export interface DiffPageView {
  tool: { name: string; version: string };
  /** The programme both allocations belong to (from summary.json); null when not known. */
  programme: { name: string; startDate: string } | null;
  old: DiffFileView;
  new: DiffFileView;
  diff: AllocationDiff;
  /** Names by id (the new file's, else the old file's); blank when a file has no name column. */
  names: Readonly<Record<string, string>>;
}

const PAGE_CSS = `
.delta-up { color: var(--ok); font-weight: 600; } .delta-down { color: var(--bad); font-weight: 600; }
table.changes td:first-child { width: 24%; }
table.changes .reasons { font-size: 12px; color: var(--muted); }
#changes section + section { margin-top: 18px; }
`;

function delta(a: number, b: number): SafeHtml {
  if (a === b) return html`${a}`;
  return html`${a} → <span class="${b > a ? 'delta-up' : 'delta-down'}">${b}</span>`;
}

function bodiesSection(m: DiffWords, view: DiffPageView): SafeHtml {
  const [body, participants, women, men, reserves] = m.bodiesHeader;
  // On a phone each body is a block of labelled numbers (`stack`, as the report's quota table).
  const row = (cell: string, o: BodyCount, n: BodyCount) => html`<tr data-cell="${cell}">
  <th scope="row">${m.body(cell)}</th><td class="num" data-label="${participants}">${delta(o.selected, n.selected)}</td><td class="num" data-label="${women}">${delta(o.female, n.female)}</td><td class="num" data-label="${men}">${delta(o.male, n.male)}</td><td class="num" data-label="${reserves}">${delta(o.reserves, n.reserves)}</td>
</tr>`;
  return html`<section id="bodies">
<h2>${m.bodiesHeading}</h2>
<p class="intro">${m.bodiesIntro}</p>
<table class="quota stack">
<thead><tr><th>${body}</th><th class="num">${participants}</th><th class="num">${women}</th><th class="num">${men}</th><th class="num">${reserves}</th></tr></thead>
<tbody>
${view.diff.bodies.map((b) => row(b.cell, b.old, b.new))}
</tbody>
</table>
</section>`;
}

function changeRow(m: DiffWords, view: DiffPageView, c: PersonChange): SafeHtml {
  const cell = c.kind === 'out' ? (c.old?.cell ?? null) : (c.new?.cell ?? c.old?.cell ?? null);
  const name = view.names[c.id] ?? '';
  // Reasons explain a status; a move within the cohort has none of its own (as on the terminal).
  const why = c.kind === 'in' || c.kind === 'out' || c.kind === 'status';
  const text = why ? c.reasonText : '';
  return html`<tr data-id="${c.id}">
  <td>${name !== '' && html`<span class="who">${name}</span>`}<span class="id">${c.id}</span></td>
  <td data-label="${m.cellCol}"><span>${m.body(cell)}</span></td>
  <td data-label="${m.beforeCol}"><span>${c.old === null ? m.newCandidate : placeText(m, c.old, c.new)}</span></td>
  <td data-label="${m.afterCol}"><span>${placeText(m, c.new, c.old)}</span></td>
  <td>${why && [...new Set(c.reasons)].map(m.reason).join(', ')}${text !== '' && html`<div class="reasons"${m.htmlLang === 'en' ? '' : raw(' lang="en"')}>${text}</div>`}${c.columnsChanged.length > 0 && html`<div class="reasons">${m.columns(c.columnsChanged)}</div>`}</td>
</tr>`;
}

function changesSection(m: DiffWords, view: DiffPageView): SafeHtml {
  const sections = CHANGE_KINDS.map((kind) => {
    const changes = view.diff.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) return null;
    return html`<section data-kind="${kind}">
<h3>${m.heading[kind]} <span class="muted small">(${changes.length})</span></h3>
<table class="changes listed stack">
<thead><tr><th>${m.name}</th><th>${m.cellCol}</th><th>${m.beforeCol}</th><th>${m.afterCol}</th><th>${m.reasonsCol}</th></tr></thead>
<tbody>
${changes.map((c) => changeRow(m, view, c))}
</tbody>
</table>
</section>`;
  });
  const anyReasons = view.diff.changes.some((c) => c.reasonText !== '' && (c.kind === 'in' || c.kind === 'out' || c.kind === 'status'));
  return html`<section id="changes">
<h2>${m.eyebrow}</h2>
${view.diff.equal ? html`<p class="muted">${m.noChanges}</p>` : html`${anyReasons && m.reasonsNote !== '' && html`<p class="intro">${m.reasonsNote}</p>`}${sections}`}
</section>`;
}

/** Render the page. `lang` defaults to bokmål. */
export function renderDiffReport(view: DiffPageView, lang: Lang = 'nb'): string {
  const m = CATALOGUE[lang].diff;
  const total = view.diff.changes.length;
  const heading = view.programme?.name ?? m.eyebrow;
  const file = (label: string, f: DiffFileView) =>
    html`<dt>${label}</dt><dd>${f.file} <span class="mono">SHA-256 ${f.sha256}</span>${f.seed !== null && html` · ${m.seed} <span class="mono">${JSON.stringify(f.seed)}</span>`}</dd>`;
  const page = html`<!DOCTYPE html>
<html lang="${m.htmlLang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${view.tool.name} ${view.tool.version}">
<link rel="icon" href="data:,">
<title>${heading} – ${m.pageTitle}</title>
<style>${raw(REPORT_CSS)}${raw(PAGE_CSS)}</style>
</head>
<body>
<header class="top">
  <div>
    <p class="eyebrow">${m.eyebrow}</p>
    <h1>${heading}</h1>
    <p class="muted">${m.comparing(view.old.file, view.new.file)}</p>
  </div>
  <div class="verdict ${view.diff.equal ? 'ok' : 'bad'}">${view.diff.equal ? m.verdictEqual : m.verdictChanges(total)}</div>
</header>
<ul class="stats">
${CHANGE_KINDS.filter((k) => view.diff.counts[k] > 0).map((k) => html`<li><b>${view.diff.counts[k]}</b>${m.stat[k]}</li>`)}
</ul>
<main>
${bodiesSection(m, view)}
${changesSection(m, view)}
</main>
<footer>
<h3>${m.record}</h3>
<dl>
  ${file(m.oldFile, view.old)}
  ${file(m.newFile, view.new)}
  <dt>cohort</dt><dd>${m.tool(view.tool.name, view.tool.version)}</dd>
</dl>
<p class="privacy">${m.privacy}</p>
</footer>
</body>
</html>
`;
  return page.value;
}
