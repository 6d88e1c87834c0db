import { z } from 'zod';

/** The telemetry settings (issue 16, item 6), merged into the one configuration schema. */
export const telemetryEnvironment = {
  /** Application Insights' connection string (Azure portal → Application Insights → Overview). */
  APPLICATIONINSIGHTS_CONNECTION_STRING: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine(
      (value) => value === undefined || /(^|;)\s*InstrumentationKey\s*=\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s*(;|$)/i.test(value),
      'must be an Application Insights connection string (InstrumentationKey=<GUID>;IngestionEndpoint=…)',
    ),
  /** An OpenTelemetry collector's OTLP/HTTP base URL; traces go to <url>/v1/traces, metrics to <url>/v1/metrics. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value.replace(/\/+$/, '') : undefined))
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:4318' }).optional()),
  OTEL_SERVICE_NAME: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : 'cancellation-assistant')),
};

export interface TelemetryConfig {
  /** Set: traces and metrics go to Azure Monitor (Application Insights). */
  applicationInsightsConnectionString: string | undefined;
  /** Set: traces and metrics go to this OTLP/HTTP endpoint. Neither set: telemetry is off. */
  otlpEndpoint: string | undefined;
  /** The `service.name` (Application Insights' cloud role name). */
  serviceName: string;
}

type TelemetryEnvironment = z.output<z.ZodObject<typeof telemetryEnvironment>>;

export function telemetryConfig(e: TelemetryEnvironment): TelemetryConfig {
  return {
    applicationInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
    otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
    serviceName: e.OTEL_SERVICE_NAME,
  };
}
