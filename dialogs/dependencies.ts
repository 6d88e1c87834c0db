import type { i18n } from 'i18next';
import type { Config } from '../src/domain/config.js';
import type { Logger } from '../src/domain/logger.js';
import type { OutcomeTracker } from '../src/domain/outcomes.js';
import type { Stores } from '../src/domain/storage/index.js';

/** What every dialog may use, built once per app in `createApp` and passed to dialog constructors. */
export interface DialogDependencies {
  config: Config;
  i18n: i18n;
  stores: Stores;
  outcomes: OutcomeTracker;
  logger: Logger;
}
