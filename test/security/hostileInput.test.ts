import { randomUUID } from 'node:crypto';
import { createLogger } from '../../src/domain/logger.js';
import { MAX_TEXT_CHARS } from '../../src/service/security/activityGuard.js';
import { MAX_BODY_BYTES } from '../../src/service/server.js';
import { removeDataDir, startApp, type RunningApp } from '../support/app.js';
import { say } from '../support/directTurn.js';
import { text } from '../support/i18n.js';
import { storedFiles, unreadableDocuments } from '../support/storedDocuments.js';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

const rnd = random(7);

const HOSTILE_STRINGS = [
  '[click](http://example.com)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '**bold** _it_ `code` # heading',
  '{{constructor.constructor("return process")()}}',
  '${process.exit(1)}',
  '\u0000\u0001\u0007\u001b[31mred\u001b[0m\u007f',
  '\u202eevil\u202c',
  '\ud800 lone surrogate',
  "'; DROP TABLE users; --",
  '../../../../etc/passwd',
  'a'.repeat(5000),
  '🙂'.repeat(300),
  '%s%s%s%n',
  '\r\n\r\nHTTP/1.1 200 OK',
  '__proto__',
  'constructor',
  '',
  ' ',
  'Ärlig Öberg, Storgatan 1 <b>vån 2</b>',
];

/** A value of any JSON shape: what a card submit may carry. */
function anyValue(depth = 0): unknown {
  switch (rnd.int(depth > 2 ? 5 : 8)) {
    case 0: return null;
    case 1: return rnd.next() * 1e12 - 5e11;
    case 2: return rnd.pick(HOSTILE_STRINGS);
    case 3: return rnd.next() < 0.5;
    case 4: return rnd.pick([0, -1, Number.MAX_SAFE_INTEGER, 1e308]);
    case 5: return Array.from({ length: rnd.int(4) }, () => anyValue(depth + 1));
    case 6: return Object.fromEntries(Array.from({ length: rnd.int(4) }, () => [rnd.pick([...HOSTILE_STRINGS, 'action', 'data', 'type', 'choice']), anyValue(depth + 1)]));
    default: return { __proto__: { polluted: true }, action: anyValue(depth + 1), constructor: { prototype: { polluted: true } } };
  }
}

interface HostileRequest {
  kind: string;
  body: string;
  contentType?: string;
  /** The statuses that are right for it. */
  expect: number[];
}

function activity(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: rnd.pick(['test', 'msteams', 'webchat', 'directline']),
    serviceUrl: 'http://127.0.0.1:9',
    deliveryMode: 'expectReplies',
    conversation: { id: `hostile-${rnd.int(400)}` },
    from: { id: `user-${rnd.int(50)}`, name: rnd.pick(HOSTILE_STRINGS) },
    recipient: { id: 'bot' },
    locale: rnd.pick(['sv-SE', 'en-US', 'fr', '', 'xx-INVALID', 'sv']),
    ...extra,
  };
}

const json = (value: unknown) => JSON.stringify(value);

const GENERATORS: Record<string, () => HostileRequest> = {
  badJson: () => ({
    kind: 'badJson',
    body: rnd.pick(['{', '{"type":', '{"a":}', '[1,', 'nul', '{"type":"message",}', "{'type':'message'}", '\u0000', '}{']),
    expect: [400],
  }),
  wrongContentType: () => ({
    kind: 'wrongContentType',
    body: rnd.pick([json(activity()), 'type=message&text=hi', '<activity/>']),
    contentType: rnd.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'text/html', 'application/octet-stream']),
    expect: [415],
  }),
  tooLarge: () => ({ kind: 'tooLarge', body: json(activity({ text: 'x'.repeat(MAX_BODY_BYTES + rnd.int(1000)) })), expect: [413] }),
  notAnObject: () => ({ kind: 'notAnObject', body: rnd.pick(['[]', 'null', '42', '"text"', 'true', '[{"type":"message"}]']), expect: [400] }),
  missingField: () => {
    const body = activity({ text: 'hej' });
    delete body[rnd.pick(['conversation', 'from', 'type', 'channelId'])];
    return { kind: 'missingField', body: json(body), expect: [400] };
  },
  missingIds: () => {
    const body = activity({ text: 'hej' });
    const field = rnd.pick(['conversation', 'from']);
    body[field] = rnd.pick([{}, { id: '' }, { id: null }, { id: 5 }, { id: ['x'] }, { id: 'x'.repeat(5000) }]);
    return { kind: 'missingIds', body: json(body), expect: [400] };
  },
  wrongTypes: () => {
    const field = rnd.pick(['text', 'locale', 'entities', 'attachments', 'membersAdded', 'channelData', 'recipient', 'serviceUrl', 'id', 'type']);
    const value = rnd.pick([5, true, ['x'], { a: 1 }, 'not-a-url', null, [null]]);
    return { kind: 'wrongTypes', body: json(activity({ [field]: value })), expect: [200, 400] };
  },
  unknownType: () => ({
    kind: 'unknownType',
    body: json(activity({ type: rnd.pick(['weird', 'typing', 'event', 'endOfConversation', 'messageReaction', 'installationUpdate', 'handoff', 'trace', 'delete', 'x'.repeat(60)]), name: 'x', value: anyValue() })),
    expect: [200],
  }),
  invokeGarbage: () => ({
    kind: 'invokeGarbage',
    body: json(activity({ type: 'invoke', name: rnd.pick(['adaptiveCard/action', 'application/search', 'signin/verifyState', 'task/fetch', 'composeExtension/query', 'x']), value: anyValue() })),
    expect: [200, 400, 501],
  }),
  cardSubmit: () => ({ kind: 'cardSubmit', body: json(activity({ value: anyValue(), ...(rnd.next() < 0.5 ? { text: rnd.pick(HOSTILE_STRINGS) } : {}) })), expect: [200] }),
  hugeText: () => ({ kind: 'hugeText', body: json(activity({ text: rnd.pick(['a', '[x](y) ', '<b>', '\u0000']).repeat(100_000 / 4) })), expect: [200] }),
  controlCharacters: () => ({
    kind: 'controlCharacters',
    body: json(activity({ text: Array.from({ length: 200 }, () => String.fromCharCode(rnd.int(32))).join('') + rnd.pick(HOSTILE_STRINGS) })),
    expect: [200],
  }),
  hostileNames: () => ({
    kind: 'hostileNames',
    body: json(activity({
      type: rnd.pick(['message', 'conversationUpdate']),
      text: rnd.pick(HOSTILE_STRINGS),
      from: { id: rnd.pick(HOSTILE_STRINGS.filter((s) => s.length > 0 && s.length < 1000)), name: rnd.pick(HOSTILE_STRINGS), aadObjectId: rnd.pick(HOSTILE_STRINGS) },
      membersAdded: [{ id: 'someone', name: rnd.pick(HOSTILE_STRINGS) }],
      entities: [{ type: 'clientInfo', locale: rnd.pick(HOSTILE_STRINGS), address: rnd.pick(HOSTILE_STRINGS) }],
      channelData: { tenant: { id: rnd.pick(HOSTILE_STRINGS) } },
    })),
    expect: [200],
  }),
  prototypePollution: () => ({
    kind: 'prototypePollution',
    body: `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${json(activity({ text: 'hej' })).slice(1)}`,
    expect: [200],
  }),
  repliesElsewhere: () => ({
    kind: 'repliesElsewhere',
    body: json(activity({ deliveryMode: undefined, serviceUrl: rnd.pick(['http://169.254.169.254/latest/', 'https://example.com/', 'file:///etc/passwd', 'http://10.0.0.1:8080/']) })),
    expect: [400],
  }),
};

describe('hostile input', () => {
  let running: RunningApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    running = await startApp({}, { logger: createLogger('info', (line) => logLines.push(line)) });
  });
  afterAll(async () => {
    await running.close();
    removeDataDir(running.dataDir);
  });

  test('1,200 malformed or hostile requests get the right 4xx or an answer, never a 5xx; then a normal conversation works and every stored document parses', async () => {
    const kinds = Object.keys(GENERATORS);
    const requests: HostileRequest[] = Array.from({ length: 1200 }, (_, i) => {
      const kind = kinds[i % kinds.length]!;
      return GENERATORS[kind]!();
    });
    const wrong: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const response = await fetch(`${running.url}/api/messages`, {
          method: 'POST',
          headers: request.contentType === undefined ? { 'content-type': 'application/json' } : { 'content-type': request.contentType },
          body: request.body,
        });
        const body = await response.text();
        if (!request.expect.includes(response.status)) wrong.push(`${request.kind}: ${response.status} ${body.slice(0, 120)} for ${request.body.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));

    expect(wrong).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Nothing the bot does failed inside a turn: every refusal happened at the door.
    expect(logLines.filter((line) => line.includes('"turn failed"'))).toEqual([]);

    const conversation = { conversationId: `after-${randomUUID()}`, locale: 'sv-SE' };
    expect((await say(running.url, 'hej', conversation)).map((a) => a.text)).toEqual([text('sv', 'welcome.intro'), text('sv', 'menu.prompt')]);
    expect((await say(running.url, '3', conversation))[0]?.text).toBe(text('sv', 'facts:F02.productKey'));
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);

    expect(storedFiles(running.dataDir).length).toBeGreaterThan(50);
    expect(unreadableDocuments(running.dataDir)).toEqual([]);
  }, 180_000);

  test(`text over ${MAX_TEXT_CHARS} characters is cut and control characters removed before the bot reads it`, async () => {
    const conversation = { conversationId: `long-${randomUUID()}`, locale: 'en-US' };
    await say(running.url, 'hello', conversation);
    // "3" followed by control characters is still the menu's third topic (product key).
    expect((await say(running.url, '\u0000\u00073\u001b', conversation))[0]?.text).toBe(text('en', 'facts:F02.productKey'));
    const replies = await say(running.url, 'x'.repeat(100_000), conversation);
    expect(replies.map((a) => a.text)).toEqual([text('en', 'menu.retry')]);
  });
});
