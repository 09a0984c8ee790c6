/** Page 1 of the report: the overview, driven by the view; departures and lottery seats only when the view has them. */
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/render.js';
import { busyView, fullView, sampleView, sectionOf } from './fixture.js';

describe('the overview', () => {
  it('comes first in the page and holds the quota table and the committee matters', () => {
    const page = renderReport(fullView());
    expect(page.indexOf('<section id="overview"')).toBe(page.indexOf('<main>') + '<main>\n'.length);
    const overview = sectionOf(page, 'overview');
    for (const id of ['quotas', 'proof', 'shortfalls', 'departures', 'lottery', 'decisions-summary', 'over-cap-summary']) expect(overview).toContain(`<section id="${id}"`);
    expect(overview).toContain('Minst én regel er ikke oppfylt');
  });

  it('says whether the result is proven the best possible, with the gap in words', () => {
    const proven = sampleView();
    proven.stages = proven.stages.map((s) => ({ ...s, status: 'optimal', gap: 0 }));
    expect(sectionOf(renderReport(proven), 'proof')).toContain('Beviselig beste fordeling');
    const open = sectionOf(renderReport(sampleView()), 'proof');
    expect(open).not.toContain('Beviselig beste fordeling');
    expect(open).toContain('Verkstedgruppene følger reglene, men er ikke bevist best: de kan være inntil 1,25 % fra beste mulige.');
    expect(sectionOf(renderReport(sampleView(), 'en'), 'proof')).toContain('up to 1.25 % from the best possible');
    expect(sectionOf(renderReport({ ...sampleView(), stages: [] }), 'proof')).toContain('Ikke vurdert');
  });

  it('unfilled seats in bokmål from the numbers, the English explanation on the English page', () => {
    const view = sampleView();
    expect(sectionOf(renderReport(view), 'shortfalls')).toContain('Helse Vest: 1 av 4 plasser ikke fylt (4 kvalifiserte kandidater).');
    expect(sectionOf(renderReport(view, 'en'), 'shortfalls')).toContain(view.cells[1]!.explanation!);
    const full = { ...view, cells: view.cells.map((c) => ({ ...c, shortfall: 0, explanation: null })) };
    expect(sectionOf(renderReport(full), 'shortfalls')).toContain('Alle plasser er fylt.');
  });

  it('departures and lottery seats: left out when the view does not know them, "none" when empty, listed when given', () => {
    const unknown = renderReport(sampleView());
    expect(unknown).not.toContain('<section id="departures"');
    expect(unknown).not.toContain('<section id="lottery"');
    const none = renderReport({ ...sampleView(), departures: [], lottery: [] });
    expect(sectionOf(none, 'departures')).toContain('Ingen: alle plasser er gitt i nominasjonsrekkefølgen.');
    expect(sectionOf(none, 'lottery')).toContain('Ingen plasser er avgjort ved loddtrekning.');
    const page = renderReport(fullView());
    expect(sectionOf(page, 'departures')).toContain(
      'Helse Vest: Nils Dahl (S-3, prioritet 3) fikk plass foran Reidun Reserve (S-4, prioritet 4) – etter nominasjonsinstansens egen kjønnsregel.',
    );
    expect(sectionOf(page, 'lottery')).toContain('Kommunehelsetjenesten: 2 uten prioritet; loddtrekningen ga plass til Kari Nordmann (K-1).');
  });

  it("the committee's decisions and the nomination cap in a line each", () => {
    const page = renderReport(fullView());
    expect(sectionOf(page, 'decisions-summary')).toContain('2 vedtak, 1 ikke fulgt.');
    expect(sectionOf(page, 'over-cap-summary')).toContain('Helse Bergen HF: 4 nominert, taket er 3; 1 over taket.');
    const bare = renderReport(sampleView());
    expect(sectionOf(bare, 'decisions-summary')).toContain('Komiteen har ikke gitt vedtak');
    expect(sectionOf(bare, 'over-cap-summary')).toContain('Ingen helseforetak nominerte flere enn taket.');
  });

  it('the ineligible detail in bokmål from what was measured; no detail column where nothing was', () => {
    const inel = sectionOf(renderReport(sampleView()), 'ineligible');
    expect(inel).toContain('24 år ved oppstart (minst 25)');
    expect(inel).toContain('høyeste utdanning fagskole (krav: bachelorgrad)');
    const unknown = inel.slice(inel.indexOf('data-reason="some_new_code"'));
    expect(unknown).not.toContain('<th>Detalj</th>');
  });

  it('a long box is cut short in the overview (so it stays one page) and listed in full after the rules', () => {
    const page = renderReport(busyView());
    const departures = sectionOf(page, 'departures');
    expect(departures.match(/<li>/g)).toHaveLength(5);
    expect(departures).toContain('… og 8 til; alle står under «Avvik fra rangeringen» lenger ned.');
    const all = sectionOf(page, 'departures-all');
    expect(all.match(/<li>/g)).toHaveLength(12);
    expect(page.indexOf('<section id="departures-all"')).toBeGreaterThan(page.indexOf('<section id="rules"'));
    expect(sectionOf(page, 'lottery-all').match(/<li>/g)).toHaveLength(9);
    expect(sectionOf(page, 'over-cap-summary-all').match(/<li>/g)).toHaveLength(11);
    expect(page).not.toContain('<section id="shortfalls-all"'); // two cells: short enough
    expect(renderReport(fullView())).not.toContain('-all"');
  });

  it('the cohort\'s and sectors\' gender shares: the unmet target and the proposal, or one line when all are met', () => {
    const target = { scope: 'cohort' as const, scopeKey: 'cohort', gender: 'female' as const, required: 16, actual: 14, met: false };
    const change = { cellKey: 'spesialist/Helse Vest', out: { id: 'V-1', priority: 3, gender: 'male' as const }, in: { id: 'V-2', priority: 5, gender: 'female' as const } };
    const view = { ...sampleView(), genderBalance: { acrossBodies: false, targets: [target], proposal: { applied: false, shortfallAfter: 0, changes: [change] } } };
    const nb = sectionOf(renderReport(view), 'gender-balance');
    expect(nb).toContain('Kjønnsbalanse på tvers av instansene (mål, ikke regel): kullet har 14 kvinner, målet er minst 16.');
    expect(nb).toContain('Forslag, brukes bare hvis instansene blir enige om å balansere på tvers');
    expect(nb).toContain('Helse Vest: V-2 (kvinne, prioritet 5) i stedet for V-1 (mann, prioritet 3), 2 plasser lenger ned i rangeringen.');
    const en = sectionOf(renderReport(view, 'en'), 'gender-balance');
    expect(en).toContain('the cohort has 14 women; the target is at least 16.');
    const met = { ...sampleView(), genderBalance: { acrossBodies: false, targets: [{ ...target, actual: 20, met: true }], proposal: null } };
    expect(sectionOf(renderReport(met), 'gender-balance')).toContain('Hvert kjønn har minst sin andel av kullet og av hver sektor.');
    expect(renderReport(sampleView())).not.toContain('<section id="gender-balance"');
  });
});
