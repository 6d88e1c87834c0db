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
import type { Page } from 'playwright-core';

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The walks take a dozen turns and an axe run on a CPU shared with other work: each test has room
// beyond jest's default 30 s (a guard against hangs, not a speed target).
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
  }, 120_000);

  test('the support summary card renders the details, its correct button re-asks a detail and its confirm button escalates (English)', async () => {
    const t = (key: string, args?: Record<string, unknown>) => text('en', key, args);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 1400 });
    await page.goto(`${app.current.url}/?lang=en`);
    await waitForTextIn(page, '.webchat__bubble__content', t('menu.prompt'));
    const type = async (said: string) => {
      await page.locator('[data-id="webchat-sendbox-input"]').fill(said);
      await page.keyboard.press('Enter');
    };
    const summaryCards = page.locator('.ac-adaptiveCard', { hasText: t('support:review.title') });
    const pressOnLastCard = (title: string) => summaryCards.last().getByRole('button', { name: title, exact: true }).click();

    await clickSuggestedAction(page, t('cancel:menu.support'));
    await waitForTextIn(page, '.webchat__bubble__content', t('support:admin.ask'));
    await clickSuggestedAction(page, t('prompts:yes'));
    await waitForTextIn(page, '.webchat__bubble__content', t('support:ask.userId'));
    await type('asa.oberg@contoso.se');
    await waitForTextIn(page, '.webchat__bubble__content', t('support:ask.phone'));
    await type('070-123 45 67');
    await waitForTextIn(page, '.webchat__bubble__content', t('support:ask.contactName'));
    await type('Åsa Öberg-Lindqvist');
    await waitForTextIn(page, '.webchat__bubble__content', t('support:ask.organization'));
    await type('[Contoso](http://example.com) *AB*');
    await waitForTextIn(page, '.webchat__bubble__content', t('support:ask.address'));
    await type('Storgatan 1, 123 45 Stockholm');

    // The card shows the details as given (the phone normalized), user-typed Markdown literally.
    await waitForTextIn(page, '.ac-adaptiveCard', t('support:review.title'));
    await waitForTextIn(page, '.webchat__bubble__content', t('support:review.ask'));
    for (const shown of ['asa.oberg@contoso.se', '+46701234567', 'Åsa Öberg-Lindqvist', '[Contoso](http://example.com) *AB*', 'Storgatan 1, 123 45 Stockholm']) {
      await waitForTextIn(page, '.ac-adaptiveCard', shown);
    }
    expect(await summaryCards.last().locator('a').count()).toBe(0);
    // Its buttons are the only ones: no suggested actions repeat them.
    const cardButtonNames = await summaryCards.last().getByRole('button').allInnerTexts();
    expect(cardButtonNames.map(plainQuotes)).toEqual(
      [...['userId', 'phone', 'contactName', 'organization', 'address'].map((field) => t(`support:review.correct.${field}`)), t('support:review.confirm'), t('support:review.stop')].map(
        plainQuotes,
      ),
    );
    expect(await page.locator('.webchat__suggested-actions').getByRole('button').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('webchat-support-summary-card'), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // "Correct phone number" on the card shows as the admin's own message, as a suggested action
    // would, and re-asks the phone; the new card shows the new number.
    const userBubbles = '.webchat__bubble--from-user .webchat__bubble__content';
    await pressOnLastCard(t('support:review.correct.phone'));
    await waitForTextIn(page, userBubbles, t('support:review.correct.phone'));
    await waitForTextIn(page, '.webchat__bubble__content', t('support:ask.phone'), 2);
    await type('08-123 456 78');
    await waitForCardCount(page, t('support:review.title'), 2);
    expect(plainQuotes(await summaryCards.last().innerText())).toContain('+46812345678');

    // Confirm on the newest card: the press shows, the case is stored and its reference shown.
    await pressOnLastCard(t('support:review.confirm'));
    await waitForTextIn(page, userBubbles, t('support:review.confirm'));
    const [before] = t('support:escalated.reference', { reference: '{{reference}}' }).split('{{reference}}');
    await waitForTextIn(page, '.webchat__bubble__content', before ?? '');
    const [stored] = await app.current.app.stores.cases.list();
    expect(stored?.details).toMatchObject({ phone: '+46812345678', organization: '[Contoso](http://example.com) *AB*' });
    expect(stored?.transcriptSummary).toEqual(expect.arrayContaining(['corrected:phone', 'summaryConfirmed']));
    await waitForTextIn(page, '.webchat__bubble__content', t('support:escalated.reference', { reference: stored?.reference }));
    await page.screenshot({ path: screenshotPath('webchat-support-escalated'), fullPage: true });
    await page.close();
  }, 120_000);
});

async function waitForCardCount(page: Page, heading: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([wanted, times]) => Array.from(document.querySelectorAll('.ac-adaptiveCard')).filter((card) => (card as HTMLElement).innerText.includes(wanted)).length >= times,
    [heading, count] as const,
    { timeout: 20_000 },
  );
}
