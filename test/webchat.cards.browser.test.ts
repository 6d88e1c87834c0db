/// <reference lib="dom" />
import { useRunningApp } from './support/app.js';
import {
  clickSuggestedAction,
  launchBrowser,
  plainQuotes,
  screenshotPath,
  seriousAccessibilityViolations,
  waitForTextIn,
  type Browser,
} from './support/browser.js';
import { text } from './support/i18n.js';

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe("the bot's Adaptive Cards in Web Chat (Chromium)", () => {
  const app = useRunningApp();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser({ locale: 'sv-SE' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the cancellation path by suggested actions ends in the step-list and checklist cards, rendered and accessible', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 1000 });
    await page.goto(`${app.current.url}/?lang=sv`);
    await waitForTextIn(page, '.webchat__bubble__content', text('sv', 'menu.prompt'));

    await clickSuggestedAction(page, text('sv', 'cancel:menu.cancel'));
    await waitForTextIn(page, '.webchat__bubble__content', text('sv', 'cancel:plan.prompt'));
    await clickSuggestedAction(page, text('sv', 'cancel:plan.choices.smallBusiness'));
    await waitForTextIn(page, '.webchat__bubble__content', text('sv', 'cancel:when.promptSmallBusiness'));
    await clickSuggestedAction(page, text('sv', 'cancel:when.termEnd'));

    // Web Chat renders the bot's Adaptive Card 1.5: heading, and the numbered steps from the facts.
    await waitForTextIn(page, '.ac-adaptiveCard', text('sv', 'cancel:termEnd.stepsTitle'));
    await waitForTextIn(page, '.ac-adaptiveCard', text('sv', 'facts:F06.step1'));
    await waitForTextIn(page, '.ac-adaptiveCard', text('sv', 'facts:F06.step2'));
    // The steps are numbered 1, 2 as the bot numbers them (Web Chat's markdown does not renumber them).
    const stepCard = page.locator('.ac-adaptiveCard', { hasText: text('sv', 'cancel:termEnd.stepsTitle') });
    const cardText = plainQuotes(await stepCard.innerText());
    expect(cardText).toMatch(new RegExp(`1\\.\\s+${escapeRegExp(plainQuotes(text('sv', 'facts:F06.step1')))}`));
    expect(cardText).toMatch(new RegExp(`2\\.\\s+${escapeRegExp(plainQuotes(text('sv', 'facts:F06.step2')))}`));

    // Answering the card's follow-up ("nej") moves on to the checklist card.
    await waitForTextIn(page, '.webchat__bubble__content', text('sv', 'cancel:termEnd.askKnowsDate'));
    await clickSuggestedAction(page, text('sv', 'prompts:no'));
    await waitForTextIn(page, '.ac-adaptiveCard', text('sv', 'cancel:checklist.title'));
    expect(await page.locator('.ac-adaptiveCard').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: screenshotPath('webchat-adaptive-cards'), fullPage: true });

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
