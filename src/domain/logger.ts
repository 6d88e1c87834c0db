import type { Config } from './config.js';
import { activeTraceFields } from './telemetry/traceContext.js';

type Level = Exclude<Config['logLevel'], 'silent'>;
const RANK: Record<Config['logLevel'], number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/**
 * Structured logs: one JSON object per line, so a log shipper can parse them. Callers pass ids and
 * outcomes only, never what the user typed (it may hold personal data). With telemetry on, a line
 * written during a turn carries its `traceId` and `spanId`, to find the turn's spans from the log.
 */
export function createLogger(
  level: Config['logLevel'],
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Logger {
  const log = (at: Level) => (message: string, fields: LogFields = {}) => {
    if (RANK[at] < RANK[level]) return;
    const record: LogFields = { time: new Date().toISOString(), level: at, message, ...activeTraceFields(), ...fields };
    const error = fields.error;
    if (error instanceof Error) record.error = { name: error.name, message: error.message, stack: error.stack };
    write(JSON.stringify(record));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
