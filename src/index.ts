import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config.js';
import { exitGracefullyOnSignals } from './resilience/shutdown.js';
import { createApp } from './server.js';

// Node's own .env loader: values already in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const config = loadConfig();
  const app = await createApp(config);
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
