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
  ])('"%s" is stored as "%s"', (typed, stored) => {
    expect(withoutContactDetails(typed)).toBe(stored);
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
