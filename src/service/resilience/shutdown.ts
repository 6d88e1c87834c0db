import type { Server } from 'node:http';
import type { App } from '../app.js';

/** The most a shutdown may take: orchestrators (Kubernetes, App Service) kill soon after SIGTERM. */
export const SHUTDOWN_TIMEOUT_MS = 5000;

export interface ShutdownOptions {
  timeoutMs?: number;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/** How long connections that are still busy get to finish before they are cut. */
export const CONNECTION_GRACE_MS = 2000;

/**
 * Stops listening and resolves once every connection has ended. Idle keep-alive connections are
 * closed at once and again whenever one falls idle, so requests in flight are still answered. A
 * connection still busy after the grace period (a client that sent half a request and stalled,
 * which Node would otherwise wait for up to its 60 s headers timeout) is cut.
 */
export function closeServer(server: Server, graceMs = CONNECTION_GRACE_MS): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
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
    await app.close();
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
