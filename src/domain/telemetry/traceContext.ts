import { isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * The active trace and span, for log lines: they then join the turn's spans in Application
 * Insights or any OpenTelemetry backend. Undefined outside a turn, or with telemetry off.
 */
export function activeTraceFields(): { traceId: string; spanId: string } | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}
