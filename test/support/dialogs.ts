import { TestAdapter, type Activity } from 'botbuilder';
import type { Recognizer } from 'botbuilder-dialogs';
import type { DialogDependencies } from '../../dialogs/dependencies.js';
import { testConfig, type Config, type Language } from '../../src/domain/config.js';
import { createI18n } from '../../src/domain/i18n.js';
import { createLogger, type Logger } from '../../src/domain/logger.js';
import { useSharedMiddleware } from '../../src/service/middleware.js';
import { createRecognizer } from '../../src/domain/nlu/index.js';
import { OutcomeTracker } from '../../src/domain/outcomes.js';
import type { App } from '../../src/service/app.js';
import { createApp } from '../../src/service/server.js';
import { createMemoryStores, type Stores } from '../../src/domain/storage/index.js';

/** Dialog dependencies on in-memory stores, with a silent logger. */
export function makeDialogDependencies(config: Partial<Config> = {}, stores: Stores = createMemoryStores()): DialogDependencies {
  return {
    config: testConfig(config),
    i18n: createI18n(),
    stores,
    outcomes: new OutcomeTracker(stores.outcomes),
    logger: createLogger('silent'),
  };
}

// The recognizer is loaded once per test file and language (its saved model, from the build).
const recognizers = new Map<string, Promise<Recognizer | undefined>>();

function sharedRecognizer(config: Config): Promise<Recognizer | undefined> {
  const key = `${config.recognizer}/${config.defaultLocale}`;
  let recognizer = recognizers.get(key);
  if (!recognizer) recognizers.set(key, (recognizer = createRecognizer(config)));
  return recognizer;
}

export interface TestBot {
  /** The service's own bot (dialog tree, recognizer, privacy controls, turn runner) on a TestAdapter. */
  adapter: TestAdapter;
  app: App;
  stores: Stores;
  config: Config;
}

/**
 * The bot production runs, built by `createApp` on in-memory stores (or those given) and driven
 * in-process through a TestAdapter with the service's middleware: dialog tests talk to it as a user would.
 */
export async function makeTestBot(options: { defaultLocale?: Language; config?: Partial<Config>; stores?: Stores; logger?: Logger } = {}): Promise<TestBot> {
  const config = testConfig({ defaultLocale: options.defaultLocale ?? 'sv', ...options.config });
  const stores = options.stores ?? createMemoryStores();
  const app = await createApp(config, { stores, loadRecognizer: () => sharedRecognizer(config), ...(options.logger ? { logger: options.logger } : {}) });
  const adapter = new TestAdapter((context) => app.runTurn(context));
  useSharedMiddleware(adapter);
  return { adapter, app, stores, config };
}

export const titles = (activity: Partial<Activity>) => activity.suggestedActions?.actions.map((a) => a.title);
