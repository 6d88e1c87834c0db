import type { Activity } from 'botbuilder';
import { removeDataDir, startApp, type RunningApp } from './support/app.js';
import { join, say, visibleText } from './support/directTurn.js';
import { text } from './support/i18n.js';
import { feedback, milestone } from './support/reportSeed.js';

interface Card {
  type: string;
  version: string;
  fallbackText: string;
  body: { type: string; text?: string; facts?: { title: string; value: string }[] }[];
}

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();
const cardOf = (activities: Activity[]) =>
  activities.flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    ?.content as Card | undefined;

let running: RunningApp;
let conversation = 0;
const nextConversation = () => `chat-summary-${++conversation}`;

beforeAll(async () => {
  running = await startApp({ operatorUserIds: ['operator-1', 'aad-operator-2'] });
  const stores = running.app.stores;
  for (const record of [
    feedback(daysAgo(1), { reason: 'tooExpensive' }),
    feedback(daysAgo(2), { reason: 'tooExpensive', locale: 'en' }),
    feedback(daysAgo(3), { reason: 'missingFeatures' }),
    feedback(daysAgo(4), { reason: null }),
    // Older than 30 days: not in the summary.
    feedback(daysAgo(45), { reason: 'companyChange' }),
  ]) {
    await stores.feedback.insert(record);
  }
  await stores.outcomes.insert(milestone('x', daysAgo(1), { path: 'support', ending: 'escalated' }));
  await stores.outcomes.insert(milestone('y', daysAgo(1), { path: 'termEnd', ending: 'termEndSteps' }));
});
afterAll(async () => {
  await running.close();
  removeDataDir(running.dataDir);
});

describe('feedback summary in chat', () => {
  test('an operator asking in Swedish gets the Swedish summary card', async () => {
    const replies = await say(running.url, 'Sammanfattning av feedback', {
      conversationId: nextConversation(),
      userId: 'operator-1',
      locale: 'sv-SE',
    });
    expect(replies).toHaveLength(1);
    const card = cardOf(replies)!;
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const title = text('sv', 'report:chat.title', { days: 30 });
    expect(card.body[0]!.text).toBe(title);
    const facts = Object.fromEntries(card.body.find((b) => b.type === 'FactSet')!.facts!.map((f) => [f.title, f.value]));
    expect(facts[text('sv', 'report:chat.total')]).toBe('4');
    expect(facts[text('sv', 'report:chat.declined')]).toBe('25\u00a0%');
    expect(facts[text('sv', 'report:chat.conversations')]).toBe('2');
    expect(facts[text('sv', 'report:chat.escalationRate')]).toBe('50\u00a0%');
    const topLines = card.body.slice(3).map((b) => b.text);
    expect(topLines).toEqual([
      text('sv', 'report:chat.reasonLine', { reason: text('sv', 'feedback:reasons.tooExpensive'), count: '2' }),
      text('sv', 'report:chat.reasonLine', { reason: text('sv', 'feedback:reasons.missingFeatures'), count: '1' }),
    ]);
    expect(visibleText(replies)).not.toContain(text('sv', 'feedback:reasons.companyChange'));
    // The fallback text carries the same figures for clients that cannot show cards.
    expect(card.fallbackText.split('\n')[0]).toBe(title);
    expect(card.fallbackText).toContain(`${text('sv', 'report:chat.total')}: 4`);
    expect(card.fallbackText).toContain(topLines[0]);
  });

  test('an operator asking in English gets the English card', async () => {
    const replies = await say(running.url, 'feedback summary', {
      conversationId: nextConversation(),
      userId: 'operator-1',
      locale: 'en-US',
    });
    const card = cardOf(replies)!;
    expect(card.body[0]!.text).toBe(text('en', 'report:chat.title', { days: 30 }));
    expect(card.fallbackText).toContain(`${text('en', 'report:chat.declined')}: 25%`);
  });

  test('a Teams operator listed by AAD object id is recognised', async () => {
    const replies = await say(running.url, 'feedback summary', {
      conversationId: nextConversation(),
      userId: '29:teams-user',
      locale: 'en-US',
      extra: { from: { id: '29:teams-user', name: 'Op', aadObjectId: 'aad-operator-2' } },
    });
    expect(cardOf(replies)).toBeDefined();
  });

  test('a Teams channel message that mentions the bot first is recognised', async () => {
    const replies = await say(running.url, '<at>Uppsägningsassistenten</at> sammanfattning av feedback', {
      conversationId: nextConversation(),
      userId: 'operator-1',
      locale: 'sv-SE',
    });
    expect(cardOf(replies)?.body[0]!.text).toBe(text('sv', 'report:chat.title', { days: 30 }));
  });

  test.each([
    ['sv-SE', 'sammanfattning av feedback'],
    ['en-US', 'feedback summary'],
  ])('anyone else (%s) gets the answer the bot gives without the operator feature', async (locale, request) => {
    // "Normal" is what these words get from a bot with no operators at all: the free-text
    // recognizer reads them as wanting to give feedback. Nothing shows that a summary exists.
    const answer = async (url: string) => {
      const conversationId = nextConversation();
      await join(url, { conversationId, userId: 'someone-else', locale });
      return say(url, request, { conversationId, userId: 'someone-else', locale });
    };
    const withoutOperators = await startApp({ operatorUserIds: [] });
    try {
      const replies = await answer(running.url);
      const normal = await answer(withoutOperators.url);
      expect(cardOf(replies)).toBeUndefined();
      expect(replies.map((a) => a.text)).toEqual(normal.map((a) => a.text));
      expect(visibleText(replies)).not.toContain(text(locale === 'sv-SE' ? 'sv' : 'en', 'report:chat.total'));
    } finally {
      await withoutOperators.close();
      removeDataDir(withoutOperators.dataDir);
    }
  });

  test('an operator chatting about anything else gets the normal dialog', async () => {
    const replies = await say(running.url, 'hej', { conversationId: nextConversation(), userId: 'operator-1', locale: 'sv-SE' });
    expect(cardOf(replies)).toBeUndefined();
    expect(visibleText(replies)).toContain(text('sv', 'welcome.intro'));
  });
});

describe('feedback summary with no feedback', () => {
  let empty: RunningApp;
  beforeAll(async () => {
    empty = await startApp({ operatorUserIds: ['operator-1'] });
  });
  afterAll(async () => {
    await empty.close();
    removeDataDir(empty.dataDir);
  });

  test('says there is none', async () => {
    const replies = await say(empty.url, 'feedback summary', { conversationId: 'empty-1', userId: 'operator-1', locale: 'en-US' });
    const card = cardOf(replies)!;
    expect(card.body.map((b) => b.text)).toEqual([
      text('en', 'report:chat.title', { days: 30 }),
      text('en', 'report:chat.empty', { days: 30 }),
    ]);
  });
});
