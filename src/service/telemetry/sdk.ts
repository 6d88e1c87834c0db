/**
 * The OpenTelemetry SDK, set up at start-up when an exporter is configured; the one module that
 * knows the SDK and the exporters. Nothing is loaded when telemetry is off, and an exporter's
 * package only when it is configured, so a start-up without telemetry pays nothing for it.
 *
 * Spans and metrics are made by hand (`instrumentation.ts`), not by OpenTelemetry's automatic
 * instrumentations: those patch modules as Node loads them, which a bundle (one file, no module
 * loads) defeats.
 */
import { context, diag, DiagLogLevel, metrics, trace } from '@opentelemetry/api';
import type { MetricReader, PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Logger } from '../../domain/logger.js';
import type { TelemetryConfig } from '../../domain/telemetryConfig.js';

/** How often metrics are sent (Azure Monitor's own distro uses a minute as well). */
const METRIC_INTERVAL_MS = 60_000;

export interface Telemetry {
  /** Where traces and metrics go: 'azureMonitor', 'otlp', or the test's exporters; empty = off. */
  destinations: string[];
  /** Sends what is buffered (at shutdown, or in tests). */
  flush(): Promise<void>;
  /** Flushes and stops; the global providers are reset, so telemetry is off afterwards. */
  shutdown(): Promise<void>;
}

export interface TelemetryOptions {
  logger?: Logger;
  /** Tests: exporters of their own (in memory), sent to at once, beside any configured ones. */
  spanExporter?: SpanExporter;
  metricReader?: MetricReader;
}

const OFF: Telemetry = { destinations: [], flush: async () => {}, shutdown: async () => {} };

interface Exporters {
  spans: SpanExporter[];
  metrics: PushMetricExporter[];
  destinations: string[];
}

async function configuredExporters(config: TelemetryConfig): Promise<Exporters> {
  const exporters: Exporters = { spans: [], metrics: [], destinations: [] };
  if (config.applicationInsightsConnectionString) {
    const { AzureMonitorTraceExporter, AzureMonitorMetricExporter } = await import('@azure/monitor-opentelemetry-exporter');
    const connectionString = config.applicationInsightsConnectionString;
    // No offline retry store: it writes into the app folder, which a production start must not.
    exporters.spans.push(new AzureMonitorTraceExporter({ connectionString, disableOfflineStorage: true }));
    exporters.metrics.push(new AzureMonitorMetricExporter({ connectionString, disableOfflineStorage: true }));
    exporters.destinations.push('azureMonitor');
  }
  if (config.otlpEndpoint) {
    const [{ OTLPTraceExporter }, { OTLPMetricExporter }] = await Promise.all([
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/exporter-metrics-otlp-http'),
    ]);
    // The signal paths the OTLP specification appends to OTEL_EXPORTER_OTLP_ENDPOINT; headers
    // (OTEL_EXPORTER_OTLP_HEADERS) are read from the environment by the exporters themselves.
    exporters.spans.push(new OTLPTraceExporter({ url: `${config.otlpEndpoint}/v1/traces` }));
    exporters.metrics.push(new OTLPMetricExporter({ url: `${config.otlpEndpoint}/v1/metrics` }));
    exporters.destinations.push('otlp');
  }
  return exporters;
}

/**
 * Starts telemetry as configured: Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set,
 * OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is, both when both are; otherwise it is off and
 * nothing is loaded. Registers the global tracer and meter providers and an AsyncLocalStorage
 * context, so a turn's span is the parent of its storage calls and the log lines know its trace.
 */
export async function startTelemetry(config: TelemetryConfig, options: TelemetryOptions = {}): Promise<Telemetry> {
  const startedAt = performance.now();
  const exporters = await configuredExporters(config);
  const exportersMs = Math.round(performance.now() - startedAt);
  if (options.spanExporter) exporters.destinations.push('test');
  if (exporters.destinations.length === 0) return OFF;

  const [{ AsyncLocalStorageContextManager }, { resourceFromAttributes }, traceSdk, metricsSdk] = await Promise.all([
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/sdk-metrics'),
  ]);
  const { logger } = options;
  if (logger) {
    // The SDK's own complaints (an exporter that cannot reach its endpoint) as our log lines.
    diag.setLogger(
      { error: (message) => logger.warn('telemetry', { detail: message }), warn: (message) => logger.warn('telemetry', { detail: message }), info: () => {}, debug: () => {}, verbose: () => {} },
      DiagLogLevel.WARN,
    );
  }
  const resource = resourceFromAttributes({ 'service.name': config.serviceName, 'service.namespace': 'cancellation-assistant' });

  const spanProcessors: SpanProcessor[] = exporters.spans.map((exporter) => new traceSdk.BatchSpanProcessor(exporter));
  if (options.spanExporter) spanProcessors.push(new traceSdk.SimpleSpanProcessor(options.spanExporter));
  const tracerProvider = new traceSdk.BasicTracerProvider({ resource, spanProcessors });

  const readers: MetricReader[] = exporters.metrics.map(
    (exporter) => new metricsSdk.PeriodicExportingMetricReader({ exporter, exportIntervalMillis: METRIC_INTERVAL_MS }),
  );
  if (options.metricReader) readers.push(options.metricReader);
  const meterProvider = new metricsSdk.MeterProvider({ resource, readers });

  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  logger?.info('telemetry on', { destinations: exporters.destinations, ms: Math.round(performance.now() - startedAt), exportersMs });

  return {
    destinations: exporters.destinations,
    flush: async () => {
      await Promise.all([tracerProvider.forceFlush(), meterProvider.forceFlush()]);
    },
    shutdown: async () => {
      await Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown()]);
      trace.disable();
      metrics.disable();
      context.disable();
      diag.disable();
    },
  };
}
