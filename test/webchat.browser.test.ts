/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { useRunningApp } from './support/app.js';
import {
  clickSuggestedAction,
  launchBrowser,
  screenshotPath,
  seriousAccessibilityViolations,
  waitForText,
  type Browser,
} from './support/browser.js';
import { text } from './support/i18n.js';

describe('chatting on the Web Chat page in Chromium', () => {
  const app = useRunningApp();
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser({ locale: 'en-US' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openPage(path = '/', viewport = { width: 1100, height: 900 }): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${message.text()} ${message.location().url}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) pageErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
    await page.goto(`${app.current.url}${path}`);
    return page;
  }

  test('an English browser gets the English page; choosing Svenska switches the page, Web Chat and the bot, and a typed question gets the Swedish answer', async () => {
    const page = await openPage();
    const posted: { text?: string; locale?: string }[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/conversations\/[^/]+\/activities$/.test(request.url())) posted.push(request.postDataJSON());
    });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await waitForText(page, text('en', 'welcome.intro'));
    await waitForText(page, text('en', 'menu.prompt'));

    await page.getByLabel(text('en', 'webchat:languageLabel')).selectOption('sv');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.locator('h1').innerText()).toBe(text('sv', 'webchat:heading'));
    await waitForText(page, text('sv', 'language.switched'));
    await waitForText(page, text('sv', 'menu.prompt'));
    // Web Chat's own interface speaks Swedish too (its sv-SE strings).
    await page.getByRole('button', { name: 'Skicka' }).waitFor();

    const question = text('sv', 'menu.topics.productKey');
    await page.locator('[data-id="webchat-sendbox-input"]').fill(question);
    await page.keyboard.press('Enter');
    await waitForText(page, text('sv', 'facts:F02.productKey'));
    // The page's language travels with every activity: the switch itself and the question.
    expect(posted.map(({ text: said, locale }) => ({ said, locale }))).toEqual([
      { said: text('sv', 'webchat:switchPhrase'), locale: 'sv-SE' },
      { said: question, locale: 'sv-SE' },
    ]);
    await page.screenshot({ path: screenshotPath('webchat-swedish-question'), fullPage: true });
    // The user's own message was acknowledged (not left "sending" / "send failed").
    expect(await page.locator('.webchat__activity-status--sending, .webchat__activity-status--send-failed').count()).toBe(0);
    await page.close();
  });

  test('a whole short path by suggested actions, in Swedish, on a phone-sized screen', async () => {
    const page = await openPage('/?lang=sv', { width: 390, height: 844 });
    await page.evaluate(() => window.localStorage.clear());
    await waitForText(page, text('sv', 'welcome.intro'));
    await clickSuggestedAction(page, text('sv', 'menu.topics.trial'));
    await waitForText(page, text('sv', 'facts:F01.trial'));
    await waitForText(page, text('sv', 'menu.promptAgain'));
    await clickSuggestedAction(page, text('sv', 'menu.topics.termLengths'));
    await waitForText(page, text('sv', 'facts:F07.termLengths'));
    await waitForText(page, text('sv', 'menu.promptAgain'), 2);
    await page.screenshot({ path: screenshotPath('webchat-phone-suggested-actions'), fullPage: true });
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  test('keyboard: the language choice and the send box are reachable with Tab and show their focus', async () => {
    const page = await openPage('/?lang=en');
    await waitForText(page, text('en', 'menu.prompt'));
    const focusOrder: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      focusOrder.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.className || ''));
    }
    expect(focusOrder).toContain('language');
    await page.locator('#language').focus();
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.close();
  });

  test('axe finds no serious or critical accessibility violation, in either language', async () => {
    for (const language of ['sv', 'en'] as const) {
      const page = await openPage(`/?lang=${language}`);
      await page.evaluate(() => window.localStorage.clear());
      await waitForText(page, text(language, 'menu.prompt'));
      await clickSuggestedAction(page, text(language, 'menu.topics.reactivate'));
      await waitForText(page, text(language, 'facts:F03.reactivate'));
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`webchat-axe-${language}`) });
      await page.close();
    }
    // Two page loads and two axe runs on a CPU shared with other work: room beyond the default 30 s.
  }, 120_000);

  test('the page logged no script error (CSP, Web Chat, Direct Line)', () => {
    expect(pageErrors).toEqual([]);
  });
});
