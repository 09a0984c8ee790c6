/**
 * The sample year's report in a real browser: Debian's chromium, headless, driven by playwright-core (which
 * brings no browser of its own). CI installs chromium (`.ci/run`); without it this file fails under CI and is
 * skipped elsewhere. Leaves `out/report-screenshot.png` (and `out/report.pdf`, the A4 print) for a reviewer.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLE_NB, cohort, tempDir } from '../e2e/helpers.js';

const CHROMIUM = process.env.COHORT_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false' && process.env.CI !== '0';
const OUT = join(ROOT, 'out');

/** As root with no network: no sandbox (playwright's default), none of chromium's own background traffic, and no
 * reliance on a large /dev/shm (containers often give 64 MB). */
const CHROMIUM_ARGS = ['--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'];

/** A4 printable area at 96 px/in with the report's @page margins (12 mm left/right, 14 + 16 mm top/bottom). */
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

const A4_CONTENT = { width: Math.floor(((210 - 24) / 25.4) * 96), height: Math.floor(((297 - 30) / 25.4) * 96) };

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
    selected = rows.filter((r) => r.status === 'selected').map((r) => r.id as string).sort();
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
    await page.pdf({ path: join(OUT, 'report.pdf'), preferCSSPageSize: true, printBackground: true });
  });
});
