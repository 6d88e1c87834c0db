import type { Storage } from 'botbuilder';

/** A store slower than this to answer a probe counts as not answering (a turn would wait too long). */
export const STORE_PROBE_TIMEOUT_MS = 3000;

/**
 * The state key the probe writes: one small document, rewritten by every probe, so it proves the
 * store is writable (lowdb's folder, the blob identity's write access), not only readable.
 */
export const READINESS_PROBE_KEY = 'readiness-probe';

export interface ReadinessReport {
  ready: boolean;
  checks: {
    recognizer: 'loaded' | 'loading';
    /** Not checked while the other checks already fail. */
    storage: 'answering' | 'failing' | 'not checked';
    shutdown: 'running' | 'shutting down';
  };
}

/**
 * What `/readyz` answers: ready once the recognizer is loaded and the store answers, and no longer
 * once shutdown has begun. `/healthz` stays liveness (the process answers at all), so an orchestrator
 * holds traffic back from an instance that is starting or draining without restarting it.
 */
export class Readiness {
  private recognizerLoaded = false;
  private shuttingDown = false;
  private probing?: Promise<boolean>;

  constructor(
    private readonly state: Pick<Storage, 'write'>,
    private readonly probeTimeoutMs = STORE_PROBE_TIMEOUT_MS,
  ) {}

  markRecognizerLoaded(): void {
    this.recognizerLoaded = true;
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async check(): Promise<ReadinessReport> {
    // Checks that cannot pass skip the store round trip: a starting or draining instance stays out.
    const probed = this.recognizerLoaded && !this.shuttingDown;
    const storageAnswers = probed && (await this.probeStore());
    return {
      ready: storageAnswers,
      checks: {
        recognizer: this.recognizerLoaded ? 'loaded' : 'loading',
        storage: !probed ? 'not checked' : storageAnswers ? 'answering' : 'failing',
        shutdown: this.shuttingDown ? 'shutting down' : 'running',
      },
    };
  }

  /** One probe at a time: probes that arrive while one is in flight share its answer. */
  private probeStore(): Promise<boolean> {
    this.probing ??= this.writeProbe().finally(() => {
      this.probing = undefined;
    });
    return this.probing;
  }

  private async writeProbe(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const tooSlow = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.probeTimeoutMs);
      timer.unref();
    });
    const written = this.state.write({ [READINESS_PROBE_KEY]: { probedAt: new Date().toISOString(), eTag: '*' } }).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([written, tooSlow]);
    } finally {
      clearTimeout(timer);
    }
  }
}
