import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './domain/config.js';
import { createLogger } from './domain/logger.js';
import { exitGracefullyOnSignals } from './service/resilience/shutdown.js';
import { createApp } from './service/server.js';
import { startTelemetry } from './service/telemetry/sdk.js';

// Node's own .env loader: values already in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Before the app, so its first turn is already traced; off (and nothing loaded) unless configured.
  const telemetry = await startTelemetry(config, { logger });
  const app = await createApp(config, { logger, telemetry });
  const url = await app.listen();
  app.logger.info('listening', { url });
  exitGracefullyOnSignals(app);
  // Probes answer while the recognizer loads; a recognizer that cannot load still stops the process.
  await app.ready;
} catch (error) {
  if (error instanceof ConfigError) {
    for (const line of error.lines) console.error(`Configuration: ${line}`);
    process.exit(1);
  }
  throw error;
}
