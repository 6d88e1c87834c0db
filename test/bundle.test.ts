import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SERVICE_BUNDLE } from '../src/paths.js';
import { say } from './support/directTurn.js';
import { text } from './support/i18n.js';
import { startServerProcess, type ServerProcess } from './support/serverProcess.js';

// npm test builds the bundle before jest runs; `npm start` runs the same file.
describe('the service bundle (what npm start runs)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ STORAGE: 'memory' });
  }, 60_000);
  afterAll(() => server?.stop());

  test('leaves out the Recognizers-Text models no prompt of ours uses (a third of a second of every start-up)', () => {
    const bundle = readFileSync(SERVICE_BUNDLE, 'utf8');
    // Models of the date-time recognizer and of the suite's number-with-unit, which only they bring.
    expect(bundle).not.toContain('EnglishDateTimeParserConfiguration');
    expect(bundle).not.toContain('NumberWithUnitModel');
    // A clear error should anyone add a DateTimePrompt.
    expect(bundle).toContain('DateTimePrompt needs @microsoft/recognizers-text-date-time');
  });

  test.each([
    ['en', 'en-US', 'the third one', 'yes'],
    ['sv', 'sv-SE', '3', 'ja'],
  ] as const)('its prompts still take numbers, ordinals and yes (%s)', async (language, locale, enterprise, yes) => {
    const conversation = { conversationId: `bundle-${randomUUID()}`, locale, channelId: 'webchat' };
    const texts = async (said: string) => (await say(server.url, said, conversation)).map((activity) => activity.text);
    await texts('hello');
    expect(await texts('1')).toEqual([text(language, 'cancel:plan.prompt')]);
    expect(await texts(enterprise)).toEqual([text(language, 'cancel:when.promptYearly')]);
    expect(await texts('2')).toEqual([text(language, 'facts:F09.fee'), text(language, 'cancel:now.confirmFee')]);
    expect((await texts(yes))[0]).toBe(text(language, 'cancel:now.askOwnDomain', { number: 1, total: 3 }));
  });
});
