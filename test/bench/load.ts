import { randomUUID } from 'node:crypto';
import { createI18n } from '../../src/domain/i18n.js';
import { SUPPORTED_LANGUAGES } from '../../src/domain/config.js';
import type { BenchPath } from './paths.js';

/** The apology a failed turn answers with, in every language: such a turn did not work. */
const i18n = createI18n();
const FAILED_TURN_TEXTS = new Set(SUPPORTED_LANGUAGES.map((language) => i18n.getFixedT(language)('errors.turnFailed')));

export interface LoadResult {
  turns: number;
  failures: number;
  seconds: number;
  /** Turn latencies in ms, sorted. */
  latencies: number[];
}

export interface LoadOptions {
  baseUrl: string;
  route: string;
  paths: BenchPath[];
  /** Simulated admins talking at the same time, each in its own conversation. */
  concurrency: number;
  /** Turns to send in all; admins start new conversations until the budget is spent. */
  turns: number;
  /** Hard stop, whatever is left of the budget. */
  maxSeconds: number;
  /**
   * How long an admin takes to read an answer and reply, on average (each pause is drawn between
   * half and one and a half times this). 0 sends the next turn as soon as the answer is in: the
   * server's saturation, where latency is mostly the queue of the other admins' turns.
   */
  thinkMs?: number;
  /** Only the first this many turns of each path: conversations left in progress (default: whole paths). */
  turnsPerConversation?: number;
}

/** One turn with expectReplies, as Bot Framework clients send it; answered = 200, replies, no apology. */
async function sendTurn(url: string, conversationId: string, locale: string, text: string): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      deliveryMode: 'expectReplies',
      id: randomUUID(),
      channelId: 'bench',
      serviceUrl: 'http://127.0.0.1:9',
      conversation: { id: conversationId },
      from: { id: `admin-${conversationId}`, name: 'Admin' },
      recipient: { id: 'bot', name: 'Bot' },
      locale,
      text,
      timestamp: new Date().toISOString(),
    }),
  });
  const body = (await response.json().catch(() => ({}))) as { activities?: { text?: string }[] };
  const replies = body.activities ?? [];
  return response.status === 200 && replies.length > 0 && !replies.some((reply) => FAILED_TURN_TEXTS.has(reply.text ?? ''));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Drives `concurrency` admins through the paths until `turns` turns were sent (or time ran out). */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = `${options.baseUrl}${options.route}`;
  const latencies: number[] = [];
  let started = 0;
  let failures = 0;
  let pathIndex = 0;
  const deadline = performance.now() + options.maxSeconds * 1000;
  const begin = performance.now();

  const admin = async () => {
    // Paced admins arrive spread over one think time, not all in the same millisecond.
    if (options.thinkMs) await pause(Math.random() * options.thinkMs);
    while (started < options.turns && performance.now() < deadline) {
      const path = options.paths[pathIndex++ % options.paths.length]!;
      const conversationId = randomUUID();
      for (const text of path.turns.slice(0, options.turnsPerConversation)) {
        if (started >= options.turns || performance.now() >= deadline) return;
        started += 1;
        const sent = performance.now();
        const answered = await sendTurn(url, conversationId, path.locale, text).catch(() => false);
        latencies.push(performance.now() - sent);
        if (!answered) failures += 1;
        if (options.thinkMs) await pause(options.thinkMs * (0.5 + Math.random()));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, admin));
  return { turns: latencies.length, failures, seconds: (performance.now() - begin) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
