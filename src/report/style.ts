/**
 * The report's stylesheet, inlined into the page. System fonts only (nothing is fetched); colours carry
 * meaning only together with text, so a black-and-white print loses nothing.
 *
 * Every width from a phone (375 px) to A4 landscape: no fixed widths, organisations, job titles, e-mail
 * addresses and hashes wrap anywhere when they must (`overflow-wrap: anywhere`, which also lets a table column
 * shrink), other words stay whole, grids take `min(100%, …)` columns, and on a narrow screen the tables marked
 * `stack` turn into one block per row with each value labelled (`data-label`), so no table is wider than the page.
 *
 * A4 print: the overview fills page 1 on its own; after it everything runs on without forced page breaks, in
 * one column where each person fits on a line (two columns measured taller: every row wrapped to 3–5 lines); cards, rows and the overview's boxes are never split across
 * pages, headings stay with what follows them, and a long table repeats its header row on each page.
 */
export const REPORT_CSS = `
:root {
  --ink: #1d2430; --muted: #5b6675; --line: #d8dde4; --paper: #ffffff; --wash: #f4f6f9;
  --female: #7b5ea7; --male: #2a9d8f; --unknown: #b8bec7;
  --kommune: #d9a227; --spesialist: #3f6e9c;
  --ok: #1f7a4d; --ok-wash: #e3f4ea; --bad: #b3261e; --bad-wash: #fbe6e4; --warn-wash: #fff5dc;
}
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { background: var(--wash); -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto; max-width: 1180px; padding: 28px clamp(12px, 3.5vw, 32px) 40px; background: var(--paper); color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
  overflow-wrap: break-word;
}
h1 { font-size: 24px; line-height: 1.2; margin: 2px 0 4px; }
h2 { font-size: 19px; margin: 30px 0 6px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); break-after: avoid; }
h3 { font-size: 15px; margin: 0; break-after: avoid; }
h4 { font-size: 14px; margin: 16px 0 6px; break-after: avoid; }
p { margin: 4px 0 10px; }
.intro { color: var(--muted); margin-bottom: 12px; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.mono { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 11.5px; }
/* Long names of organisations, job titles, e-mail addresses and hashes may break anywhere; other words stay whole. */
td.org, td.file, .decisions td, .pos, .mail, .mono, .fact li, .fact p, .why, .note { overflow-wrap: anywhere; }
.nowrap { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }

.top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: flex-start; gap: 8px 24px; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); margin: 0; }
.verdict { padding: 10px 16px; border-radius: 8px; font-weight: 600; font-size: 15px; }
.verdict.ok { background: var(--ok-wash); color: var(--ok); }
.verdict.bad { background: var(--bad-wash); color: var(--bad); }
.stats { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 14px 0 0; }
.stats li { background: var(--wash); border-radius: 8px; padding: 6px 12px; color: var(--muted); }
.stats b { display: block; font-size: 20px; color: var(--ink); font-variant-numeric: tabular-nums; }

.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr)); align-items: start; gap: 10px; margin-top: 14px; }
.fact { border: 1px solid var(--line); border-left: 4px solid var(--ok); border-radius: 6px; padding: 8px 12px; break-inside: avoid; }
.fact.bad { border-left-color: var(--bad); }
.fact h3 { font-size: 13.5px; margin-bottom: 4px; }
.fact ul { margin: 0; padding-left: 1.1em; }
.fact p, .fact li { font-size: 13px; margin: 2px 0; }
.total-gender { margin: 8px 0 0; }
.total-gender .k { flex: none; font-size: 12px; color: var(--muted); }

table { border-collapse: collapse; width: 100%; max-width: 100%; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
thead th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 1.5px solid var(--ink); }
thead th.num { text-align: right; }
tbody th, tfoot th { font-weight: 600; }
tr { break-inside: avoid; }
tbody tr.sector-row th { background: var(--wash); font-size: 12.5px; padding-top: 7px; }
tfoot td, tfoot th { font-weight: 700; border-top: 1.5px solid var(--ink); border-bottom: none; }
td.short { color: var(--bad); font-weight: 700; }
table.quota th, table.quota td { padding-left: 6px; padding-right: 6px; }

.bar { display: flex; height: 12px; min-width: 40px; border-radius: 3px; overflow: hidden; background: var(--wash); flex: 1 1 auto; }
.bar span { display: block; height: 100%; }
.bar span + span { border-left: 2px solid var(--paper); }
.s-female { background: var(--female); } .s-male { background: var(--male); } .s-unknown { background: var(--unknown); }
.s-unfilled { background: repeating-linear-gradient(135deg, var(--bad-wash) 0 4px, #e8a7a1 4px 6px); }
.s-kommune { background: var(--kommune); } .s-spesialist { background: var(--spesialist); }
.barline { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 10px; }
.barline .legend { font-size: 12px; color: var(--muted); }
.dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 3px; vertical-align: baseline; }

.status { font-weight: 600; }
.status.ok { color: var(--ok); } .status.bad { color: var(--bad); }
.why { font-size: 12.5px; color: var(--bad); background: var(--bad-wash); padding: 6px 10px; border-radius: 6px; margin: 6px 0; }
.note { font-size: 12.5px; background: var(--warn-wash); padding: 6px 10px; border-radius: 6px; margin: 6px 0; }

.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 480px), 1fr)); gap: 14px; }
.card { min-width: 0; border: 1px solid var(--line); border-radius: 10px; padding: 10px 12px; break-inside: avoid; page-break-inside: avoid; background: var(--paper); }
.card > header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 4px 10px; margin-bottom: 6px; }
.card table { font-size: 12.5px; }
.card td, .card th { padding: 3px 6px; }
.card .barline { margin: 3px 0; }
.card .barline .k { flex: none; width: 4.2em; font-size: 12px; color: var(--muted); }
.chips { display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0; padding: 0; list-style: none; }
.chips li { font-size: 11.5px; background: var(--wash); border-radius: 999px; padding: 1px 8px; }
.checks { list-style: none; padding: 0; margin: 6px 0 8px; display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 12px; }
.checks .ok { color: var(--ok); } .checks .bad { color: var(--bad); font-weight: 600; }
.badge { font-size: 12px; font-weight: 600; padding: 2px 9px; border-radius: 999px; }
.badge.match { background: var(--ok-wash); color: var(--ok); }
.badge.mixed { background: var(--wash); color: var(--muted); }
.pill { display: inline-block; min-width: 1.7em; text-align: center; font-size: 11px; font-weight: 700; color: #fff; border-radius: 4px; padding: 0 4px; }
.pill.g-female { background: var(--female); } .pill.g-male { background: var(--male); } .pill.g-unknown { background: var(--unknown); color: var(--ink); }
.sec { display: inline-block; width: 8px; height: 8px; border-radius: 2px; margin-right: 5px; }
.sec.kommune { background: var(--kommune); } .sec.spesialist { background: var(--spesialist); }
.who { font-weight: 600; }
.id { display: block; font-size: 11px; color: var(--muted); font-weight: 400; }
.pos, .mail { display: block; font-size: 11px; color: var(--muted); font-weight: 400; }
tr.clash td { background: var(--bad-wash); }

.lists { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 480px), 1fr)); gap: 8px 24px; align-items: start; }
.lists > section { min-width: 0; }
.lists table, table.listed { font-size: 12.5px; }
.lists td, .lists th { padding: 3px 6px; }

footer { margin-top: 36px; padding-top: 12px; border-top: 2px solid var(--ink); font-size: 12.5px; }
footer dl { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 4px 16px; margin: 8px 0; }
footer dt { color: var(--muted); }
footer dd { margin: 0; }
footer table { font-size: 12px; margin: 4px 0 8px; }
.privacy { color: var(--muted); font-style: italic; }

/* A narrow screen: a table marked "stack" shows each row as a block of labelled values. */
@media screen and (max-width: 760px) {
  body { font-size: 13.5px; }
  h1 { font-size: 21px; }
  table.stack, table.stack tbody, table.stack tfoot, table.stack tr { display: block; width: 100%; }
  table.stack thead { display: none; }
  table.stack tr { padding: 6px 0; border-bottom: 1px solid var(--line); }
  table.stack tfoot tr { border-top: 1.5px solid var(--ink); border-bottom: none; }
  table.stack td, table.stack th { display: block; border: none; padding: 1px 4px; text-align: left; }
  table.stack td[data-label] { display: flex; justify-content: space-between; gap: 12px; white-space: normal; }
  table.stack td[data-label]::before { content: attr(data-label); color: var(--muted); font-weight: 400; flex: none; max-width: 50%; }
  table.stack td[data-label] > * { text-align: right; }
  table.quota.stack tr { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); column-gap: 20px; }
  table.quota.stack th { grid-column: 1 / -1; }
  footer dl { grid-template-columns: minmax(0, 1fr); gap: 0; }
  footer dd { margin-bottom: 6px; }
}

@page {
  size: A4; margin: 12mm 11mm 13mm;
  @bottom-right { content: counter(page) " / " counter(pages); font: 7.5pt system-ui, "DejaVu Sans", sans-serif; color: #5b6675; }
}
@media print {
  html { background: none; }
  body { max-width: none; padding: 0; font-size: 9pt; line-height: 1.3; }
  h1 { font-size: 17pt; }
  h2 { font-size: 13pt; margin: 14px 0 5px; }
  h3 { font-size: 10.5pt; }
  h4 { font-size: 9.5pt; margin: 8px 0 3px; }
  p { margin: 2px 0 6px; }
  .intro { margin-bottom: 6px; }
  .small, .card table, .lists table, table.listed, footer, footer table, .why, .note, .fact p, .fact li { font-size: 8pt; }
  thead th, .chips li, .checks, .barline .legend, .card .barline .k, .eyebrow { font-size: 7.5pt; }
  th, td { padding: 2px 5px; }
  .card td, .card th, .lists td, .lists th { padding: 1px 4px; }
  .id, .pos, .mail { display: inline; font-size: 7.5pt; margin-left: .4em; }
  .stats b { font-size: 14pt; }
  .stats li { padding: 4px 10px; }
  #overview { break-after: page; }
  .facts { grid-template-columns: 1fr 1fr; gap: 8px; }
  .cards, .lists { grid-template-columns: 1fr; gap: 6px; }
  .card { padding: 6px 8px; border-radius: 6px; }
  .chips, .checks { margin: 3px 0; }
  footer { margin-top: 16px; }
}
`;
