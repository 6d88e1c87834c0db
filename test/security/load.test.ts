import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { answerKeys, topicLabelKeys, TOPIC_REGISTRY } from '../../src/domain/topics.js';
import { makeDataDir, removeDataDir } from '../support/app.js';
import { postActivity } from '../support/directTurn.js';
import { text } from '../support/i18n.js';
import { startServerProcess } from '../support/serverProcess.js';
import { unreadableDocuments } from '../support/storedDocuments.js';

const CONVERSATIONS = 200;
const DURATION_MS = 60_000;
/** The questions the menu offers: each conversation picks them by title, in turn. */
const MENU_TOPICS = TOPIC_REGISTRY.inMenu;

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMegabytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024);
}

/**
 * The live heap (MB) after each full collection, from V8's `--trace-gc` lines such as
 * `Mark-Compact 61.2 (80.1) -> 42.3 (79.0) MB`: what is still referenced, unlike RSS, which also
 * counts heap V8 keeps in reserve and grows while the allocation rate is high.
 */
function collectLiveHeapAfterFullGc(stream: NodeJS.ReadableStream | null): number[] {
  const live: number[] = [];
  let pending = '';
  stream?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const match = /Mark-Compact(?: \([^)]*\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \(/.exec(line);
      if (match) live.push(Number(match[1]));
    }
  });
  return live;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test(`${CONVERSATIONS} concurrent conversations for ${DURATION_MS / 1000} s: no errors, no lost state, memory levels off`, async () => {
  const dataDir = makeDataDir();
  // The heap is capped at 160 MB, a small container's worth (the service lives in about 60 MB):
  // V8 then collects fully every few seconds, which gives the live-heap series below many points,
  // and a leak would run out of heap and fail the turns.
  const server = await startServerProcess({ DATA_DIR: dataDir }, undefined, ['--trace-gc', '--max-old-space-size=160']);
  const liveHeap = collectLiveHeapAfterFullGc(server.child.stdout);
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
        const topic = MENU_TOPICS[(index + turn) % MENU_TOPICS.length]!;
        const replies = await send(text(language, topicLabelKeys(topic).menuTitle!));
        const expected = [...answerKeys(topic.answer).map((key) => text(language, key)), text(language, 'menu.promptAgain')];
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
  console.log(`load: ${CONVERSATIONS} conversations, ${turns} turns in ${DURATION_MS / 1000} s; server RSS (MB): ${rss.map((r) => `${r.at} ${r.mb}`).join(', ')}; live heap after full GCs (MB): ${liveHeap.join(', ')}`);
  const unreadable = unreadableDocuments(dataDir);
  removeDataDir(dataDir);

  expect({ problems: problems.slice(0, 20), count: problems.length, serverErrors: server.output().split('\n').filter((l) => /"level":"error"|Error/.test(l)).slice(0, 10) }).toEqual({
    problems: [],
    count: 0,
    serverErrors: [],
  });
  expect(turns).toBeGreaterThan(CONVERSATIONS * 5);
  expect(unreadable).toEqual([]);
  // Levels off: judged by the live heap after each full collection (RSS also counts heap V8 keeps
  // in reserve, so it is reported, not judged). A leak of 10 KB a turn would climb 40 MB between
  // the halves, and fail.
  expect(liveHeap.length).toBeGreaterThanOrEqual(4);
  const half = Math.floor(liveHeap.length / 2);
  const firstHalfPeak = Math.max(...liveHeap.slice(0, half));
  const secondHalfPeak = Math.max(...liveHeap.slice(half));
  expect(secondHalfPeak - firstHalfPeak).toBeLessThanOrEqual(16);
}, 90_000);
