import type { Stores } from '../../src/domain/storage/index.js';

/** An operating-system style error, as fs or a network client throws it. */
export function systemError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/**
 * Stores whose operations fail on demand, the way a full or read-only disk or a blob service that
 * is down fails them. (Tests run as root, which chmod cannot stop from writing, so the failure is
 * injected here instead.) `failWith(undefined)` brings storage back.
 */
export function faultyStores(stores: Stores) {
  let failure: { error: () => Error; operations: Set<string> } | undefined;
  const wrap = <T extends object>(store: T): T =>
    new Proxy(store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (failure && failure.operations.has(String(property))) return Promise.reject(failure.error());
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const wrapped = Object.fromEntries(Object.entries(stores).map(([name, store]) => [name, wrap(store as object)])) as unknown as Stores;
  return {
    stores: wrapped,
    failWith(error: (() => Error) | undefined, operations: string[] = ['write', 'insert', 'delete', 'removeWhere']) {
      failure = error ? { error, operations: new Set(operations) } : undefined;
    },
  };
}
