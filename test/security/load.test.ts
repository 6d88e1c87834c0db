import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { makeDataDir, removeDataDir } from '../support/app.js';
import { postActivity } from '../support/directTurn.js';
import { text } from '../support/i18n.js';
import { startServerProcess } from '../support/serverProcess.js';
import { unreadableDocuments } from '../support/storedDocuments.js';

const CONVERSATIONS = 200;
const DURATION_MS = 60_000;
const TOPIC_FACTS = ['facts:F01.trial', 'facts:F02.productKey', 'facts:F03.reactivate', 'facts:F07.termLengths', 'facts:F16.appliesTo'];

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMegabytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test(`${CONVERSATIONS} concurrent conversations for ${DURATION_MS / 1000} s: no errors, no lost state, memory levels off`, async () => {
  const dataDir = makeDataDir();
  const server = await startServerProcess({ DATA_DIR: dataDir });
  const problems: string[] = [];
  const rss: { at: string; mb: number }[] = [{ at: 'start', mb: rssMegabytes(server.child.pid!) }];
  let turns = 0;
  try {
    const stopAt = Date.now() + DURATION_MS;
    const sampler = setInterval(() => rss.push({ at: `${Math.round((DURATION_MS - (stopAt - Date.now())) / 1000)} s`, mb: rssMegabytes(server.child.pid!) }), 5_000);

    // Each conversation: a welcome, then one topic after another at a person's pace (2–3 s apart).
    // Every answer must be exactly the chosen topic's fact and the menu again: a lost or mixed-up
    // state would show as a second welcome, a retry or another topic's text.
    const conversation = async (index: number) => {
      const id = `load-${index}-${randomUUID()}`;
      const locale = index % 2 ? 'sv-SE' : 'en-US';
      const language = index % 2 ? 'sv' : 'en';
      const send = async (messageText: string) => {
        const sent = await postActivity(server.url, {
          type: 'message',
          text: messageText,
          locale,
          channelId: 'test',
          conversation: { id } as never,
          from: { id: `user-${id}`, name: 'Admin' },
          recipient: { id: 'bot', name: 'Bot' },
        }).catch((error: unknown) => {
          problems.push(`${id}: ${String(error)} ${String((error as { cause?: unknown }).cause ?? '')}`);
          return { status: 0, activities: [] };
        });
        const { status, activities } = sent;
        turns++;
        if (status !== 200) problems.push(`${id}: status ${status}`);
        return activities.map((a) => a.text);
      };
      await pause(Math.random() * 2000);
      const welcome = await send(language === 'sv' ? 'hej' : 'hello');
      if (welcome[0] !== text(language, 'welcome.intro')) problems.push(`${id}: no welcome`);
      for (let turn = 0; Date.now() < stopAt; turn++) {
        await pause(2000 + Math.random() * 1000);
        const topic = (index + turn) % TOPIC_FACTS.length;
        // The menu lists "cancel" first: the question topics are numbers 2 to 6.
        const replies = await send(String(topic + 2));
        const expected = [text(language, TOPIC_FACTS[topic]!), text(language, 'menu.promptAgain')];
        if (JSON.stringify(replies) !== JSON.stringify(expected)) problems.push(`${id} turn ${turn}: ${JSON.stringify(replies).slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => conversation(i)));
    clearInterval(sampler);
    rss.push({ at: 'end', mb: rssMegabytes(server.child.pid!) });
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  console.log(`load: ${CONVERSATIONS} conversations, ${turns} turns in ${DURATION_MS / 1000} s; server RSS (MB): ${rss.map((r) => `${r.at} ${r.mb}`).join(', ')}`);
  const unreadable = unreadableDocuments(dataDir);
  removeDataDir(dataDir);

  expect({ problems: problems.slice(0, 20), count: problems.length, serverErrors: server.output().split('\n').filter((l) => /"level":"error"|Error/.test(l)).slice(0, 10) }).toEqual({
    problems: [],
    count: 0,
    serverErrors: [],
  });
  expect(turns).toBeGreaterThan(CONVERSATIONS * 5);
  expect(unreadable).toEqual([]);
  // Levels off: RSS is a sawtooth (V8 grows the heap, then collects), so compare peaks, not
  // medians: the last third of the run may not climb more than 48 MB above the middle third's peak.
  // A steady leak of even 2 MB/s climbs 40 MB a third and more, and fails.
  const samples = rss.map((r) => r.mb);
  const third = Math.floor(samples.length / 3);
  const middlePeak = Math.max(...samples.slice(third, 2 * third));
  const lastPeak = Math.max(...samples.slice(2 * third));
  expect(lastPeak - middlePeak).toBeLessThanOrEqual(48);
}, 90_000);
