/** The report shows the selection's departures from the bodies' rankings and the lottery seats (issue 13, items 3 and 4). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AllocateSummary } from '../../src/app/summary-schema.js';
import { SAMPLE_NB, cohort, tempDir } from '../e2e/helpers.js';

const section = (html: string, id: string): string => {
  const at = html.indexOf(`<section id="${id}"`);
  return at < 0 ? '' : html.slice(at, html.indexOf('</section>', at));
};

describe('the report of the bundled sample', () => {
  it.each(['nb', 'en'] as const)('%s: page 1 and the full list name every departure and the lottery seats, as summary.json records them', async (lang) => {
    const out = join(tempDir(), 'o');
    const run = await cohort(['allocate', ...SAMPLE_NB, '--out', out, '--report', join(out, 'report.html'), '--lang', lang]);
    expect(run.code, run.stderr).toBe(0);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as AllocateSummary;
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(s.departures.length).toBeGreaterThan(0);
    const all = section(html, 'departures-all') || section(html, 'departures');
    for (const d of s.departures) {
      expect(all).toContain(d.passedOver.id);
      expect(all).toContain(d.takenInstead.id);
    }
    expect(all).toContain(lang === 'nb' ? 'instansens egen' : 'own gender rule');
    const lottery = section(html, 'lottery');
    for (const l of s.lottery) for (const id of l.selected) expect(lottery).toContain(id);
  });
});
