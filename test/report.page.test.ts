import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { jest } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../src/domain/paths.js';
import { createMemoryStores } from '../src/domain/storage/index.js';
import { removeDataDir, startApp, type RunningApp } from './support/app.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from './support/browser.js';
import { text } from './support/i18n.js';
import { ADMIN_KEY, largeFeedback, largeOutcomes } from './support/reportSeed.js';

const OUTPUT = join(PROJECT_ROOT, 'test-output');

jest.setTimeout(180_000);

if (!existsSync(CHROMIUM)) {
  throw new Error(`The report page tests need Debian's Chromium at ${CHROMIUM}: run "apt-get update && apt-get install -y chromium".`);
}

let browser: Browser;
let profile: string;
let full: RunningApp;
let empty: RunningApp;

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  const stores = createMemoryStores();
  for (const record of largeFeedback(10_000)) await stores.feedback.insert(record);
  for (const record of largeOutcomes(3_000)) await stores.outcomes.insert(record);
  full = await startApp({ adminApiKey: ADMIN_KEY }, { stores });
  empty = await startApp({ adminApiKey: ADMIN_KEY }, { stores: createMemoryStores() });
  profile = mkdtempSync(join(tmpdir(), 'report-chromium-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, `--disk-cache-dir=${join(profile, 'cache')}`],
  });
});

afterAll(async () => {
  await browser?.close();
  await full?.close();
  await empty?.close();
  for (const running of [full, empty]) if (running) removeDataDir(running.dataDir);
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function openContext(locale: string): Promise<BrowserContext> {
  return browser.newContext({ locale, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
}

/** Opens the report and signs in with `key`; resolves once the page has drawn the figures. */
async function signIn(page: Page, url: string, key = ADMIN_KEY): Promise<void> {
  await page.goto(url);
  await page.locator('#admin-key').fill(key);
  await page.locator('#key-form button[type=submit]').click();
}

async function seriousViolations(page: Page) {
  // Open the table alternatives too, so axe checks them as well.
  await page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

// Browser-side code is passed as text: the project's type check has no DOM library.

/** Whether a canvas has any painted pixel. */
function canvasPainted(page: Page, id: string): Promise<boolean> {
  return page.evaluate(`(() => {
    const canvas = document.getElementById(${JSON.stringify(id)});
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0 || canvas.height === 0) return false;
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
    return false;
  })()`);
}

/** How many Chart.js charts the page has drawn. */
function chartCount(page: Page): Promise<number> {
  return page.evaluate('window.feedbackReportCharts.length');
}

describe('the report page with 10,000 answers', () => {
  test('in English: asks for the key, then draws every chart, table and comment', async () => {
    const context = await openContext('en-US');
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(full.url) && !request.url().startsWith('blob:')) outside.push(request.url());
    });

    await page.goto(`${full.url}/admin/feedback?lang=en`);
    await expect(page.locator('h1').textContent()).resolves.toBe(text('en', 'report:page.title'));
    await expect(page.locator('#sign-in').isVisible()).resolves.toBe(true);
    await expect(page.locator('label[for=admin-key]').textContent()).resolves.toBe(text('en', 'report:page.key.label'));
    expect(await seriousViolations(page)).toEqual([]);

    await signIn(page, `${full.url}/admin/feedback?lang=en`);
    await page.waitForSelector('body[data-rendered=true]');

    const overview = await page.locator('#overview').innerText();
    expect(overview).toContain(text('en', 'report:page.overview.total'));
    expect(overview).toContain('10,000');
    expect(overview).toContain('3,000');

    expect(await chartCount(page)).toBe(5);
    for (const id of ['byReason-chart', 'byWeek-chart', 'byPlan-chart', 'byLanguage-chart', 'funnel-chart']) {
      expect(await canvasPainted(page, id)).toBe(true);
    }
    const reasonTable = await page.locator('#byReason-table').textContent();
    expect(reasonTable).toContain(text('en', 'feedback:reasons.tooExpensive'));
    expect(reasonTable).toContain(text('en', 'report:reasons.declined'));
    expect(await page.locator('#byWeek-table tbody tr').count()).toBeGreaterThanOrEqual(52);
    const funnelTables = await page.locator('#funnel-tables').textContent();
    expect(funnelTables).toContain(text('en', 'report:endings.escalated'));
    // Steps by name, for product owners; never the internal milestone ids.
    expect(funnelTables).toContain(text('en', 'report:steps.feeWarning'));
    expect(funnelTables).toContain(text('en', 'report:steps.autoRenewSteps'));
    expect(funnelTables).not.toMatch(/feeWarning|autoRenewSteps|saveData|adminCheck/);

    // Comments are text, never HTML: the markup in them shows as characters.
    expect(await page.locator('#comments li').count()).toBe(20);
    expect(await page.locator('#comments b').count()).toBe(0);
    expect(await page.locator('#comments li').first().innerText()).toContain('"citat" & <b>fet</b>');

    await page.screenshot({ path: join(OUTPUT, 'feedback-report-en.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);

    // The key is asked once per tab: a reload shows the report straight away.
    await page.reload();
    await page.waitForSelector('body[data-rendered=true]');
    await expect(page.locator('#sign-in').isVisible()).resolves.toBe(false);

    // The CSV button downloads the export with the key.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^feedback-.*\.csv$/);
    await context.close();
  });

  test('in Swedish from the browser language, with a date filter', async () => {
    const context = await openContext('sv-SE');
    const page = await context.newPage();
    await signIn(page, `${full.url}/admin/feedback`);
    await page.waitForSelector('body[data-rendered=true]');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sv');
    await expect(page.locator('h1').textContent()).resolves.toBe(text('sv', 'report:page.title'));
    expect(await page.locator('#byReason-table').textContent()).toContain(text('sv', 'feedback:reasons.tooExpensive'));
    expect(await page.locator('#overview').innerText()).toContain('10\u00a0000');
    const funnelTables = await page.locator('#funnel-tables').textContent();
    expect(funnelTables).toContain(text('sv', 'report:steps.feeWarning'));
    expect(funnelTables).toContain(text('sv', 'report:page.funnel.leftAt', { step: text('sv', 'report:steps.saveData') }));
    expect(funnelTables).not.toMatch(/feeWarning|autoRenewSteps|saveData|adminCheck/);

    await page.locator('#filter-from').fill('2026-11-01');
    await page.locator('#filter-to').fill('2026-11-20');
    await page.evaluate('delete document.body.dataset.rendered');
    await page.locator('#filter-form button[type=submit]').click();
    await page.waitForSelector('body[data-rendered=true]');
    expect(await page.locator('#overview').innerText()).not.toContain('10\u00a0000');

    await page.screenshot({ path: join(OUTPUT, 'feedback-report-sv.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test('a wrong key is refused and asked for again', async () => {
    const context = await openContext('en-US');
    const page = await context.newPage();
    await signIn(page, `${full.url}/admin/feedback?lang=en`, 'not-the-key-0000000');
    await page.locator('#key-error').waitFor({ state: 'visible' });
    await expect(page.locator('#key-error').textContent()).resolves.toBe(text('en', 'report:page.key.wrong'));
    await expect(page.locator('#report').isVisible()).resolves.toBe(false);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await context.close();
  });
});

describe('the report page with no data', () => {
  test('shows the empty state instead of charts, in both languages', async () => {
    for (const language of ['en', 'sv'] as const) {
      const context = await openContext(language === 'sv' ? 'sv-SE' : 'en-US');
      const page = await context.newPage();
      await signIn(page, `${empty.url}/admin/feedback?lang=${language}`);
      await page.waitForSelector('body[data-rendered=true]');
      await expect(page.locator('#empty').textContent()).resolves.toBe(text(language, 'report:page.empty'));
      await expect(page.locator('#charts').isVisible()).resolves.toBe(false);
      await expect(page.locator('#funnel-empty').textContent()).resolves.toBe(text(language, 'report:page.funnel.empty'));
      expect(await chartCount(page)).toBe(0);
      await page.screenshot({ path: join(OUTPUT, `feedback-report-empty-${language}.png`), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    }
  });
});
