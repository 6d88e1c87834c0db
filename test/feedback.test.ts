import { MAX_COMMENT_LENGTH, withoutContactDetails } from '../dialogs/feedbackDialog.js';
import { conversation } from './support/conversation.js';
import { makeTestBot } from './support/dialogs.js';
import { text } from './support/i18n.js';

describe('F05 feedback comments keep no contact details', () => {
  test.each([
    ['Ring mig på 070-123 45 67', 'Ring mig på […]'],
    ['call +46 (8) 555 000 00 please', 'call […] please'],
    ['mail anna@contoso.com om ni vill', 'mail […] om ni vill'],
    ['För dyrt för 5 användare', 'För dyrt för 5 användare'],
    ['Vi gick över 2026-12-01', 'Vi gick över 2026-12-01'],
    ['Nå mig på +46 70 123 45 67 efter lunch', 'Nå mig på […] efter lunch'],
    ['Mobil 070-123 45 67, kontor 08-123 456 78.', 'Mobil […], kontor […].'],
    ['Växeln: 0046 8 123 456', 'Växeln: […]'],
    ['ring 0701234567 eller (08) 12 34 56', 'ring […] eller […]'],
    ['US office (555) 123-4567 or 555-123-4567', 'US office […] or […]'],
    ['write to it-avd@contoso.se.', 'write to […].'],
  ])('"%s" is stored as "%s"', (typed, stored) => {
    expect(withoutContactDetails(typed)).toBe(stored);
  });

  test.each([
    'Avtalet gällde 2024-2025 och vi förlängde inte',
    'Vi betalade 1 200 000 kr per år',
    'Budgeten var 2 500 000 SEK',
    'Outlook version 16.0.17328.20124 kraschade hela tiden',
    // An order number is how the admin points at a charge; it says nothing about who they are.
    'Order 12345678 was charged twice',
    'Between 08:00-17:00 support never answered, 3 of 12 users left',
  ])('"%s" keeps its numbers', (typed) => {
    expect(withoutContactDetails(typed)).toBe(typed);
  });

  test('sv: a long comment with a phone number is stored shortened and without the number', async () => {
    const { adapter, stores } = await makeTestBot({ defaultLocale: 'sv' });
    const { say } = conversation(adapter, { locale: 'sv-SE' });
    await say('hej');
    await say('1');
    await say('Small Business');
    await say('1');
    await say('nej');
    const replies = await say('Tekniska problem');
    expect(replies.at(-1)?.text).toBe(text('sv', 'cancel:feedback.askComment'));
    await say(`Ring 070-123 45 67. ${'x'.repeat(1000)}`);
    const [record] = await stores.feedback.list();
    expect(record?.reason).toBe('technicalProblems');
    expect(record?.comment).toHaveLength(MAX_COMMENT_LENGTH);
    expect(record?.comment?.startsWith('Ring […]. x')).toBe(true);
  });
});
