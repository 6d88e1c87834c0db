import type { Storage, StoreItems } from 'botbuilder';
import type { Logger } from '../../domain/logger.js';
import type { Stores } from '../../domain/storage/index.js';
import { StorageUnavailableError } from '../../domain/storage/storageFailure.js';
import { traceStorageCall } from '../../domain/telemetry/instrumentation.js';

/** How long one storage operation may take before the turn gives up on it (blob retries can take minutes). */
export const STORAGE_TIMEOUT_MS = 10_000;

// An eTag conflict is two turns racing, not storage failing: botbuilder handles it as it always has.
function isConflict(error: unknown): boolean {
  const { message, statusCode } = error as { message?: unknown; statusCode?: unknown };
  return statusCode === 412 || statusCode === 409 || (typeof message === 'string' && /etag conflict/i.test(message));
}

function reasonOf(error: unknown): string {
  const { code, statusCode, message } = error as { code?: unknown; statusCode?: unknown; message?: unknown };
  return [code, statusCode, typeof message === 'string' ? message : String(error)].filter((part) => part !== undefined).join(' ');
}

/** Tracks operations in flight (so shutdown can wait for them) and turns failures into one clear log line. */
class OperationGuard {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly logger: Logger,
    private readonly timeoutMs: number,
  ) {}

  run<T>(store: string, operation: string, task: () => Promise<T>): Promise<T> {
    return traceStorageCall(store, operation, () => this.runGuarded(store, operation, task));
  }

  private runGuarded<T>(store: string, operation: string, task: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      timer.unref();
    });
    const work = task();
    this.inFlight.add(work);
    void work.then(
      () => this.inFlight.delete(work),
      () => this.inFlight.delete(work),
    );
    return Promise.race([work, timeout])
      .catch((error: unknown) => {
        if (isConflict(error)) throw error;
        const reason = reasonOf(error);
        this.logger.error('storage failed', { store, operation, reason });
        throw new StorageUnavailableError(store, operation, reason, { cause: error });
      })
      .finally(() => clearTimeout(timer));
  }

  /** Waits until every operation started so far has finished (or failed). */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}

const STORAGE_OPERATIONS = ['read', 'write', 'delete'];
const RECORD_OPERATIONS = ['insert', 'list', 'removeWhere'];

/**
 * The same store with its known operations guarded; anything else it has (a store may grow
 * methods) passes through unchanged.
 */
function guardStore<T extends object>(name: string, store: T, guard: OperationGuard): T {
  const isStorage = STORAGE_OPERATIONS.every((op) => typeof (store as Record<string, unknown>)[op] === 'function');
  const isRecords = RECORD_OPERATIONS.every((op) => typeof (store as Record<string, unknown>)[op] === 'function');
  if (!isStorage && !isRecords) return store;
  const guarded = new Set(isStorage ? STORAGE_OPERATIONS : RECORD_OPERATIONS);
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (typeof property === 'string' && guarded.has(property)) {
        return (...args: unknown[]) => guard.run(name, property, () => method.apply(target, args));
      }
      return method.bind(target);
    },
  });
}

export interface GuardedStores extends Stores {
  /** Resolves when every read and write started so far has finished: for a clean shutdown. */
  flush(): Promise<void>;
}

/**
 * Wraps every store so a failing one (disk full, read-only, blob service down or slow) gives a
 * StorageUnavailableError that the turn error handler answers with "couldn't save, please try
 * again", and a log line naming the store, the operation and the reason. What is already stored
 * is untouched: the stores write whole documents atomically, and a failed turn saves nothing.
 */
export function guardStores(stores: Stores, logger: Logger, timeoutMs = STORAGE_TIMEOUT_MS): GuardedStores {
  const guard = new OperationGuard(logger, timeoutMs);
  const guarded = Object.fromEntries(
    Object.entries(stores).map(([name, store]) => [name, typeof store === 'object' && store ? guardStore(name, store, guard) : store]),
  );
  return { ...(guarded as unknown as Stores), flush: () => guard.flush() };
}
