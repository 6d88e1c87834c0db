/** The store could not be read or written (disk full, read-only, blob service down, timeout). */
export class StorageUnavailableError extends Error {
  constructor(
    readonly store: string,
    readonly operation: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${store} storage ${operation} failed: ${reason}`, options);
    this.name = 'StorageUnavailableError';
  }
}

/** Whether a turn failed because storage did; botbuilder's dialogs wrap errors in `.error`. */
export function isStorageFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof StorageUnavailableError) return true;
    const wrapped = current as { error?: unknown; cause?: unknown };
    current = wrapped.error ?? wrapped.cause;
  }
  return false;
}
