import { checkActivity } from '../../src/service/security/activityGuard.js';

/** An activity as Web Chat and the bench send it: the common shape every turn has. */
function commonActivity(): Record<string, unknown> {
  return {
    type: 'message',
    id: 'a1',
    channelId: 'webchat',
    serviceUrl: 'https://webchat.botframework.com/',
    conversation: { id: 'c1', conversationType: 'personal' },
    from: { id: 'u1', name: 'Admin' },
    recipient: { id: 'bot', name: 'Bot' },
    locale: 'sv-SE',
    text: 'avbryta',
    entities: [{ type: 'ClientCapabilities', requiresBotState: true }],
    channelData: { clientActivityID: 'x1' },
  };
}

const refusedFor = (activity: Record<string, unknown>) => {
  const verdict = checkActivity(activity, { anonymous: false });
  return verdict.ok ? undefined : verdict.problem;
};

describe('activity check', () => {
  test('the common shape is accepted, again and again (the second time the service URL is known)', () => {
    for (let turn = 0; turn < 3; turn += 1) expect(checkActivity(commonActivity(), { anonymous: false })).toEqual({ ok: true });
  });

  // Each one a single field wrong on the common shape, every turn after the service URL is known:
  // none of them may get through, and the answer names the field.
  const wrongFields: [string, string, unknown][] = [
    ['type', 'type', ''],
    ['type', 'type', 'x'.repeat(65)],
    ['id', 'id', 42],
    ['id', 'id', 'x'.repeat(1025)],
    ['channelId', 'channelId', ''],
    ['channelId', 'channelId', null],
    ['serviceUrl', 'serviceUrl', 'ftp://webchat.botframework.com/'],
    ['serviceUrl', 'serviceUrl', 'not a url'],
    ['conversation', 'conversation.id', { id: '' }],
    ['conversation', 'conversation', ['c1']],
    ['from', 'from.id', { name: 'Admin' }],
    ['from', 'from', null],
    ['recipient', 'recipient.id', { id: 7 }],
    ['text', 'text', { text: 'hej' }],
    ['locale', 'locale', 'x'.repeat(65)],
    ['textFormat', 'textFormat', 'x'.repeat(33)],
    ['deliveryMode', 'deliveryMode', 1],
    ['name', 'name', 'x'.repeat(257)],
    ['replyToId', 'replyToId', []],
    ['entities', 'entities.0', ['a string']],
    ['entities', 'entities.0', [[{ type: 'mention' }]]],
    ['attachments', 'attachments', { contentType: 'x' }],
    ['membersAdded', 'membersAdded.0.id', [{ name: 'no id' }]],
    ['membersRemoved', 'membersRemoved.0', [null]],
    ['channelData', 'channelData', 'tenant'],
  ];
  test.each(wrongFields)('%s wrong (%#) is refused, naming %s', (field, named, value) => {
    checkActivity(commonActivity(), { anonymous: false });
    const problem = refusedFor({ ...commonActivity(), [field]: value });
    expect(problem).toBe(`malformed activity: ${named}`);
  });

  test('unusual but valid values still pass: a record with its own constructor field, a new service URL, members lists', () => {
    const unusual = {
      ...commonActivity(),
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      channelData: JSON.parse('{"constructor":"x","tenant":{"id":"t1"}}') as unknown,
      membersAdded: [{ id: 'u1' }],
      membersRemoved: [],
    };
    expect(checkActivity(unusual, { anonymous: false })).toEqual({ ok: true });
  });
});
