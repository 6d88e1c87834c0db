import { ActivityTypes, MemoryStorage, TestAdapter } from 'botbuilder';
import { createI18n } from '../src/domain/i18n.js';
import { createLogger } from '../src/domain/logger.js';
import { createTurnErrorHandler } from '../src/service/app.js';
import { BotStates } from '../src/bot/state.js';
import { setTurnLanguage } from '../src/domain/turn.js';
import { text } from './support/i18n.js';

describe('when a turn fails', () => {
  test('the user is told in their language, the log has the conversation id but not the text, and state is not saved', async () => {
    const i18n = createI18n();
    const lines: string[] = [];
    const storage = new MemoryStorage();
    const states = new BotStates(storage);
    const adapter = new TestAdapter(async (context) => {
      setTurnLanguage(context, { language: 'en', t: i18n.getFixedT('en') });
      const flags = await states.conversationFlags.get(context, {});
      flags.welcomed = true;
      throw new Error('storage exploded');
    });
    adapter.onTurnError = createTurnErrorHandler({ defaultLocale: 'sv' }, createLogger('info', (line) => lines.push(line)), i18n);

    await adapter
      .send({ type: ActivityTypes.Message, text: 'my secret phone +46701234567', conversation: { id: 'conv-err' } as never })
      .assertReply(text('en', 'errors.turnFailed'))
      .startTest();

    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(record).toMatchObject({ level: 'error', message: 'turn failed', error: { message: 'storage exploded' } });
    expect(typeof record.conversationId).toBe('string');
    expect(lines[0]).not.toContain('+46701234567');
    expect(Object.keys((storage as unknown as { memory: Record<string, unknown> }).memory)).toEqual([]);
  });

  test('before the language is known, the default language is used', async () => {
    const i18n = createI18n();
    const adapter = new TestAdapter(async () => {
      throw new Error('early');
    });
    adapter.onTurnError = createTurnErrorHandler({ defaultLocale: 'sv' }, createLogger('silent'), i18n);
    await adapter.send('hej').assertReply(text('sv', 'errors.turnFailed')).startTest();
  });
});
