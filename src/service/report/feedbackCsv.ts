import type { Translate } from '../../domain/i18n.js';
import type { FeedbackRecord } from '../../domain/storage/records.js';
import { DECLINED } from './feedbackQuery.js';

/** Excel reads a file as UTF-8 (å, ä, ö intact) only when it starts with this byte order mark. */
export const UTF8_BOM = '\uFEFF';
export const CSV_DELIMITERS = { comma: ',', semicolon: ';' } as const;
export type CsvDelimiterName = keyof typeof CSV_DELIMITERS;

const COLUMNS = ['createdAt', 'reason', 'reasonLabel', 'comment', 'plan', 'path', 'language', 'id'] as const;

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-safe, quoted when it holds a delimiter, quote or line break (RFC 4180). */
export function csvCell(value: string | undefined | null, delimiter = ','): string {
  let text = value ?? '';
  if (FORMULA_START.test(text)) text = `'${text}`;
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The records as a CSV document Excel opens directly: BOM, CRLF line ends, a header row in the
 * reader's language, one row per record.
 */
export function feedbackCsv(records: FeedbackRecord[], t: Translate, delimiter: CsvDelimiterName = 'comma'): string {
  const separator = CSV_DELIMITERS[delimiter];
  const row = (cells: (string | undefined | null)[]) => cells.map((cell) => csvCell(cell, separator)).join(separator);
  const lines = [row(COLUMNS.map((column) => t(`report:csv.columns.${column}`)))];
  for (const record of records) {
    const reason = record.reason ?? DECLINED;
    lines.push(
      row([
        record.createdAt,
        reason,
        record.reason === null
          ? t('report:reasons.declined')
          : t(`feedback:reasons.${record.reason}`, { defaultValue: record.reason }),
        record.comment,
        record.plan,
        record.path,
        record.locale,
        record.id,
      ]),
    );
  }
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
