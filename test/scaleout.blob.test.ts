import { randomUUID } from 'node:crypto';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { startAzurite, type RunningAzurite } from './support/azurite.js';
import { storedTurnCount } from './support/conversationState.js';
import { say } from './support/directTurn.js';
import { text } from './support/i18n.js';
import { NUMBER_NOT_IN_MENU } from './support/menu.js';
import { startServerProcess, type ServerProcess } from './support/serverProcess.js';

const CONTAINER = 'scale-out';
let azurite: RunningAzurite;
let first: ServerProcess;
let second: ServerProcess;

// Two instances of the built service (npm test builds dist/ first) sharing one Azurite container.
beforeAll(async () => {
  azurite = await startAzurite();
  const env = { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: CONTAINER };
  [first, second] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
}, 180_000);

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await azurite?.stop();
});

const texts = (activities: { text?: string }[]) => activities.map((activity) => activity.text);

test('a conversation started on one instance continues on the other, language choice included', async () => {
  const conversation = { conversationId: `handover-${randomUUID()}`, locale: 'sv-SE' };
  expect(texts(await say(first.url, 'hej', conversation))).toEqual([text('sv', 'welcome.intro'), text('sv', 'menu.prompt')]);
  expect(texts(await say(second.url, 'qwerty', conversation))).toEqual([text('sv', 'menu.retry')]);
  expect(texts(await say(first.url, 'english', conversation))[0]).toBe(text('en', 'language.switched'));
  // Topics picked by their button titles (what a user clicks), whatever their position in the menu.
  const productKey = text('en', 'menu.topics.productKey');
  expect(texts(await say(second.url, productKey, conversation))).toEqual([text('en', 'facts:F02.productKey'), text('en', 'menu.promptAgain')]);
  expect(texts(await say(first.url, text('en', 'menu.topics.appliesTo'), conversation))[0]).toBe(text('en', 'facts:F16.appliesTo'));
});

test('turns of one conversation sent to both instances at once are all counted, none lost', async () => {
  const conversation = { conversationId: `race-${randomUUID()}`, locale: 'en-US' };
  await say(first.url, 'hello', conversation);
  const perInstance = 10;
  const replies = await Promise.all(
    Array.from({ length: perInstance }, () => [say(first.url, NUMBER_NOT_IN_MENU, conversation), say(second.url, NUMBER_NOT_IN_MENU, conversation)]).flat(),
  );
  // Each turn answered exactly once, as if the turns had come one after the other.
  for (const reply of replies) expect(texts(reply)).toEqual([text('en', 'menu.retry')]);
  const storage = new BlobsStorage(azurite.connectionString, CONTAINER);
  expect(await storedTurnCount(storage, conversation.conversationId)).toBe(1 + 2 * perInstance);
});

test("a new conversation's very first turns, sent to both instances at once, are all counted", async () => {
  // No turn before: both instances find no conversation and create it; only one creation may win.
  const conversation = { conversationId: `first-race-${randomUUID()}`, locale: 'en-US' };
  const perInstance = 5;
  const replies = await Promise.all(
    Array.from({ length: perInstance }, () => [say(first.url, 'hello', conversation), say(second.url, 'hello', conversation)]).flat(),
  );
  for (const reply of replies) expect(reply.length).toBeGreaterThan(0);
  const storage = new BlobsStorage(azurite.connectionString, CONTAINER);
  expect(await storedTurnCount(storage, conversation.conversationId)).toBe(2 * perInstance);
});

test("a channel's retry of one activity, arriving at both instances at once, is processed once", async () => {
  const conversation = { conversationId: `retry-${randomUUID()}`, locale: 'en-US' };
  await say(first.url, 'hello', conversation);
  // The same activity (same id) three times at each instance: whichever saves first wins; the others
  // see its id, on this instance after waiting their turn, on the other after a rerun on fresh state.
  const retried = { ...conversation, extra: { id: `activity-${randomUUID()}` } };
  const replies = await Promise.all(Array.from({ length: 3 }, () => [say(first.url, NUMBER_NOT_IN_MENU, retried), say(second.url, NUMBER_NOT_IN_MENU, retried)]).flat());
  expect(replies.filter((reply) => reply.length > 0).map(texts)).toEqual([[text('en', 'menu.retry')]]);
  const storage = new BlobsStorage(azurite.connectionString, CONTAINER);
  expect(await storedTurnCount(storage, conversation.conversationId)).toBe(2);
});
