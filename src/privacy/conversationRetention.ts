import type { Storage } from 'botbuilder';
import type { Logger } from '../logger.js';

const HOUR_MS = 60 * 60 * 1000;

/** A store that can tell which documents have not been written since a moment (LowdbStorage can). */
export interface IdleKeyListing {
  keysIdleSince(cutoff: Date): Promise<string[]>;
}

export function canListIdleKeys(storage: Storage): storage is Storage & IdleKeyListing {
  return typeof (storage as Partial<IdleKeyListing>).keysIdleSince === 'function';
}

/**
 * Deletes conversation state not written for `retentionHours`. An admin who leaves halfway through
 * the verification questions leaves details in that state; this is what removes them. User state
 * (the chosen language) is kept. botbuilder keys conversation state as `<channel>/conversations/<id>`.
 */
export async function purgeIdleConversations(
  storage: Storage & IdleKeyListing,
  retentionHours: number,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionHours * HOUR_MS);
  const keys = (await storage.keysIdleSince(cutoff)).filter((key) => key.includes('/conversations/'));
  if (keys.length > 0) await storage.delete(keys);
  return keys.length;
}

/**
 * Runs the purge soon after start-up (in the background, so start-up stays fast) and then every hour,
 * on unref'd timers. Stores that cannot list idle documents (blob: use the storage account's
 * lifecycle management rule instead; memory: gone with the process) are skipped, and the log says so.
 */
export function startConversationRetention(storage: Storage, retentionHours: number, logger: Logger): { stop(): void } {
  if (!canListIdleKeys(storage)) {
    logger.info('conversation retention not run by the bot for this store', { retentionHours });
    return { stop: () => undefined };
  }
  const purge = async () => {
    try {
      const removed = await purgeIdleConversations(storage, retentionHours);
      logger.info('conversation retention', { retentionHours, removed });
    } catch (error) {
      logger.error('conversation retention failed', { retentionHours, error });
    }
  };
  const first = setTimeout(() => void purge(), 5_000);
  first.unref();
  const timer = setInterval(() => void purge(), HOUR_MS);
  timer.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
