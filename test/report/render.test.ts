import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../src/report/html.js';
import { REPORT_CSP, renderReport } from '../../src/report/render.js';
import type { ReportView } from '../../src/report/view.js';
import { sampleView, sectionOf, selectedIds } from './fixture.js';

/** Every tag name in the markup (opening tags only). */
function tagNames(page: string): Set<string> {
  return new Set([...page.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => (m[1] as string).toLowerCase()));
}

/** Every string in the view with `suffix` appended, except the enum fields the renderer switches on. */
function poison<T>(value: T, suffix: string, key = ''): T {
  const ENUMS = new Set(['gender', 'sector', 'kind', 'scope', 'stage']);
  if (typeof value === 'string') return (ENUMS.has(key) ? value : value + suffix) as T;
  if (Array.isArray(value)) return value.map((v) => poison(v, suffix, key)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, suffix, k)])) as T;
  }
  return value;
}

const HOSTILE = `<x-evil a="1" b='2'>&amp;</x-evil>`;
const HOSTILE_ESCAPED = '&lt;x-evil a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;amp;&lt;/x-evil&gt;';

describe('escapeHtml and the html tag', () => {
  it.each([
    ['plain', 'plain'],
    ['<b>', '&lt;b&gt;'],
    ['Smith & Sønner', 'Smith &amp; Sønner'],
    [`O'Brien "Bob"`, 'O&#39;Brien &quot;Bob&quot;'],
    ['&amp;', '&amp;amp;'],
  ])('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('escapes interpolated strings but not nested fragments, and drops false/null', () => {
    const inner = html`<i>${'<b>'}</i>`;
    expect(html`<p title="${'"x"'}">${inner}${false}${null}${[1, '&']}</p>`.value).toBe('<p title="&quot;x&quot;"><i>&lt;b&gt;</i>1&amp;</p>');
  });
});

describe('renderReport', () => {
  it('escapes every string from the view: no markup can come from the data', () => {
    const clean = renderReport(sampleView());
    const page = renderReport(poison(sampleView(), HOSTILE));
    expect(page).not.toContain('<x-evil');
    expect(tagNames(page)).toEqual(tagNames(clean));
    // Every person's name arrives escaped (and therefore every name is shown).
    const view = sampleView();
    for (const name of [...view.groups.flatMap((g) => g.members), ...view.ineligible, ...view.excluded].map((m) => m.name)) {
      expect(page).toContain(`${name}${HOSTILE_ESCAPED}`);
    }
    for (const s of [view.programme.name, view.inputs[0]!.file]) {
      expect(page).toContain(escapeHtml(s) + HOSTILE_ESCAPED);
    }
    // The pipeline's English detail is shown on the English page only; the codes behind it on both.
    const en = renderReport(poison(sampleView(), HOSTILE), 'en');
    expect(en).not.toContain('<x-evil');
    for (const s of [view.warnings[0]!.message, view.relaxations[0]!.reason]) expect(en).toContain(escapeHtml(s) + HOSTILE_ESCAPED);
    expect(page).toContain(escapeHtml(view.warnings[0]!.code) + HOSTILE_ESCAPED);
    expect(page).toContain(escapeHtml(JSON.stringify(view.seed + HOSTILE)));
  });

  it('a name with a script tag stays text', () => {
    const view = sampleView();
    view.groups[0]!.members[0] = { ...view.groups[0]!.members[0]!, name: '<script>alert("x")</script>' };
    const page = renderReport(view);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('is one self-contained file: no scripts, no external references, a CSP that forbids fetching', () => {
    const page = renderReport(sampleView());
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(tagNames(page)).not.toContain('script');
    expect(tagNames(page)).not.toContain('img');
    expect(tagNames(page)).not.toContain('iframe');
    expect(page).not.toMatch(/https?:|@import|url\(/i);
    for (const m of page.matchAll(/\b(?:href|src)="([^"]*)"/g)) expect(m[1]).toMatch(/^data:/);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`);
    expect(REPORT_CSP).toContain("default-src 'none'");
  });

  it('prints on A4 and never splits a card', () => {
    const page = renderReport(sampleView());
    expect(page).toMatch(/@page\s*\{[^}]*size:\s*A4/);
    expect(page).toMatch(/\.card\s*\{[^}]*break-inside:\s*avoid/);
  });

  it('lists every selected participant exactly once in the groups section', () => {
    const view = sampleView();
    const groups = sectionOf(renderReport(view), 'groups');
    const ids = [...groups.matchAll(/data-id="([^"]*)"/g)].map((m) => m[1]);
    expect([...ids].sort()).toEqual(selectedIds(view).sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows the quota numbers, the unmet rules, the relaxation and the footer record', () => {
    const view = sampleView();
    const page = renderReport(view, 'en');
    const quotas = sectionOf(page, 'quotas');
    expect(quotas).toMatch(/<td class="num short"[^>]*>1<\/td>/);
    expect(sectionOf(page, 'shortfalls')).toContain(view.cells[1]!.explanation!);
    const rules = sectionOf(page, 'rules');
    expect(rules.match(/✗ not met/g)).toHaveLength(2);
    expect(rules.match(/✓ met/g)).toHaveLength(2);
    expect(rules).toContain('At least 2 men in the specialist health services');
    expect(rules).toContain('Relaxed (workshop groups)');
    expect(page).toContain('✗ At least one rule is not met');
    for (const f of view.inputs) expect(page).toContain(f.sha256);
    expect(page).toContain(view.programme.sha256);
    expect(page).toContain('&quot;frø&quot;');
    expect(page).toContain('Made with cohort 0.1.0');
    expect(page).toContain('groups: feasible (gap 1.25 %)');
    expect(renderReport(view)).toContain('verkstedgrupper: gyldig, ikke bevist optimal (avvik 1,25 %)');
  });

  it('groups the ineligible by reason (a candidate under each of theirs), reserves in order, the excluded apart', () => {
    const page = renderReport(sampleView(), 'en');
    const inel = sectionOf(page, 'ineligible');
    const reasons = [...inel.matchAll(/data-reason="([^"]*)"/g)].map((m) => m[1]);
    expect(reasons).toEqual(['too_young', 'no_bachelor', 'some_new_code']);
    expect(inel.match(/data-id="S-9"/g)).toHaveLength(2);
    expect(inel).toContain('Under 25 years');
    expect(inel).toContain('24 years on 2026-08-17, minimum 25');
    expect(sectionOf(page, 'reserves')).toMatch(/data-id="S-4"><td class="num"[^>]*>1<\/td>/);
    expect(sectionOf(page, 'excluded')).toContain('data-id="K-8"');
    expect(page).not.toMatch(/data-id="K-8"[^]*data-id="K-8"/);
  });

  it('is Norwegian by default and English with lang en', () => {
    const nb = renderReport(sampleView());
    const en = renderReport(sampleView(), 'en');
    expect(renderReport(sampleView(), 'nb')).toBe(nb);
    expect(nb).toContain('<html lang="nb">');
    expect(en).toContain('<html lang="en">');
    for (const word of ['Kvoter', 'Regler', 'Verkstedgrupper', 'Prosjektgrupper', 'Reservelister', 'Ikke kvalifiserte søkere', 'For protokollen']) {
      expect(nb).toContain(word);
      expect(en).not.toContain(word);
    }
    for (const word of ['Quotas', 'Rules', 'Workshop groups', 'Project teams', 'Reserve lists', 'Ineligible candidates', 'For the record']) {
      expect(en).toContain(word);
      expect(nb).not.toContain(word);
    }
    // The ineligible detail in bokmål from what was measured, not the pipeline's English.
    expect(nb).not.toContain('24 years on 2026-08-17, minimum 25');
    expect(en).toContain('24 years on 2026-08-17, minimum 25');
  });

  it("a body's own gender rule reads with the body's name; the municipalities' one cell as the sector", () => {
    const view = sampleView();
    view.rules.push(
      { id: 'gender.cell.kommune.female', kind: 'gender', scope: 'cell', scopeKey: 'kommune', gender: 'female', required: 1, actual: 2, met: true, explanation: null },
      { id: 'gender.cell.hv.male', kind: 'gender', scope: 'cell', scopeKey: 'spesialist/Helse Vest', gender: 'male', required: 1, actual: 1, met: true, explanation: null },
    );
    const rules = sectionOf(renderReport(view), 'rules');
    expect(rules).toContain('Minst 1 kvinne i kommunehelsetjenesten');
    expect(rules).toContain('Minst 1 mann i Helse Vest');
  });

  it('leaves out the seed and the optimisation record when the view does not know them', () => {
    const page = renderReport({ ...sampleView(), seed: null, stages: [] }, 'en');
    expect(page).not.toContain('Lottery seed');
    expect(page).not.toContain('<dt>Optimisation</dt>');
    expect(renderReport(sampleView(), 'en')).toContain('<dt>Optimisation</dt>');
  });

  it('is deterministic and does not change the view', () => {
    const view: ReportView = sampleView();
    const copy = structuredClone(view);
    expect(renderReport(view)).toBe(renderReport(copy));
    expect(view).toEqual(copy);
  });
});
