/**
 * The report's stylesheet, inlined into the page. System fonts only (nothing is fetched); colours carry
 * meaning only together with text, so a black-and-white print loses nothing. A4 print: cards are never split
 * across pages, headings stay with what follows them, table headers repeat.
 */
export const REPORT_CSS = `
:root {
  --ink: #1d2430; --muted: #5b6675; --line: #d8dde4; --paper: #ffffff; --wash: #f4f6f9;
  --female: #7b5ea7; --male: #2a9d8f; --unknown: #b8bec7;
  --kommune: #d9a227; --spesialist: #3f6e9c;
  --ok: #1f7a4d; --ok-wash: #e3f4ea; --bad: #b3261e; --bad-wash: #fbe6e4; --warn-wash: #fff5dc;
}
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { background: var(--wash); }
body {
  margin: 0 auto; max-width: 1180px; padding: 28px 32px 40px; background: var(--paper); color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
}
h1 { font-size: 24px; line-height: 1.2; margin: 2px 0 4px; }
h2 { font-size: 19px; margin: 34px 0 4px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); break-after: avoid; }
h3 { font-size: 15px; margin: 0; break-after: avoid; }
h4 { font-size: 14px; margin: 18px 0 6px; break-after: avoid; }
p { margin: 4px 0 10px; }
.intro { color: var(--muted); margin-bottom: 14px; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.mono { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 11.5px; overflow-wrap: anywhere; }
.nowrap { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; }

.top { display: flex; justify-content: space-between; align-items: flex-start; gap: 24px; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); margin: 0; }
.verdict { flex: none; padding: 10px 16px; border-radius: 8px; font-weight: 600; font-size: 15px; }
.verdict.ok { background: var(--ok-wash); color: var(--ok); }
.verdict.bad { background: var(--bad-wash); color: var(--bad); }
.stats { display: flex; flex-wrap: wrap; gap: 10px; list-style: none; padding: 0; margin: 16px 0 0; }
.stats li { background: var(--wash); border-radius: 8px; padding: 8px 14px; color: var(--muted); }
.stats b { display: block; font-size: 22px; color: var(--ink); font-variant-numeric: tabular-nums; }

table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
thead th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 1.5px solid var(--ink); }
tr { break-inside: avoid; }
tbody tr.sector-row th { background: var(--wash); font-size: 12.5px; padding-top: 7px; }
tfoot td, tfoot th { font-weight: 700; border-top: 1.5px solid var(--ink); border-bottom: none; }
td.short { color: var(--bad); font-weight: 700; }
.quota td:first-child, .quota th:first-child { width: 24%; }
.quota .gcell { width: 34%; }

.bar { display: flex; height: 12px; min-width: 80px; border-radius: 3px; overflow: hidden; background: var(--wash); flex: 1 1 auto; }
.bar span { display: block; height: 100%; }
.bar span + span { border-left: 2px solid var(--paper); }
.s-female { background: var(--female); } .s-male { background: var(--male); } .s-unknown { background: var(--unknown); }
.s-unfilled { background: repeating-linear-gradient(135deg, var(--bad-wash) 0 4px, #e8a7a1 4px 6px); }
.s-kommune { background: var(--kommune); } .s-spesialist { background: var(--spesialist); }
.barline { display: flex; align-items: center; gap: 10px; }
.barline .legend { flex: none; font-size: 12px; color: var(--muted); white-space: nowrap; width: 12em; }
.dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 3px; vertical-align: baseline; }

.status { white-space: nowrap; font-weight: 600; }
.status.ok { color: var(--ok); } .status.bad { color: var(--bad); }
.why { font-size: 12.5px; color: var(--bad); background: var(--bad-wash); padding: 6px 10px; border-radius: 6px; margin: 6px 0; }
.note { font-size: 12.5px; background: var(--warn-wash); padding: 6px 10px; border-radius: 6px; margin: 6px 0; }

.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; break-inside: avoid; page-break-inside: avoid; background: var(--paper); }
.card > header { display: flex; justify-content: space-between; align-items: baseline; gap: 10px; margin-bottom: 8px; }
.card table { font-size: 12.5px; }
.card td, .card th { padding: 3px 6px; }
.card .barline { margin: 3px 0; }
.card .barline .k { flex: none; width: 4.2em; font-size: 12px; color: var(--muted); }
.chips { display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0; padding: 0; list-style: none; }
.chips li { font-size: 11.5px; background: var(--wash); border-radius: 999px; padding: 1px 8px; }
.checks { list-style: none; padding: 0; margin: 6px 0 8px; display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 12px; }
.checks .ok { color: var(--ok); } .checks .bad { color: var(--bad); font-weight: 600; }
.badge { font-size: 12px; font-weight: 600; padding: 2px 9px; border-radius: 999px; white-space: nowrap; }
.badge.match { background: var(--ok-wash); color: var(--ok); }
.badge.mixed { background: var(--wash); color: var(--muted); }
.pill { display: inline-block; min-width: 1.7em; text-align: center; font-size: 11px; font-weight: 700; color: #fff; border-radius: 4px; padding: 0 4px; }
.pill.g-female { background: var(--female); } .pill.g-male { background: var(--male); } .pill.g-unknown { background: var(--unknown); color: var(--ink); }
.sec { display: inline-block; width: 8px; height: 8px; border-radius: 2px; margin-right: 5px; }
.sec.kommune { background: var(--kommune); } .sec.spesialist { background: var(--spesialist); }
.who { font-weight: 600; }
td.rhf { white-space: nowrap; }
.id { display: block; font-size: 11px; color: var(--muted); font-weight: 400; }
.pos, .mail { display: block; font-size: 11px; color: var(--muted); font-weight: 400; overflow-wrap: anywhere; }
tr.clash td { background: var(--bad-wash); }

.lists { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 8px 24px; align-items: start; }
.lists section { break-inside: auto; }
.lists table, table.listed { font-size: 12.5px; table-layout: fixed; }
table.listed { font-size: 13px; }
.lists td, .lists th { padding: 3px 6px; }

footer { margin-top: 40px; padding-top: 12px; border-top: 2px solid var(--ink); font-size: 12.5px; }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
footer dt { color: var(--muted); }
footer dd { margin: 0; }
footer table { font-size: 12px; margin: 4px 0 8px; }
.privacy { color: var(--muted); font-style: italic; }

@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  html { background: none; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { margin-top: 22px; }
  .cards, .lists { grid-template-columns: 1fr; gap: 10px; }
  .card { box-shadow: none; }
  section.page { break-before: page; }
}
`;
