// The benchmark's baseline: the same app (restify server, body parser, CloudAdapter) with a bot that
// only echoes, on /bench/echo. What it costs is Bot Framework and HTTP alone.
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/server.js';
import { createMemoryStores } from '../../src/storage/index.js';

export const ECHO_ROUTE = '/bench/echo';

const config = loadConfig();
const app = await createApp(config, { stores: createMemoryStores() });
app.server.post(ECHO_ROUTE, async (req, res) => {
  await app.adapter.process(req, res, async (context) => {
    await context.sendActivity(context.activity.text ?? '');
  });
});
const url = await app.listen();
app.logger.info('listening', { url });
