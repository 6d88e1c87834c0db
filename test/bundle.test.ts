import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SERVICE_BUNDLE } from '../src/domain/paths.js';
import { TURN_DURATION_METRIC } from '../src/domain/telemetry/instrumentation.js';
import { startLocalCollector, type LocalCollector } from './support/otlpCollector.js';
import { say } from './support/directTurn.js';
import { text } from './support/i18n.js';
import { startServerProcess, type ServerProcess } from './support/serverProcess.js';

// npm test builds the bundle before jest runs; `npm start` runs the same file.
describe('the service bundle (what npm start runs)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ STORAGE: 'memory' });
  }, 60_000);
  afterAll(() => server?.stop());

  test('leaves out the Recognizers-Text models no prompt of ours uses (a third of a second of every start-up)', () => {
    const bundle = readFileSync(SERVICE_BUNDLE, 'utf8');
    // Models of the date-time recognizer and of the suite's number-with-unit, which only they bring.
    expect(bundle).not.toContain('EnglishDateTimeParserConfiguration');
    expect(bundle).not.toContain('NumberWithUnitModel');
    // A clear error should anyone add a DateTimePrompt.
    expect(bundle).toContain('DateTimePrompt needs @microsoft/recognizers-text-date-time');
  });

  test.each([
    ['en', 'en-US', 'the third one', 'yes'],
    ['sv', 'sv-SE', '3', 'ja'],
  ] as const)('its prompts still take numbers, ordinals and yes (%s)', async (language, locale, enterprise, yes) => {
    const conversation = { conversationId: `bundle-${randomUUID()}`, locale, channelId: 'webchat' };
    const texts = async (said: string) => (await say(server.url, said, conversation)).map((activity) => activity.text);
    await texts('hello');
    expect(await texts('1')).toEqual([text(language, 'cancel:plan.prompt')]);
    expect(await texts(enterprise)).toEqual([text(language, 'cancel:when.promptYearly')]);
    expect(await texts('2')).toEqual([text(language, 'facts:F09.fee'), text(language, 'cancel:now.confirmFee')]);
    expect((await texts(yes))[0]).toBe(text(language, 'cancel:now.askOwnDomain', { number: 1, total: 3 }));
  });
});

describe('the service bundle with telemetry configured (issue 16, item 6)', () => {
  let collector: LocalCollector;
  let server: ServerProcess;
  beforeAll(async () => {
    collector = await startLocalCollector({ tls: true });
    server = await startServerProcess({
      STORAGE: 'memory',
      NODE_EXTRA_CA_CERTS: collector.certificateFile!,
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=${collector.url}/`,
      // The exporter's own usage reports go to Microsoft, which this machine cannot reach.
      APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
      APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
    });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await collector?.close();
  });

  test('starts with both exporters, traces a conversation, and sends it all when stopped', async () => {
    expect(server.output()).toMatch(/"message":"telemetry on","destinations":\["azureMonitor","otlp"\]/);
    const conversation = { conversationId: `bundle-telemetry-${randomUUID()}`, locale: 'sv-SE', channelId: 'webchat' };
    await say(server.url, 'hej', conversation);
    expect((await say(server.url, '1', conversation)).map((activity) => activity.text)).toEqual([text('sv', 'cancel:plan.prompt')]);
    // SIGTERM: the shutdown flushes what is buffered before the process exits.
    await server.stop();
    expect((await server.exited).code).toBe(0);
    // Every export was accepted: an exporter that fails says so in a warn line.
    expect(server.output()).not.toContain('"level":"warn"');

    const bodies = (path: string) => JSON.stringify(collector.received.filter((received) => received.path === path).map((received) => received.body));
    // OTLP/HTTP JSON: the turns' spans with their storage children, and the duration histogram.
    expect(bodies('/v1/traces')).toContain('"name":"turn message"');
    expect(bodies('/v1/traces')).toContain('"name":"storage state.write"');
    expect(bodies('/v1/traces')).toContain('"key":"turn.language","value":{"stringValue":"sv"}');
    expect(bodies('/v1/metrics')).toContain(`"name":"${TURN_DURATION_METRIC}"`);
    // Application Insights: the turns as requests, the storage calls as dependencies, the metric.
    const track = bodies('/v2.1/track');
    expect(track).toContain('"baseType":"RequestData"');
    expect(track).toContain('"baseType":"RemoteDependencyData"');
    expect(track).toContain(TURN_DURATION_METRIC);
    // Span events become traces: the dialog steps and the funnel's milestones.
    expect(track).toContain('"message":"milestone"');
    expect(track).toContain('"milestone.step":"cancelStarted"');
    expect(track).toContain('"dialog.step":"askPlanStep"');
  });
});
