// The benchmark's baselines: the same app (restify server, body parser, CloudAdapter) with
// - a bot that only echoes, on /bench/echo: what Bot Framework and HTTP alone cost;
// - the smallest waterfall bot botbuilder-dialogs allows, on /bench/waterfall: conversation state
//   in memory, one waterfall of text prompts that starts over, one reply a turn: what the dialog
//   stack alone costs, the floor under any bot built on it;
// - the same bot with its conversation state on our lowdb storage under DATA_DIR, on
//   /bench/waterfall-lowdb: the floor under any bot on this stack that keeps its state in files.
import { join } from 'node:path';
import { ConversationState, MemoryStorage, type Storage } from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/server.js';
import { createMemoryStores } from '../../src/storage/index.js';
import { LowdbStorage } from '../../src/storage/lowdbStorage.js';
import { ECHO_ROUTE, WATERFALL_LOWDB_ROUTE, WATERFALL_ROUTE } from './baselineRoutes.js';

const config = loadConfig();
const app = await createApp(config, { stores: createMemoryStores() });
await app.ready;
app.server.post(ECHO_ROUTE, async (req, res) => {
  await app.adapter.process(req, res, async (context) => {
    await context.sendActivity(context.activity.text ?? '');
  });
});

/** The smallest waterfall bot on `storage`, served at `route`. */
function serveSmallestWaterfallBot(route: string, storage: Storage): void {
  const conversationState = new ConversationState(storage);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const dialogs = new DialogSet(dialogState)
    .add(new TextPrompt('text'))
    .add(
      new WaterfallDialog('questions', [
        async (step) => step.prompt('text', 'first'),
        async (step) => step.prompt('text', 'second'),
        async (step) => step.prompt('text', 'third'),
        async (step) => step.replaceDialog('questions'),
      ]),
    );
  app.server.post(route, async (req, res) => {
    await app.adapter.process(req, res, async (context) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog('questions');
      await conversationState.saveChanges(context);
    });
  });
}
serveSmallestWaterfallBot(WATERFALL_ROUTE, new MemoryStorage());
serveSmallestWaterfallBot(WATERFALL_LOWDB_ROUTE, new LowdbStorage(join(config.dataDir, 'smallest-waterfall-bot')));
const url = await app.listen();
app.logger.info('listening', { url });
