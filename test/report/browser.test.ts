/**
 * The sample year's report in a real browser: Debian's chromium, headless, driven by playwright-core (which
 * brings no browser of its own). CI installs chromium (`.ci/run`); without it this file fails under CI and is
 * skipped elsewhere. Leaves `out/report-screenshot.png` (and `out/report.pdf`, the A4 print) for a reviewer.
 *
 * One browser start for the file; each language's page is opened once and reused (each test sets the media and
 * viewport it needs).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/render.js';
import { ROOT, SAMPLE_NB, cohort, tempDir } from '../e2e/helpers.js';
import { busyView } from './fixture.js';
import { run } from '../../src/cli/main.js';
import { allocationFolder, findRow, setRow } from '../diff/helpers.js';

const CHROMIUM = process.env.COHORT_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false' && process.env.CI !== '0';
const OUT = join(ROOT, 'out');

/** As root with no network: no sandbox (playwright's default), none of chromium's own background traffic, and no
 * reliance on a large /dev/shm (containers often give 64 MB). */
const CHROMIUM_ARGS = ['--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'];

/** For the hooks and each browser step: generous, since a busy machine slows chromium's start tenfold. */
const HOOK_TIMEOUT_MS = 180_000;
const STEP_TIMEOUT_MS = 60_000;

/**
 * Start chromium, once more if the first start fails: a start that crashes or times out under load is not what
 * these tests are about. The second failure is reported with the first.
 */
async function launchChromium(): Promise<Browser> {
  const launch = () => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: STEP_TIMEOUT_MS });
  try {
    return await launch();
  } catch (first) {
    try {
      return await launch();
    } catch (second) {
      throw new Error(`chromium did not start twice: ${String(first)}; then: ${String(second)}`);
    }
  }
}

/** Millimetres to CSS pixels (96 px/in). */
const mm = (x: number) => Math.floor((x / 25.4) * 96);
/** A4's printable area with the report's @page margins (11 mm left/right, 12 + 13 mm top/bottom), portrait and landscape. */
const A4_CONTENT = { width: mm(210 - 22), height: mm(297 - 25) };
const A4_LANDSCAPE_CONTENT = { width: mm(297 - 22), height: mm(210 - 25) };
/** The sample year's nb report prints on 9 A4 pages (17 before the print stylesheet was reworked); room for fonts and later sections. */
const MAX_PAGES = 12;

/** Pages of a PDF from chromium (its page objects are not compressed), checked against the page tree's count. */
function pdfPages(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  if (counts.length > 0 && Math.max(...counts) !== pages) throw new Error(`PDF: ${pages} page objects, page tree says ${Math.max(...counts)}`);
  return pages;
}

/** Tables (and the page itself) wider than their container, measured in the page (the tsconfig has no DOM lib). */
async function overflowingTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Box = { right: number; width: number };
    type El = { scrollWidth: number; clientWidth: number; parentElement: El | null; getBoundingClientRect: () => Box; closest: (s: string) => { id: string } | null; className: string };
    const doc = (globalThis as unknown as { document: { documentElement: El; querySelectorAll: (s: string) => El[] } }).document;
    const out: string[] = [];
    for (const t of doc.querySelectorAll('table')) {
      const parent = t.parentElement;
      if (parent === null) continue;
      const where = `${t.closest('section[id]')?.id ?? 'footer'} table.${t.className || '(plain)'}`;
      if (t.scrollWidth > t.clientWidth + 1) out.push(`${where}: content ${t.scrollWidth} px in ${t.clientWidth} px`);
      if (t.getBoundingClientRect().right > parent.getBoundingClientRect().right + 1) out.push(`${where}: ${Math.round(t.getBoundingClientRect().width)} px wide in a ${parent.clientWidth} px container`);
      if (parent.scrollWidth > parent.clientWidth + 1) out.push(`${where}: its container scrolls (${parent.scrollWidth} > ${parent.clientWidth} px)`);
    }
    const root = doc.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) out.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth} px)`);
    return out;
  });
}

if (!HAVE_CHROMIUM && !IN_CI) {
  describe('the report in headless chromium', () => {
    // Skipped, with the reason as its name in the test output.
    it.skip(`skipped: ${CHROMIUM} is missing (apt-get install -y --no-install-recommends chromium, or set COHORT_CHROMIUM)`, () => {});
  });
}

if (!HAVE_CHROMIUM && IN_CI) {
  describe('the report in headless chromium', () => {
    it('needs Debian chromium', () => {
      throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium before the tests (.ci/run: apt-get install -y --no-install-recommends chromium)`);
    });
  });
}

interface Opened {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  blocked: string[];
}

describe.skipIf(!HAVE_CHROMIUM)("the sample year's report in headless Debian chromium", () => {
  let browser: Browser;
  let dir: string;
  let selected: string[];
  const opened: Record<'nb' | 'en', Opened | undefined> = { nb: undefined, en: undefined };

  async function open(file: string): Promise<Opened> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    const blocked: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    // Anything but the file itself (and data: URLs) is recorded and never leaves the machine.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) await route.continue();
      else {
        blocked.push(url);
        await route.abort('blockedbyclient');
      }
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, consoleErrors, requests, blocked };
  }

  // Two allocations and a browser start: far beyond vitest's 10 s hook default on a loaded 2-core machine.
  beforeAll(async () => {
    dir = tempDir('cohort-report-');
    for (const lang of ['nb', 'en'] as const) {
      const run = await cohort(['allocate', ...SAMPLE_NB, '--out', join(dir, lang), '--report', join(dir, lang, 'report.html'), '--lang', lang]);
      if (run.code !== 0) throw new Error(`allocate exited ${run.code}: ${run.stderr}`);
    }
    const text = readFileSync(join(dir, 'nb', 'allocation.csv'), 'utf8').replace(/^\uFEFF/, '');
    const rows = parse(text, { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    // allocation.csv of --lang nb: Norwegian headers and statuses.
    selected = rows.filter((r) => r.Status === 'tatt opp').map((r) => r.ID as string).sort();
    browser = await launchChromium();
    for (const lang of ['nb', 'en'] as const) opened[lang] = await open(join(dir, lang, 'report.html'));
  }, HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
  }, HOOK_TIMEOUT_MS);

  it.each(['nb', 'en'] as const)('%s: no console errors and no network requests', (lang) => {
    const o = opened[lang] as Opened;
    expect(o.consoleErrors).toEqual([]);
    expect(o.blocked).toEqual([]);
    expect(o.requests.length).toBeGreaterThan(0); // the page itself: the recording works
    for (const url of o.requests) expect(url).toMatch(/^(file|data):/);
  });

  it('is the Norwegian page by default, the English one with --lang en, with no scripts', async () => {
    const nb = (opened.nb as Opened).page;
    const en = (opened.en as Opened).page;
    expect(await nb.getAttribute('html', 'lang')).toBe('nb');
    expect(await en.getAttribute('html', 'lang')).toBe('en');
    expect(await nb.locator('#groups h2').textContent()).toBe('Verkstedgrupper');
    expect(await en.locator('#groups h2').textContent()).toBe('Workshop groups');
    expect(await nb.locator('script').count()).toBe(0);
  });

  it('lists every selected participant exactly once in the groups section', async () => {
    const page = (opened.nb as Opened).page;
    const ids = await page.locator('#groups [data-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
    expect(selected).toHaveLength(40);
    expect([...ids].sort()).toEqual(selected);
    expect(await page.locator('#groups .card').count()).toBe(5);
    expect(await page.locator('#teams .card').count()).toBe(10);
  });

  it('prints on A4 without splitting a card, and leaves a screenshot and the print for review', async () => {
    const page = (opened.nb as Opened).page;
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'report-screenshot.png'), fullPage: true });
    expect(existsSync(join(OUT, 'report-screenshot.png'))).toBe(true);

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize(A4_CONTENT);
    // Runs in the page (the project's tsconfig has no DOM lib, hence the cast).
    const cards = await page.locator('.card').evaluateAll((els) => {
      const style = (globalThis as unknown as { getComputedStyle: (e: unknown) => { breakInside: string } }).getComputedStyle;
      return els.map((e) => ({ breakInside: style(e).breakInside, height: e.getBoundingClientRect().height }));
    });
    expect(cards).toHaveLength(15);
    for (const c of cards) {
      expect(c.breakInside).toBe('avoid');
      expect(c.height).toBeLessThan(A4_CONTENT.height); // so "avoid" can always be honoured
    }
    // Long tables repeat their header row on each printed page; no row is split across pages.
    const tables = await page.locator('table').evaluateAll((els) => {
      const style = (globalThis as unknown as { getComputedStyle: (e: unknown) => { display: string; breakInside: string } }).getComputedStyle;
      type El = { querySelector: (s: string) => unknown };
      return els.map((t) => ({ thead: style((t as unknown as El).querySelector('thead')).display, row: style((t as unknown as El).querySelector('tbody tr')).breakInside }));
    });
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) expect(t).toEqual({ thead: 'table-header-group', row: 'avoid' });
    const pdf = await page.pdf({ path: join(OUT, 'report.pdf'), preferCSSPageSize: true, printBackground: true });
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThanOrEqual(MAX_PAGES);
  });

  /** The PDF of `page` printed with everything but the overview hidden. */
  async function overviewAlone(page: Page): Promise<Buffer> {
    await page.emulateMedia({ media: 'print' });
    const hide = await page.addStyleTag({ content: 'main > :not(#overview), footer { display: none !important; }' });
    try {
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } finally {
      await hide.evaluate((e) => (e as unknown as { remove: () => void }).remove());
    }
  }

  it('page 1 is the overview: first on the page, a page break after it, and on its own it prints on one A4 page', async () => {
    const page = (opened.nb as Opened).page;
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize(A4_CONTENT);
    const first = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelector: (s: string) => { id: string } | null } }).document;
      return doc.querySelector('main > :first-child')?.id ?? null;
    });
    expect(first).toBe('overview');
    const overview = page.locator('#overview');
    expect(await overview.evaluate((e) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { breakAfter: string } }).getComputedStyle(e).breakAfter)).toBe('page');
    expect(await overview.textContent()).toContain('Beviselig beste fordeling');
    // Everything but the overview hidden: one page, so the full print's page 1 holds all of it.
    expect(pdfPages(await overviewAlone(page))).toBe(1);
  });

  it('a view with every box of the overview as long as it gets: the overview still prints on one page, and no table overflows at 375, 700, 800 px or A4', async () => {
    const file = join(dir, 'busy.html');
    writeFileSync(file, renderReport(busyView()));
    const busy = await open(file);
    try {
      expect(await busy.page.locator('#overview li').count()).toBeGreaterThan(20);
      expect(pdfPages(await overviewAlone(busy.page))).toBe(1);
      // Its quota table has every column (excluded, unknown gender): the widest the report makes.
      for (const width of [375, 700, 800]) {
        await busy.page.emulateMedia({ media: 'screen' });
        await busy.page.setViewportSize({ width, height: 800 });
        expect(await overflowingTables(busy.page), `${width} px`).toEqual([]);
      }
      await busy.page.emulateMedia({ media: 'print' });
      await busy.page.setViewportSize(A4_CONTENT);
      expect(await overflowingTables(busy.page), 'A4').toEqual([]);
    } finally {
      await busy.page.context().close();
    }
  });

  it.each(['nb', 'en'] as const)('%s: no table is wider than its container on a phone, at 800 px, or printed on A4 (portrait and landscape)', async (lang) => {
    const page = (opened[lang] as Opened).page;
    const found: Record<string, string[]> = {};
    for (const [name, media, size] of [
      ['375 px', 'screen', { width: 375, height: 800 }],
      ['800 px', 'screen', { width: 800, height: 900 }],
      ['A4', 'print', A4_CONTENT],
      ['A4 landscape', 'print', A4_LANDSCAPE_CONTENT],
    ] as const) {
      await page.emulateMedia({ media });
      await page.setViewportSize(size);
      found[name] = await overflowingTables(page);
    }
    expect(found).toEqual({ '375 px': [], '800 px': [], A4: [], 'A4 landscape': [] });
    expect(await page.locator('table').count()).toBeGreaterThan(10); // the measure saw the tables
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it.each(['nb', 'en'] as const)('%s: the diff page (cohort diff --report): every change once, no console errors or requests, no table overflow on a phone, at 800 px or on A4', async (lang) => {
    // Two allocations as the meeting has them: a participant out and a reserve of the same cell in their place, two
    // participants of different groups swapped.
    const out = findRow((r) => r.status === 'selected' && r.cell === 'kommune', 'municipal participant');
    const reserve = findRow((r) => r.status === 'reserve' && r.cell === 'kommune' && r.reserve_rank === '1', 'first municipal reserve');
    const a = findRow((r) => r.status === 'selected' && r.workshop_group === '1' && r.id !== out.id, 'participant of group 1');
    const b = findRow((r) => r.status === 'selected' && r.workshop_group === '2' && r.id !== out.id, 'participant of group 2');
    const base = join(dir, `diff-${lang}`);
    const before = allocationFolder('before', undefined, { base });
    const after = allocationFolder(
      'after',
      (rows) => {
        setRow(rows, out.id ?? '', { status: 'reserve', reserve_rank: '1', workshop_group: '', project_team: '' });
        setRow(rows, reserve.id ?? '', { status: 'selected', reserve_rank: '', workshop_group: out.workshop_group ?? '', project_team: out.project_team ?? '' });
        setRow(rows, a.id ?? '', { workshop_group: '2' });
        return setRow(rows, b.id ?? '', { workshop_group: '1' });
      },
      { base },
    );
    const file = join(base, 'diff.html');
    let stdout = '';
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => undefined }, env: {}, cwd: ROOT };
    expect(await run(['diff', before, after, '--json', '--report', file, '--lang', lang], io)).toBe(1);
    const changed = (JSON.parse(stdout) as { changes: Array<{ id: string }> }).changes.map((c) => c.id).sort();
    expect(changed).toEqual(expect.arrayContaining([out.id, reserve.id, a.id, b.id]));
    const page = await open(file);
    try {
      expect(page.consoleErrors).toEqual([]);
      expect(page.blocked).toEqual([]);
      expect(await page.page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.page.locator('script').count()).toBe(0);
      const ids = await page.page.locator('#changes [data-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
      expect([...ids].sort()).toEqual(changed);
      expect(await page.page.locator('#bodies [data-cell]').count()).toBe(5);
      for (const [name, media, size] of [
        ['375 px', 'screen', { width: 375, height: 800 }],
        ['800 px', 'screen', { width: 800, height: 900 }],
        ['A4', 'print', A4_CONTENT],
      ] as const) {
        await page.page.emulateMedia({ media });
        await page.page.setViewportSize(size);
        expect(await overflowingTables(page.page), name).toEqual([]);
      }
    } finally {
      await page.page.context().close();
    }
  });
});
