import { TestAdapter, type Activity } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { DialogDependencies } from '../../dialogs/dependencies.js';
import { MainMenuDialog } from '../../dialogs/mainMenuDialog.js';
import { CancellationBot } from '../../src/bot.js';
import { testConfig, type Config, type Language } from '../../src/config.js';
import { createI18n } from '../../src/i18n.js';
import { createLogger } from '../../src/logger.js';
import { OutcomeTracker } from '../../src/outcomes.js';
import { BotStates } from '../../src/state.js';
import { createMemoryStores, type Stores } from '../../src/storage/index.js';

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

/**
 * The whole bot on a TestAdapter, with the main dialog built from the dependencies: dialog tests
 * talk to it as a user would (language resolution, welcome, prompts).
 */
export function makeTestBot(options: {
  defaultLocale?: Language;
  config?: Partial<Config>;
  mainDialog?: (deps: DialogDependencies) => Dialog;
}) {
  const deps = makeDialogDependencies({ defaultLocale: options.defaultLocale ?? 'sv', ...options.config });
  const states = new BotStates(deps.stores.state);
  const createMain = options.mainDialog ?? ((d: DialogDependencies) => new MainMenuDialog(d));
  const bot = new CancellationBot({
    config: deps.config,
    i18n: deps.i18n,
    states,
    mainDialog: createMain(deps),
    guessLanguage: () => undefined,
    logger: deps.logger,
    outcomes: deps.outcomes,
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  return { adapter, deps, stores: deps.stores, bot };
}

export const titles = (activity: Partial<Activity>) => activity.suggestedActions?.actions.map((a) => a.title);
