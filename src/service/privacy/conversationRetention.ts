import type { Storage } from 'botbuilder';
import type { Logger } from '../../domain/logger.js';

const HOUR_MS = 60 * 60 * 1000;

/** A store that can tell which documents have not been written since a moment (LowdbStorage can). */
export interface IdleKeyListing {
  keysIdleSince(cutoff: Date): Promise<string[]>;
  /** Removes files no turn reads (unreadable documents set aside, temporary files) from before `cutoff`. */
  removeLeftoversSince?(cutoff: Date): Promise<number>;
}

/** What one purge removed. */
export interface PurgeResult {
  conversations: number;
  /** Files no turn reads that may still hold personal data (LowdbStorage: see `removeLeftoversSince`). */
  leftovers: number;
}

export function canListIdleKeys(storage: Storage): storage is Storage & IdleKeyListing {
  return typeof (storage as Partial<IdleKeyListing>).keysIdleSince === 'function';
}

/**
 * Deletes conversation state not written for `retentionHours`. An admin who leaves halfway through
 * the verification questions leaves details in that state; this is what removes them. User state
 * (the chosen language) is kept. botbuilder keys conversation state as `<channel>/conversations/<id>`.
 * Files of the store that no turn reads go after the same time.
 */
export async function purgeIdleConversations(
  storage: Storage & IdleKeyListing,
  retentionHours: number,
  now = new Date(),
): Promise<PurgeResult> {
  const cutoff = new Date(now.getTime() - retentionHours * HOUR_MS);
  const keys = (await storage.keysIdleSince(cutoff)).filter((key) => key.includes('/conversations/'));
  if (keys.length > 0) await storage.delete(keys);
  const leftovers = (await storage.removeLeftoversSince?.(cutoff)) ?? 0;
  return { conversations: keys.length, leftovers };
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
      const { conversations, leftovers } = await purgeIdleConversations(storage, retentionHours);
      logger.info('conversation retention', { retentionHours, removed: conversations, leftoversRemoved: leftovers });
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
