import { randomUUID } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import { MAIN_TOPICS } from '../dialogs/mainMenuDialog.js';
import { cardSubmitAction, normalizeCardSubmit } from '../src/domain/cardActions.js';
import { TeamsActivityMiddleware } from '../src/service/teams/middleware.js';
import { useRunningApp } from './support/app.js';
import { DirectLineTestClient } from './support/directLine.js';
import { postActivity } from './support/directTurn.js';
import { text } from './support/i18n.js';

const BOT = { id: '28:cancellation-assistant-bot', name: 'Uppsägningsassistenten' };
const TENANT = { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' };

interface TeamsTurn {
  conversationId: string;
  conversationType: 'personal' | 'channel' | 'groupChat';
  clientLocale?: string;
  locale?: string;
}

/** An activity shaped as Teams sends it: msteams, tenant, conversation type, clientInfo entity. */
function teamsActivity(turn: TeamsTurn, activity: Partial<Activity>): Partial<Activity> {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:admin-aad-user', name: 'Alex Admin', aadObjectId: 'aad-1' } as Activity['from'],
    recipient: BOT,
    conversation: {
      id: turn.conversationId,
      conversationType: turn.conversationType,
      tenantId: TENANT.id,
      isGroup: turn.conversationType !== 'personal',
    } as Activity['conversation'],
    channelData: { tenant: TENANT, ...(turn.conversationType === 'channel' ? { team: { id: '19:team' }, channel: { id: turn.conversationId } } : {}) },
    timestamp: new Date(),
    ...(turn.locale ? { locale: turn.locale } : {}),
    entities: turn.clientLocale ? [{ type: 'clientInfo', locale: turn.clientLocale, country: 'SE', platform: 'Web', timezone: 'Europe/Stockholm' }] : [],
    ...activity,
  };
}

async function send(url: string, turn: TeamsTurn, activity: Partial<Activity>): Promise<Activity[]> {
  const { status, activities } = await postActivity(url, teamsActivity(turn, activity));
  expect(status).toBe(200);
  return activities;
}

const replyTexts = (activities: Activity[]) => activities.map((a) => a.text);
/** The buttons of the reply's Adaptive Card, one ActionSet per row. */
const cardActions = (activity: Activity | undefined) =>
  ((activity?.attachments?.[0]?.content as { body?: { type: string; actions?: unknown[] }[] })?.body ?? [])
    .filter((element) => element.type === 'ActionSet')
    .flatMap((element) => element.actions ?? []);

describe('Teams-shaped activities through /api/messages', () => {
  const app = useRunningApp({ defaultLocale: 'en' });

  test('installed in a personal chat (only the bot is reported added): the bot welcomes, in the clientInfo language, with a card menu', async () => {
    const turn: TeamsTurn = { conversationId: `a:personal-${randomUUID()}`, conversationType: 'personal', clientLocale: 'sv-SE' };
    const replies = await send(app.current.url, turn, { type: 'conversationUpdate', membersAdded: [{ ...BOT }] });
    expect(replyTexts(replies)).toEqual([text('sv', 'welcome.intro'), text('sv', 'menu.prompt')]);
    // Teams: the choices as an Adaptive Card 1.5 whose buttons post their localized title (imBack).
    expect(replies[1]?.suggestedActions).toBeUndefined();
    const card = replies[1]?.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const actions = cardActions(replies[1]) as { title: string }[];
    expect(actions).toHaveLength(MAIN_TOPICS.length);
    expect(actions).toEqual(
      expect.arrayContaining(
        (['trial', 'productKey', 'reactivate', 'termLengths', 'appliesTo'] as const).map((topic) => ({
          type: 'Action.Submit',
          title: text('sv', `menu.topics.${topic}`),
          data: expect.objectContaining({ msteams: { type: 'imBack', value: text('sv', `menu.topics.${topic}`) } }),
        })),
      ),
    );
    // No button shows an internal choice value.
    for (const topic of MAIN_TOPICS) expect(actions.map((action) => action.title)).not.toContain(topic);
  });

  test('a personal-chat message without locale but with clientInfo is answered in that language', async () => {
    for (const [clientLocale, language] of [['sv-SE', 'sv'], ['en-GB', 'en']] as const) {
      const turn: TeamsTurn = { conversationId: `a:personal-${randomUUID()}`, conversationType: 'personal', clientLocale };
      await send(app.current.url, turn, { type: 'conversationUpdate', membersAdded: [{ ...BOT }] });
      const replies = await send(app.current.url, turn, { type: 'message', text: text(language, 'menu.topics.trial') });
      expect(replyTexts(replies)[0]).toBe(text(language, 'facts:F01.trial'));
    }
  });

  test('a channel message that @mentions the bot: the mention is removed before the bot reads it', async () => {
    const turn: TeamsTurn = { conversationId: `19:channel-${randomUUID()}@thread.tacv2;messageid=1`, conversationType: 'channel', clientLocale: 'sv-SE' };
    const mention = (words: string) => ({
      type: 'message',
      text: `<at>${BOT.name}</at> ${words}`,
      entities: [
        { type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` },
        { type: 'clientInfo', locale: 'sv-SE' },
      ],
    });
    const first = await send(app.current.url, turn, mention('hej'));
    expect(replyTexts(first)).toEqual([text('sv', 'welcome.intro'), text('sv', 'menu.prompt')]);
    expect(first.every((a) => a.suggestedActions === undefined)).toBe(true);

    const answer = await send(app.current.url, turn, mention(text('sv', 'menu.topics.termLengths')));
    expect(replyTexts(answer)[0]).toBe(text('sv', 'facts:F07.termLengths'));

    // "börja om" is acted on only when it is the whole message: so the mention must be gone.
    const startOver = await send(app.current.url, turn, mention(text('sv', 'teams:commands.startOver.title')));
    expect(replyTexts(startOver)).toEqual([text('sv', 'startOver.done'), text('sv', 'menu.prompt')]);
  });

  test('the middleware leaves exactly what the user wrote after the mention, in group chats too', async () => {
    const activity = teamsActivity({ conversationId: '19:group', conversationType: 'groupChat' }, {
      type: 'message',
      text: `<at>${BOT.name}</at>  in English `,
      entities: [{ type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` }],
    }) as Activity;
    const seen: string[] = [];
    await new TeamsActivityMiddleware().onTurn({ activity } as TurnContext, async () => {
      seen.push(activity.text);
    });
    expect(seen).toEqual(['in English']);
  });

  test('a team member joining the team gets no welcome posted into the channel', async () => {
    const turn: TeamsTurn = { conversationId: `19:general-${randomUUID()}@thread.tacv2`, conversationType: 'channel', clientLocale: 'sv-SE' };
    const replies = await send(app.current.url, turn, { type: 'conversationUpdate', membersAdded: [{ id: '29:new-colleague', name: 'New Colleague' }] });
    expect(replies).toEqual([]);
  });

  test('a card submit: the imBack and messageBack texts Teams posts drive the prompt; a bare value gets the localized retry, with the card again', async () => {
    const turn: TeamsTurn = { conversationId: `a:personal-${randomUUID()}`, conversationType: 'personal', clientLocale: 'sv-SE' };
    await send(app.current.url, turn, { type: 'conversationUpdate', membersAdded: [{ ...BOT }] });

    // Pressing the menu card's button: Teams posts the button's imBack text.
    const pressed = await send(app.current.url, turn, { type: 'message', text: text('sv', 'menu.topics.reactivate') });
    expect(replyTexts(pressed)[0]).toBe(text('sv', 'facts:F03.reactivate'));

    // A messageBack button (cardSubmitAction with a value): Teams posts its text and its value.
    const messageBack = await send(app.current.url, turn, {
      type: 'message',
      text: text('sv', 'menu.topics.termLengths'),
      value: { topic: 'termLengths' },
    });
    expect(replyTexts(messageBack)[0]).toBe(text('sv', 'facts:F07.termLengths'));

    // A submit carrying only data (no text) is not a menu answer: the bot asks again, in Swedish.
    const bare = await send(app.current.url, turn, { type: 'message', value: { something: 'else' } });
    expect(replyTexts(bare)).toEqual([text('sv', 'menu.retry')]);
    expect(bare[0]?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });
});

describe('card buttons made by cardSubmitAction', () => {
  const app = useRunningApp({ defaultLocale: 'sv' });

  test('carry msteams imBack / messageBack data, so Teams posts the text, and the same as a Web Chat card action', () => {
    expect(cardSubmitAction('Periodens längd')).toEqual({
      type: 'Action.Submit',
      title: 'Periodens längd',
      data: {
        msteams: { type: 'imBack', value: 'Periodens längd' },
        __isBotFrameworkCardAction: true,
        cardAction: { type: 'imBack', title: 'Periodens längd', value: 'Periodens längd' },
      },
    });
    const messageBack = cardSubmitAction('Ja, fortsätt', 'ja', { confirm: true }).data;
    expect(messageBack.msteams).toEqual({ type: 'messageBack', text: 'ja', displayText: 'Ja, fortsätt', value: { confirm: true } });
    expect(messageBack.cardAction).toEqual({ type: 'messageBack', title: 'Ja, fortsätt', text: 'ja', displayText: 'Ja, fortsätt', value: { confirm: true } });
  });

  test('submitted from Web Chat (data as value, no text), the bot sees the same text and value as in Teams', () => {
    const imBack = { type: 'message', value: cardSubmitAction('Periodens längd').data } as Partial<Activity>;
    normalizeCardSubmit(imBack);
    expect(imBack).toMatchObject({ text: 'Periodens längd', value: undefined });
    const messageBack = { type: 'message', value: cardSubmitAction('Ja, fortsätt', 'ja', { confirm: true }).data } as Partial<Activity>;
    normalizeCardSubmit(messageBack);
    expect(messageBack).toMatchObject({ text: 'ja', value: { confirm: true } });
    const typed = { type: 'message', text: 'hej', value: { msteams: { type: 'imBack', value: 'other' } } } as Partial<Activity>;
    normalizeCardSubmit(typed);
    expect(typed.text).toBe('hej');
  });

  test('end to end over Direct Line: a Web Chat card submit answers like the typed topic', async () => {
    const client = new DirectLineTestClient(app.current.url);
    await client.start('sv-SE');
    const { watermark } = await client.poll('');
    const posted = await client.post({ value: cardSubmitAction(text('sv', 'menu.topics.appliesTo')).data, locale: 'sv-SE' });
    expect(posted.status).toBe(200);
    const reply = await client.poll(watermark);
    expect(reply.activities.find((a) => a.from?.role === 'bot')?.text).toBe(text('sv', 'facts:F16.appliesTo'));
  });
});
