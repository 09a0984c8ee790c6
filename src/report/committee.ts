/**
 * The report's sections about the nominating bodies' caps and the committee's own decisions (issue 13, items 5
 * and 6), with their own words in bokmål and English (one interface: a text missing in one language fails the
 * build). Every value from the view is escaped by the `html` tag: a reason typed as `=HYPERLINK(…)` or `<b>` is
 * shown as text.
 */
import { html, type SafeHtml } from './html.js';
import type { DecisionView, PersonView, ReportLang, ReportView } from './view.js';

interface CommitteeWords {
  overCap: string;
  overCapIntro: (cap: number | null) => string;
  overCapTrust: (trust: string, nominated: number, over: number) => string;
  statOverCap: string;
  decisions: string;
  decisionsIntro: string;
  rule: string;
  who: string;
  reason: string;
  source: string;
  status: string;
  obeyed: string;
  notObeyed: string;
  ruleText: (d: DecisionView) => string;
  name: string;
  organisation: string;
  priority: string;
  unranked: string;
}

const NB: CommitteeWords = {
  overCap: 'Over nominasjonstaket',
  overCapIntro: (cap) =>
    `Hvert helseforetak kan nominere ${cap === null ? 'et ubegrenset antall' : `høyst ${cap}`} kandidater. Disse er nominert ut over taket etter helseforetakets egen prioritering; de er ikke vurdert som ikke kvalifiserte.`,
  overCapTrust: (t, n, o) => `${t}: ${n} nominert, ${o} over taket`,
  statOverCap: 'over nominasjonstaket',
  decisions: 'Komiteens vedtak',
  decisionsIntro: 'Hvert vedtak fra vedtaksfilen og kommandolinjen, med begrunnelsen slik komiteen skrev den, og om fordelingen følger det.',
  rule: 'Vedtak',
  who: 'Gjelder',
  reason: 'Begrunnelse',
  source: 'Kilde',
  status: 'Fulgt',
  obeyed: 'fulgt',
  notObeyed: 'ikke fulgt',
  ruleText: (d) =>
    ({
      include: 'Ta med',
      exclude: 'Holde utenfor',
      group: `I verkstedgruppe ${d.group ?? '?'}`,
      apart: 'Holde adskilt fra',
      together: 'I samme prosjektgruppe som',
    })[d.rule],
  name: 'Navn',
  organisation: 'Virksomhet',
  priority: 'Prioritet',
  unranked: 'uprioritert',
};

const EN: CommitteeWords = {
  overCap: 'Over the nomination cap',
  overCapIntro: (cap) =>
    `Each hospital trust may nominate ${cap === null ? 'any number of' : `at most ${cap}`} candidates. These were nominated beyond the cap, by the trust's own priority; they are not counted as failing the admission requirements.`,
  overCapTrust: (t, n, o) => `${t}: ${n} nominated, ${o} over the cap`,
  statOverCap: 'over the nomination cap',
  decisions: "The committee's decisions",
  decisionsIntro: 'Every decision from the locks file and the command line, with the reason as the committee wrote it, and whether the allocation obeys it.',
  rule: 'Decision',
  who: 'About',
  reason: 'Reason',
  source: 'Source',
  status: 'Obeyed',
  obeyed: 'obeyed',
  notObeyed: 'not obeyed',
  ruleText: (d) =>
    ({
      include: 'Include',
      exclude: 'Exclude',
      group: `In workshop group ${d.group ?? '?'}`,
      apart: 'Keep apart from',
      together: 'In one project team with',
    })[d.rule],
  name: 'Name',
  organisation: 'Organisation',
  priority: 'Priority',
  unranked: 'unranked',
};

const WORDS: Readonly<Record<ReportLang, CommitteeWords>> = { nb: NB, en: EN };

function who(p: PersonView): SafeHtml {
  return html`<span class="who">${p.name}</span><span class="id">${p.id}</span>`;
}

/** The header's count of candidates over the cap; nothing when there are none. */
export function overCapStat(view: ReportView, lang: ReportLang): SafeHtml | null {
  const n = (view.nominationCap?.trusts ?? []).reduce((a, t) => a + t.people.length, 0);
  return n === 0 ? null : html`<li><b>${n}</b>${WORDS[lang].statOverCap}</li>`;
}

export function overCapSection(view: ReportView, lang: ReportLang): SafeHtml | null {
  const caps = view.nominationCap;
  if (caps === undefined || caps.trusts.length === 0) return null;
  const w = WORDS[lang];
  return html`<section id="over-cap">
<h2>${w.overCap}</h2>
<p class="intro">${w.overCapIntro(caps.cap)}</p>
${caps.trusts.map(
  (t) => html`<section data-trust="${t.trust}">
<h4>${w.overCapTrust(t.trust, t.nominated, t.people.length)}</h4>
<table class="listed stack">
<thead><tr><th>${w.name}</th><th>${w.organisation}</th><th>${w.priority}</th></tr></thead>
<tbody>
${t.people.map((p) => html`<tr data-id="${p.id}"><td>${who(p)}</td><td class="org" data-label="${w.organisation}">${p.organisation}</td><td data-label="${w.priority}">${p.priority ?? w.unranked}</td></tr>`)}
</tbody>
</table>
</section>`,
)}
</section>`;
}

export function decisionsSection(view: ReportView, lang: ReportLang): SafeHtml | null {
  const decisions = view.decisions ?? [];
  if (decisions.length === 0) return null;
  const w = WORDS[lang];
  return html`<section id="decisions">
<h2>${w.decisions}</h2>
<p class="intro">${w.decisionsIntro}</p>
<table class="decisions stack">
<thead><tr><th>${w.who}</th><th>${w.rule}</th><th>${w.reason}</th><th>${w.source}</th><th>${w.status}</th></tr></thead>
<tbody>
${decisions.map(
  (d) => html`<tr data-rule="${d.rule}" data-id="${d.person.id}">
  <td>${who(d.person)}</td>
  <td data-label="${w.rule}"><span>${w.ruleText(d)}${d.other !== null && html` ${who(d.other)}`}</span></td>
  <td data-label="${w.reason}">${d.reason ?? '–'}</td>
  <td class="small" data-label="${w.source}">${d.source}</td>
  <td data-label="${w.status}"><span><span class="status ${d.obeyed ? 'ok' : 'bad'}">${d.obeyed ? `✓ ${w.obeyed}` : `✗ ${w.notObeyed}`}</span>${lang === 'en' && d.why !== null && html`<div class="why">${d.why}</div>`}</span></td>
</tr>`,
)}
</tbody>
</table>
</section>`;
}
