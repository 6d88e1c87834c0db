import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { i18n } from 'i18next';
import type { Request, Response, Server } from 'restify';
import { SUPPORTED_LANGUAGES, type Config } from '../../domain/config.js';
import type { Logger } from '../../domain/logger.js';
import { PROJECT_ROOT } from '../../domain/paths.js';
import { requireAdminKey } from '../security/adminAuth.js';
import type { Stores } from '../../domain/storage/index.js';
import { CSV_DELIMITERS, feedbackCsv, type CsvDelimiterName } from './feedbackCsv.js';
import { dayBounds, feedbackStoreQuery, newestFirst, QueryParameterError, QueryReader, type FeedbackFilter } from './feedbackQuery.js';
import { summarizeFeedback } from './feedbackSummary.js';
import { outcomeFunnel } from './outcomeFunnel.js';
import { pageLanguage } from '../../domain/language.js';
import { renderReportPage, REPORT_ASSETS_PATH, REPORT_PAGE_PATH } from './reportPage.js';

export interface ReportRouteDependencies {
  config: Config;
  stores: Stores;
  i18n: i18n;
  logger: Logger;
}

const FILTER_PARAMETERS = ['from', 'to', 'plan', 'language', 'reason'] as const;

// The page's own files, and Chart.js straight from node_modules (no CDN, no copy to keep in step).
const require = createRequire(import.meta.url);
const ASSETS: Record<string, { file: () => string; type: string }> = {
  'report.js': { file: () => join(PROJECT_ROOT, 'src', 'service', 'report', 'public', 'report.js'), type: 'text/javascript; charset=utf-8' },
  'report.css': { file: () => join(PROJECT_ROOT, 'src', 'service', 'report', 'public', 'report.css'), type: 'text/css; charset=utf-8' },
  // chart.js exports only its ESM/CJS entry points; the UMD build sits next to them in dist/.
  'chart.umd.js': { file: () => join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), type: 'text/javascript; charset=utf-8' },
};

// The page runs only its own scripts and talks only to this server.
const PAGE_SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** The page and its files are off, like the API (requireAdminKey), while no admin key is set. */
function sendNotFound(res: Response): void {
  res.send(404, { code: 'NotFound', message: 'Not found' });
}

function search(req: Request): string {
  return new URL(req.url ?? '/', 'http://localhost').search;
}

function sendText(res: Response, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body, 'utf8') });
  res.end(body);
}

/** The feedback report: JSON and CSV API behind the admin key, and the report page. */
export function registerReportRoutes(server: Server, deps: ReportRouteDependencies): void {
  const { config, stores, i18n, logger } = deps;
  const zone = config.defaultTimezone;
  const guard = requireAdminKey(config);

  /** Runs a handler; a bad query parameter becomes 400 naming it, anything else a logged 500. */
  const handle =
    (route: string, handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
      try {
        await handler(req, res);
      } catch (error) {
        if (error instanceof QueryParameterError) {
          res.json(400, { code: 'BadRequest', parameter: error.parameter, message: error.message });
          return;
        }
        logger.error('report request failed', { route, error });
        res.json(500, { code: 'InternalError', message: 'The report could not be produced.' });
      }
    };

  const findFeedback = async (filter: FeedbackFilter) =>
    newestFirst(await stores.feedback.list(feedbackStoreQuery(filter, zone)));

  server.get(
    '/api/feedback',
    guard,
    handle('/api/feedback', async (req, res) => {
      const query = new QueryReader(search(req), [...FILTER_PARAMETERS, 'limit', 'offset']);
      const filter = query.filter(zone);
      const { limit, offset } = query.page();
      const records = await findFeedback(filter);
      const next = offset + limit;
      res.json(200, {
        total: records.length,
        limit,
        offset,
        nextOffset: next < records.length ? next : null,
        records: records.slice(offset, next),
      });
    }),
  );

  server.get(
    '/api/feedback.csv',
    guard,
    handle('/api/feedback.csv', async (req, res) => {
      const query = new QueryReader(search(req), [...FILTER_PARAMETERS, 'lang', 'delimiter']);
      const filter = query.filter(zone);
      const language = query.oneOf('lang', SUPPORTED_LANGUAGES, config.defaultLocale);
      const delimiter = query.oneOf('delimiter', Object.keys(CSV_DELIMITERS) as CsvDelimiterName[], 'comma');
      const csv = feedbackCsv(await findFeedback(filter), i18n.getFixedT(language), delimiter);
      const day = new Date().toISOString().slice(0, 10);
      sendText(res, 200, csv, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="feedback-${day}.csv"`,
        'Cache-Control': 'no-store',
      });
    }),
  );

  server.get(
    '/api/feedback/summary',
    guard,
    handle('/api/feedback/summary', async (req, res) => {
      const filter = new QueryReader(search(req), FILTER_PARAMETERS).filter(zone);
      const milestones = await stores.outcomes.list({
        ...dayBounds(filter, zone),
        ...(filter.languages ? { where: (m) => filter.languages!.includes(m.locale) } : {}),
      });
      res.json(200, {
        filter,
        timezone: zone,
        feedback: summarizeFeedback(await findFeedback(filter), zone),
        outcomes: outcomeFunnel(milestones),
      });
    }),
  );

  server.get(REPORT_PAGE_PATH, (req: Request, res: Response, next) => {
    if (!config.adminApiKey) {
      sendNotFound(res);
      return next(false);
    }
    const params = new URLSearchParams(search(req));
    const language = pageLanguage(params.get('lang') ?? undefined, req.headers['accept-language'], config.defaultLocale);
    sendText(res, 200, renderReportPage(i18n, language), {
      ...PAGE_SECURITY_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': language,
      Vary: 'Accept-Language',
    });
    return next(false);
  });

  server.get(`${REPORT_ASSETS_PATH}/:asset`, async (req: Request, res: Response) => {
    const name = String(req.params?.asset ?? '');
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!config.adminApiKey || !asset) return sendNotFound(res);
    const body = await readFile(asset.file(), 'utf8');
    sendText(res, 200, body, { 'Content-Type': asset.type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'public, max-age=3600' });
  });
}
