/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/domain/paths.js';

/** Debian's Chromium (installed by the pretest step); no tool ever downloads a browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** The flags Debian's Chromium needs here: headless as root, and no calls to Google's services. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Where screenshots go: git-ignored. */
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-output', 'screenshots');

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium profile per call, removed on close. */
export async function launchBrowser(options: BrowserContextOptions = {}): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cancellation-assistant-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name}.png`);
}

// Web Chat's markdown typesets quotes (I'm → I’m) and puts zero-width spaces around the links it
// makes of addresses (anna@contoso.com); compare plain text.
export const plainQuotes = (value: string) => value.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\u200b/g, '');

/** Waits until elements matching the selector show the text `count` times in all. */
export async function waitForTextIn(page: Page, selector: string, expected: string, count = 1): Promise<void> {
  await page.waitForFunction(
    ([css, wanted, times]) => {
      const shown = Array.from(document.querySelectorAll(css))
        .map((element) => (element as HTMLElement).innerText.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\u200b/g, ''))
        .join('\n');
      return shown.split(wanted).length - 1 >= times;
    },
    [selector, plainQuotes(expected), count] as const,
    { timeout: 20_000 },
  );
}

/** Waits until the transcript (or the page's own texts) shows the text `count` times. */
export function waitForText(page: Page, expected: string, count = 1): Promise<void> {
  return waitForTextIn(page, '.webchat__bubble__content, h1, p, label', expected, count);
}

export async function clickSuggestedAction(page: Page, title: string): Promise<void> {
  await page.locator('.webchat__suggested-actions').getByRole('button', { name: title, exact: true }).click();
}

/** axe's serious and critical findings on the page (WCAG 2.1 A/AA and best practices). */
export async function seriousAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
}
