/**
 * What the service reports, through the OpenTelemetry API only: without an SDK registered
 * (telemetry off) every call here is a cheap no-op. The SDK and its exporters are set up in
 * `sdk.ts`, at the edge. Nothing here carries personal data: no text, no user or conversation id
 * (a conversation shows only as the same hash the outcome records use), no error messages.
 */
import { context, metrics, SpanKind, SpanStatusCode, trace, type Attributes, type Histogram, type MeterProvider, type Span } from '@opentelemetry/api';
import { Channels, type BotTelemetryClient, type Middleware, type TelemetryEvent, type TurnContext } from 'botbuilder';
import { isStorageFailure } from '../storage/storageFailure.js';
import { resolvedTurnLanguage, turnOutcome, type TurnOutcome } from '../turn.js';

export const INSTRUMENTATION_SCOPE = 'cancellation-assistant';

/** The histogram of turn durations, in seconds, by `turn.channel`, `turn.language` and `turn.outcome`. */
export const TURN_DURATION_METRIC = 'cancellation_assistant.turn.duration';

/** Buckets for turn durations: most turns take milliseconds; a slow store or recognizer, seconds. */
const TURN_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const tracer = () => trace.getTracer(INSTRUMENTATION_SCOPE);

// The metrics API has no proxy for a provider registered later: the histogram is made per provider.
let histogramFor: { provider: MeterProvider; histogram: Histogram } | undefined;
function turnDurationHistogram(): Histogram {
  const provider = metrics.getMeterProvider();
  if (histogramFor?.provider !== provider) {
    const histogram = provider.getMeter(INSTRUMENTATION_SCOPE).createHistogram(TURN_DURATION_METRIC, {
      description: 'How long the bot took to answer one activity (a turn)',
      unit: 's',
      advice: { explicitBucketBoundaries: TURN_DURATION_BUCKETS },
    });
    histogramFor = { provider, histogram };
  }
  return histogramFor.histogram;
}

const KNOWN_CHANNELS = new Set<string>(Object.values(Channels));

/** The channel id as a metric dimension: Bot Framework's own names; anything else (a client's invention) is "other". */
function channelName(channelId: string | undefined): string {
  return channelId && KNOWN_CHANNELS.has(channelId) ? channelId : 'other';
}

/** An error's class name only: messages can quote what the user sent. */
function errorType(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

const TURN_SPAN = Symbol('turnSpan');

/**
 * Runs `work` in the turn's trace after its middleware has finished: botbuilder calls the turn
 * error handler only then, and its log lines belong with the turn that failed.
 */
export function inTurnTrace<T>(turnContext: TurnContext, work: () => T): T {
  const span = turnContext.turnState.get(TURN_SPAN) as Span | undefined;
  return span ? context.with(trace.setSpan(context.active(), span), work) : work();
}

/**
 * Adapter middleware, first in every adapter's pipeline: one span per turn (kind SERVER, so
 * Application Insights lists turns as requests), the context the dialogs' and stores' spans hang
 * under, and the turn's duration in the histogram.
 */
export function turnTelemetry(conversationKey: (conversationId: string) => string): Middleware {
  return {
    async onTurn(turnContext: TurnContext, next: () => Promise<void>): Promise<void> {
      const { activity } = turnContext;
      const startedAt = performance.now();
      const span = tracer().startSpan(`turn ${activity.type ?? 'unknown'}`, { kind: SpanKind.SERVER });
      // Telemetry off: the span records nothing, so its attributes (a hash among them) are not worked out.
      if (span.isRecording()) {
        span.setAttributes({
          'turn.channel': channelName(activity.channelId),
          'turn.activity_type': String(activity.type ?? 'unknown'),
          ...(activity.conversation?.id ? { 'turn.conversation_key': conversationKey(activity.conversation.id) } : {}),
        });
      }
      turnContext.turnState.set(TURN_SPAN, span);
      let outcome: TurnOutcome = 'ok';
      try {
        await context.with(trace.setSpan(context.active(), span), next);
        outcome = turnOutcome(turnContext) ?? 'ok';
      } catch (error) {
        outcome = isStorageFailure(error) ? 'storage_unavailable' : 'error';
        span.setAttribute('exception.type', errorType(error));
        throw error;
      } finally {
        const dimensions: Attributes = {
          'turn.channel': channelName(activity.channelId),
          'turn.language': resolvedTurnLanguage(turnContext) ?? 'unknown',
          'turn.outcome': outcome,
        };
        span.setAttributes(dimensions);
        span.setStatus(outcome === 'error' || outcome === 'storage_unavailable' ? { code: SpanStatusCode.ERROR, message: outcome } : { code: SpanStatusCode.OK });
        span.end();
        turnDurationHistogram().record((performance.now() - startedAt) / 1000, dimensions);
      }
    },
  };
}

/** One storage call as a child span of the turn (store and operation only, never keys or contents). */
export function traceStorageCall<T>(store: string, operation: string, call: () => Promise<T>): Promise<T> {
  // Background sweeps (retention) have no turn: they are not traced, rather than each starting a trace.
  if (!trace.getActiveSpan()?.isRecording()) return call();
  return tracer().startActiveSpan(
    `storage ${store}.${operation}`,
    { kind: SpanKind.INTERNAL, attributes: { 'storage.store': store, 'storage.operation': operation } },
    async (span) => {
      try {
        return await call();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: errorType(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

// The waterfall events botbuilder-dialogs reports, and the properties of theirs that are safe to keep.
const DIALOG_EVENTS = new Set(['WaterfallStart', 'WaterfallStep', 'WaterfallComplete', 'WaterfallCancel']);

/**
 * botbuilder-dialogs' telemetry hook (every waterfall reports its start, each step, and its end):
 * each becomes an event on the turn's span with the dialog id and step name. Other kinds of
 * telemetry botbuilder offers (traces, exceptions) are left out: they can carry activity content.
 */
export class DialogStepTelemetry implements BotTelemetryClient {
  trackEvent(telemetry: TelemetryEvent): void {
    if (!DIALOG_EVENTS.has(telemetry.name)) return;
    const span = trace.getActiveSpan();
    if (!span?.isRecording()) return;
    const { DialogId, StepName } = (telemetry.properties ?? {}) as { DialogId?: unknown; StepName?: unknown };
    span.addEvent(`dialog ${telemetry.name}`, {
      ...(typeof DialogId === 'string' ? { 'dialog.id': DialogId } : {}),
      // Our steps are bound methods ("bound askPlanStep"): the method's name is the step's.
      ...(typeof StepName === 'string' ? { 'dialog.step': StepName.replace(/^bound /, '') } : {}),
    });
  }
  trackDependency(): void {}
  trackException(): void {}
  trackTrace(): void {}
  flush(): void {}
}
