import type { App } from '../server.js';

/** The most a shutdown may take: orchestrators (Kubernetes, App Service) kill soon after SIGTERM. */
export const SHUTDOWN_TIMEOUT_MS = 5000;

export interface ShutdownOptions {
  timeoutMs?: number;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/**
 * Stops the app cleanly: no new connections, turns in flight answered, writes in flight flushed.
 * Resolves true when everything finished in time.
 */
export async function shutDown(app: Pick<App, 'server' | 'close' | 'stores' | 'logger'>, timeoutMs = SHUTDOWN_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const closing = (async () => {
    const closed = app.close();
    // Idle keep-alive connections would otherwise hold the server open until they time out;
    // busy ones are closed as soon as their response is sent (the server no longer listens).
    const idle = setInterval(() => app.server.server.closeIdleConnections(), 50);
    try {
      app.server.server.closeIdleConnections();
      await closed;
    } finally {
      clearInterval(idle);
    }
    await app.stores.flush();
    return true as const;
  })();
  try {
    return await Promise.race([closing, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** On SIGTERM (and SIGINT), shut down and exit 0, or 1 when it could not finish within the timeout. */
export function exitGracefullyOnSignals(app: Pick<App, 'server' | 'close' | 'stores' | 'logger'>, options: ShutdownOptions = {}): void {
  const { timeoutMs = SHUTDOWN_TIMEOUT_MS, exit = (code: number) => process.exit(code), signals = ['SIGTERM', 'SIGINT'] } = options;
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    app.logger.info('shutting down', { signal });
    void shutDown(app, timeoutMs).then(
      (finished) => {
        if (finished) app.logger.info('stopped');
        else app.logger.error('shutdown did not finish in time', { timeoutMs });
        exit(finished ? 0 : 1);
      },
      (error: unknown) => {
        app.logger.error('shutdown failed', { error });
        exit(1);
      },
    );
  };
  for (const signal of signals) process.once(signal, onSignal);
}
