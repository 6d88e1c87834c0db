import { randomUUID } from 'node:crypto';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { DataPointType, MetricReader, type HistogramMetricData } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ConfigError, loadConfig, testConfig } from '../src/domain/config.js';
import { createLogger } from '../src/domain/logger.js';
import { hashId } from '../src/domain/outcomes.js';
import { createMemoryStores } from '../src/domain/storage/index.js';
import { TURN_DURATION_METRIC } from '../src/domain/telemetry/instrumentation.js';
import { startTelemetry, type Telemetry } from '../src/service/telemetry/sdk.js';
import { removeDataDir, startApp, type RunningApp } from './support/app.js';
import { say } from './support/directTurn.js';
import { faultyStores, systemError } from './support/faultyStores.js';
import { text } from './support/i18n.js';

/** Reads the metrics on demand, as an exporter would at its interval. */
class InMemoryMetricReader extends MetricReader {
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

const spans = new InMemorySpanExporter();
const metricReader = new InMemoryMetricReader();
let telemetry: Telemetry;
const logLines: Record<string, unknown>[] = [];
const logger = createLogger('debug', (line) => logLines.push(JSON.parse(line) as Record<string, unknown>));

beforeAll(async () => {
  telemetry = await startTelemetry(testConfig(), { spanExporter: spans, metricReader });
});
afterAll(async () => {
  await telemetry?.shutdown();
});

const turnSpans = () => spans.getFinishedSpans().filter((span) => span.kind === SpanKind.SERVER);
const childrenOf = (parent: ReadableSpan) =>
  spans.getFinishedSpans().filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);

/** The histogram's data points as `channel/language/outcome` → number of turns. */
async function turnCounts(): Promise<Record<string, number>> {
  const { resourceMetrics } = await metricReader.collect();
  const metric = resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics).find((m) => m.descriptor.name === TURN_DURATION_METRIC) as
    | HistogramMetricData
    | undefined;
  expect(metric?.dataPointType).toBe(DataPointType.HISTOGRAM);
  expect(metric?.descriptor.unit).toBe('s');
  return Object.fromEntries(
    (metric?.dataPoints ?? []).map((point) => [
      `${point.attributes['turn.channel']}/${point.attributes['turn.language']}/${point.attributes['turn.outcome']}`,
      point.value.count,
    ]),
  );
}

describe('telemetry with an in-memory exporter (issue 16, item 6)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({}, { logger });
  });
  afterAll(async () => {
    await running?.close();
    if (running) removeDataDir(running.dataDir);
  });
  beforeEach(() => {
    spans.reset();
    logLines.length = 0;
  });

  test('each turn is one span holding its dialog steps and storage calls', async () => {
    const conversationId = `telemetry-${randomUUID()}`;
    await say(running.url, 'hej', { conversationId, locale: 'sv-SE', channelId: 'webchat' });
    spans.reset();
    const replies = await say(running.url, '1', { conversationId, locale: 'sv-SE', channelId: 'webchat' });
    expect(replies.map((reply) => reply.text)).toEqual([text('sv', 'cancel:plan.prompt')]);

    const [turn, ...others] = turnSpans();
    expect(others).toEqual([]);
    expect(turn!.name).toBe('turn message');
    expect(turn!.status.code).toBe(SpanStatusCode.OK);
    expect(turn!.attributes).toMatchObject({
      'turn.channel': 'webchat',
      'turn.language': 'sv',
      'turn.outcome': 'ok',
      'turn.conversation_key': hashId(conversationId),
    });

    // The dialog steps the turn ran, in order: the menu's answer, then the cancellation's first step.
    const steps = turn!.events.filter((event) => event.name === 'dialog WaterfallStep').map((event) => event.attributes?.['dialog.step']);
    expect(steps).toEqual(expect.arrayContaining(['startTopicStep', 'askPlanStep']));
    expect(steps.indexOf('startTopicStep')).toBeLessThan(steps.indexOf('askPlanStep'));
    expect(turn!.events.some((event) => event.name === 'dialog WaterfallStart')).toBe(true);
    expect(turn!.events.find((event) => event.name === 'milestone')?.attributes).toEqual({ 'milestone.path': 'menu', 'milestone.step': 'cancelStarted' });

    // Its storage calls are its children: state read at the start, written at the end, the milestone inserted.
    const storage = childrenOf(turn!).map((span) => span.name);
    expect(storage).toEqual(expect.arrayContaining(['storage state.read', 'storage state.write', 'storage outcomes.insert']));
    expect(childrenOf(turn!).every((span) => span.attributes['storage.store'] !== undefined)).toBe(true);
  });

  test('no span holds personal data: not what the admin typed, nor their user or conversation id', async () => {
    const conversationId = `conversation-of-anna-${randomUUID()}`;
    const userId = 'anna.svensson@contoso.example';
    const typed = ['hej', 'Ring mig på 070-123 45 67, jag heter Anna Svensson', 'anna.svensson@contoso.example'];
    for (const said of typed) await say(running.url, said, { conversationId, userId, locale: 'sv-SE', channelId: 'webchat' });
    expect(turnSpans()).toHaveLength(typed.length);
    const everything = JSON.stringify(
      spans.getFinishedSpans().map((span) => ({ name: span.name, attributes: span.attributes, events: span.events, status: span.status })),
    );
    for (const secret of [conversationId, userId, '070-123 45 67', 'Anna Svensson', 'contoso']) expect(everything).not.toContain(secret);
  });

  test('every log line written during a turn carries its trace id', async () => {
    const conversationId = `telemetry-log-${randomUUID()}`;
    await say(running.url, 'hello', { conversationId, locale: 'en-US', channelId: 'webchat' });
    // A typed question: the recognizer logs what it recognised (at debug).
    await say(running.url, "why can't I cancel my trial?", { conversationId, locale: 'en-US', channelId: 'webchat' });
    const traceIds = new Set(turnSpans().map((span) => span.spanContext().traceId));
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => !traceIds.has(String(line.traceId)))).toEqual([]);
    expect(logLines.every((line) => typeof line.spanId === 'string')).toBe(true);
  });

  test('the duration histogram counts turns by channel, language and outcome', async () => {
    const before = await turnCounts();
    const added = (key: string, after: Record<string, number>) => (after[key] ?? 0) - (before[key] ?? 0);
    await say(running.url, 'hej', { conversationId: `sv-${randomUUID()}`, locale: 'sv-SE', channelId: 'msteams' });
    await say(running.url, 'hello', { conversationId: `en-${randomUUID()}`, locale: 'en-US', channelId: 'msteams' });
    await say(running.url, 'hello', { conversationId: `en-${randomUUID()}`, locale: 'en-US', channelId: 'msteams' });
    // A channel id a client made up is not a dimension of its own (it would grow without bound).
    await say(running.url, 'hello', { conversationId: `made-up-${randomUUID()}`, locale: 'en-US', channelId: `made-up-${randomUUID()}` });
    const after = await turnCounts();
    expect(added('msteams/sv/ok', after)).toBe(1);
    expect(added('msteams/en/ok', after)).toBe(2);
    expect(added('other/en/ok', after)).toBe(1);
  });
});

describe('turns that do not end well', () => {
  test('over the conversation limit: outcome rate_limited', async () => {
    const running = await startApp({ rateLimitConversationPerMinute: 1 }, { logger });
    try {
      const conversationId = `limited-${randomUUID()}`;
      const before = (await turnCounts())['webchat/unknown/rate_limited'] ?? 0;
      await say(running.url, 'hello', { conversationId, locale: 'en-US', channelId: 'webchat' });
      spans.reset();
      await say(running.url, 'hello', { conversationId, locale: 'en-US', channelId: 'webchat' });
      expect(turnSpans().map((span) => span.attributes['turn.outcome'])).toEqual(['rate_limited']);
      expect((await turnCounts())['webchat/unknown/rate_limited']).toBe(before + 1);
    } finally {
      await running.close();
      removeDataDir(running.dataDir);
    }
  });

  test('storage down: outcome storage_unavailable, the failed call marked, and the log lines in the same trace', async () => {
    const faulty = faultyStores(createMemoryStores());
    const running = await startApp({}, { logger, stores: faulty.stores });
    try {
      const conversationId = `faulty-${randomUUID()}`;
      await say(running.url, 'hej', { conversationId, locale: 'sv-SE', channelId: 'webchat' });
      spans.reset();
      logLines.length = 0;
      faulty.failWith(() => systemError('ENOSPC', 'no space left on device for anna.svensson@contoso.example'));
      const replies = await say(running.url, '1', { conversationId, locale: 'sv-SE', channelId: 'webchat' });
      expect(replies.map((reply) => reply.text)).toContain(text('sv', 'security:storageUnavailable'));

      const [turn] = turnSpans();
      expect(turn!.attributes['turn.outcome']).toBe('storage_unavailable');
      expect(turn!.status.code).toBe(SpanStatusCode.ERROR);
      const failed = childrenOf(turn!).filter((span) => span.status.code === SpanStatusCode.ERROR);
      expect(failed.length).toBeGreaterThan(0);
      // The error's class only: its message could quote anything.
      expect(JSON.stringify(spans.getFinishedSpans().map((span) => [span.attributes, span.status]))).not.toContain('anna');

      const failureLines = logLines.filter((line) => line.message === 'storage failed' || line.message === 'turn failed');
      expect(failureLines.length).toBeGreaterThanOrEqual(2);
      expect(failureLines.every((line) => line.traceId === turn!.spanContext().traceId)).toBe(true);
    } finally {
      faulty.failWith(undefined);
      await running.close();
      removeDataDir(running.dataDir);
    }
  });
});

describe('telemetry configuration', () => {
  const KEY = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/';

  test('off unless an exporter is configured; either or both may be', () => {
    expect(loadConfig({})).toMatchObject({ applicationInsightsConnectionString: undefined, otlpEndpoint: undefined, serviceName: 'cancellation-assistant' });
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: KEY, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/', OTEL_SERVICE_NAME: 'bot-prod' })).toMatchObject({
      applicationInsightsConnectionString: KEY,
      otlpEndpoint: 'http://collector:4318',
      serviceName: 'bot-prod',
    });
  });

  test.each([
    ['APPLICATIONINSIGHTS_CONNECTION_STRING', 'InstrumentationKey=abc', '(hidden)', 'must be an Application Insights connection string (InstrumentationKey=<GUID>;IngestionEndpoint=…)'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'collector:4318', '"collector:4318"', 'must be an http(s) URL such as http://localhost:4318'],
  ])('a bad %s stops start-up with a line naming it (a connection string is never echoed)', (variable, value, shown, message) => {
    try {
      loadConfig({ [variable]: value });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).lines).toEqual([`${variable}=${shown}: ${message}`]);
    }
  });

  test('with no exporter configured nothing starts', async () => {
    const off = await startTelemetry(testConfig());
    expect(off.destinations).toEqual([]);
  });
});
