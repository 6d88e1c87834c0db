// The baseline server the benchmark starts as its own process (see baselines.ts): the echo bot and
// the smallest waterfall bots, with the floor's lowdb state under DATA_DIR.
import { join } from 'node:path';
import { loadConfig } from '../../src/domain/config.js';
import { createApp } from '../../src/service/server.js';
import { createMemoryStores } from '../../src/domain/storage/index.js';
import { LowdbStorage } from '../../src/domain/storage/lowdbStorage.js';
import { registerBaselines } from './baselines.js';

const config = loadConfig();
const app = await createApp(config, { stores: createMemoryStores() });
await app.ready;
registerBaselines(app, new LowdbStorage(join(config.dataDir, 'smallest-waterfall-bot')));
const url = await app.listen();
app.logger.info('listening', { url });
