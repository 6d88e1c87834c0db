import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  CloudAdapter,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Recognizer } from 'botbuilder-dialogs';
import type { i18n } from 'i18next';
import restify from 'restify';
import { createTurnErrorHandler, type App } from './app.js';
import { MainMenuDialog } from '../../dialogs/mainMenuDialog.js';
import { CancellationBot } from '../bot/bot.js';
import { ConsistentTurns } from '../bot/consistentTurns.js';
import type { DialogDependencies } from '../../dialogs/dependencies.js';
import type { Config } from '../domain/config.js';
import { createI18n } from '../domain/i18n.js';
import type { LanguageGuesser } from '../domain/language.js';
import { createLogger, type Logger } from '../domain/logger.js';
import { useSharedMiddleware } from './middleware.js';
import { createLanguageGuesser, createRecognizer, EmbeddedRecognizer } from '../domain/nlu/index.js';
import { OutcomeTracker } from '../domain/outcomes.js';
import { PROJECT_ROOT } from '../domain/paths.js';
import { Readiness } from './resilience/readiness.js';
import { closeServer } from './resilience/shutdown.js';
import { guardStores } from './resilience/storageGuard.js';
import { startCaseRetention } from './privacy/caseRetention.js';
import { startConversationRetention } from './privacy/conversationRetention.js';
import { createPrivacyControls } from '../bot/privacyControls.js';
import { operatorFeedbackSummary } from './report/operatorSummary.js';
import { registerReportRoutes } from './report/routes.js';
import { FailClosedAuthentication } from './security/failClosedAuthentication.js';
import { createPublicEndpointGuards } from './security/publicEndpoint.js';
import { DIRECT_LINE_BASE } from './directline/routes.js';
import { BotStates } from '../bot/state.js';
import { createStores, type Stores } from '../domain/storage/index.js';
import { registerWebChatRoutes } from './webchat/routes.js';

const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Largest request body accepted on `/api/messages`; larger ones are refused with 413. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface AppOptions {
  logger?: Logger;
  /** Flushed when the app closes, so the last turns' spans and metrics are not lost. */
  telemetry?: { flush(): Promise<void> };
  stores?: Stores;
  guessLanguage?: LanguageGuesser;
  /** How the recognizer is loaded (default: the one RECOGNIZER names); tests hold it back to see a start-up. */
  loadRecognizer?: () => Promise<Recognizer | undefined>;
}

function createAdapter(config: Config, logger: Logger, i18n: i18n): CloudAdapter {
  const auth = new FailClosedAuthentication(
    {
      MicrosoftAppId: config.microsoftAppId,
      MicrosoftAppPassword: config.microsoftAppPassword,
      MicrosoftAppType: config.microsoftAppType,
      MicrosoftAppTenantId: config.microsoftAppTenantId,
    } as ConfigurationBotFrameworkAuthenticationOptions,
    logger,
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = createTurnErrorHandler(config, logger, i18n);
  useSharedMiddleware(adapter);
  return adapter;
}

/**
 * Builds the whole app (storage, bot, adapter, routes) without listening. The recognizer goes on
 * loading after it returns: `ready` tells when it has (`/readyz` answers 503 until then).
 */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const startedAt = Date.now();
  const logger = options.logger ?? createLogger(config.logLevel);
  const i18n = createI18n({ onMissingKey: (missing) => logger.warn('translation missing', { ...missing }) });
  const rawStores = options.stores ?? createStores(config, logger);
  const stores = guardStores(rawStores, logger);
  const states = new BotStates(stores.state);
  const guards = createPublicEndpointGuards(config, i18n, logger);
  const turns = new ConsistentTurns(states, logger, { holdBackInserts: config.storage === 'blob' });
  const turnStores = turns.deferInserts(stores);
  const adapter = createAdapter(config, logger, i18n).use(guards.conversationLimit);
  const dialogDependencies: DialogDependencies = { config, i18n, stores: turnStores, outcomes: new OutcomeTracker(turnStores.outcomes), logger };
  const readiness = new Readiness(stores.state);
  // The recognizer loads while the server already answers probes: `/readyz` says 503 until it is
  // loaded, and turns that arrive meanwhile wait for it.
  const loadingBot = (async () => {
    const recognizerStartedAt = performance.now();
    const recognizer = await (options.loadRecognizer ?? (() => createRecognizer(config)))();
    logger.info('recognizer ready', {
      recognizer: config.recognizer,
      // Trained at start-up only when the build's saved model is missing or from other texts.
      savedModel: recognizer instanceof EmbeddedRecognizer ? recognizer.loadedSavedModel : undefined,
      ms: Math.round(performance.now() - recognizerStartedAt),
    });
    // The embedded recognizer already learnt the same word lists; build them only without it.
    const languageGuesser = recognizer instanceof EmbeddedRecognizer ? recognizer.languageGuesser : createLanguageGuesser();
    const bot = new CancellationBot({
      config,
      i18n,
      states,
      mainDialog: new MainMenuDialog(dialogDependencies),
      guessLanguage: options.guessLanguage ?? languageGuesser.asLanguageGuesser(),
      guessClearLanguage: options.guessLanguage ? undefined : languageGuesser.asClearLanguageGuesser(),
      recognizer,
      logger,
      outcomes: dialogDependencies.outcomes,
      privacy: createPrivacyControls(i18n, { states, cases: stores.cases, logger }),
      turns,
      interceptors: [operatorFeedbackSummary({ config, stores, logger })],
    });
    readiness.markRecognizerLoaded();
    return bot;
  })();
  // Reported by `ready` (and by the turns that wait for the bot).
  loadingBot.catch(() => undefined);
  const runTurn = async (context: TurnContext) => (await loadingBot).run(context);
  const caseRetention = startCaseRetention(stores.cases, config.caseRetentionDays, logger);
  await caseRetention.initial;
  const conversationRetention = startConversationRetention(rawStores.state, config.conversationRetentionHours, logger);

  const server = restify.createServer({ name: 'cancellation-assistant', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));

  server.use(guards.limitClientUnder(DIRECT_LINE_BASE));
  server.post('/api/messages', ...guards.before, async (req, res) => {
    await adapter.process(req, res, runTurn);
  });

  registerReportRoutes(server, { config, stores, i18n, logger });

  server.get('/healthz', (_req, res, next) => {
    res.json({ status: 'ok', version: VERSION, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
    return next();
  });

  server.get('/readyz', async (_req, res) => {
    const report = await readiness.check();
    res.json(report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not ready', ...report.checks });
  });

  const app: App = {
    config,
    server,
    adapter,
    runTurn,
    ready: loadingBot.then(() => undefined),
    readiness,
    stores,
    states,
    i18n,
    logger,
    guards,
    listen: (port = config.port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        const onListening = () => {
          const address = server.address() as AddressInfo;
          resolve(`http://localhost:${address.port}`);
        };
        if (host) server.listen(port, host, onListening);
        else server.listen(port, onListening);
      }),
    close: async () => {
      readiness.markShuttingDown();
      caseRetention.stop();
      conversationRetention.stop();
      await closeServer(server.server);
      await options.telemetry?.flush().catch((error: unknown) => logger.warn('telemetry flush failed', { error }));
    },
  };
  registerWebChatRoutes(server, app);
  return app;
}
