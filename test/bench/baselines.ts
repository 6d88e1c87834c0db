// The benchmark's baselines, on the same app (restify server, body parser, CloudAdapter) as the service:
// - a bot that only echoes, on ECHO_ROUTE: what Bot Framework and HTTP alone cost;
// - the smallest waterfall bot botbuilder-dialogs allows, on WATERFALL_ROUTE: conversation state
//   in memory, one waterfall of text prompts that starts over, one reply a turn: what the dialog
//   stack alone costs, the floor under any bot built on it;
// - the same bot with its conversation state on `lowdbStorage`, on WATERFALL_LOWDB_ROUTE: the floor
//   under any bot on this stack that keeps its state in files.
import { ConversationState, MemoryStorage, type Storage } from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import type { App } from '../../src/service/app.js';
import { ECHO_ROUTE, WATERFALL_LOWDB_ROUTE, WATERFALL_ROUTE } from './baselineRoutes.js';

/** The smallest waterfall bot on `storage`, served at `route`. */
function serveSmallestWaterfallBot(app: App, route: string, storage: Storage): void {
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

/** Adds the three baseline routes to `app`; the memory floor gets `memoryStorage` (a fresh one unless given). */
export function registerBaselines(app: App, lowdbStorage: Storage, memoryStorage: Storage = new MemoryStorage()): void {
  app.server.post(ECHO_ROUTE, async (req, res) => {
    await app.adapter.process(req, res, async (context) => {
      await context.sendActivity(context.activity.text ?? '');
    });
  });
  serveSmallestWaterfallBot(app, WATERFALL_ROUTE, memoryStorage);
  serveSmallestWaterfallBot(app, WATERFALL_LOWDB_ROUTE, lowdbStorage);
}
