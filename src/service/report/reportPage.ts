import { escapeHtml, jsonForScript } from '../html.js';
import type { i18n } from 'i18next';
import { SUPPORTED_LANGUAGES, type Language } from '../../domain/config.js';
import { FEEDBACK_REASONS } from '../../domain/plans.js';

export const REPORT_PAGE_PATH = '/admin/feedback';
export const REPORT_ASSETS_PATH = '/admin/feedback/assets';

/** Every text the page's script shows, resolved in one language. */
function pageTexts(i18n: i18n, language: Language): Record<string, unknown> {
  const t = i18n.getFixedT(language);
  const bundle = i18n.getResourceBundle(language, 'report') as Record<string, unknown>;
  return {
    ...bundle,
    reasons: {
      ...Object.fromEntries(FEEDBACK_REASONS.map((reason) => [reason, t(`feedback:reasons.${reason}`)])),
      declined: t('report:reasons.declined'),
    },
  };
}

/**
 * The report page: public HTML with no data in it. Its script asks for the admin key and reads the
 * figures from the summary API; all texts come from `locales/<lng>/report.json`.
 */
export function renderReportPage(i18n: i18n, language: Language): string {
  const t = i18n.getFixedT(language);
  const other = SUPPORTED_LANGUAGES.find((lng) => lng !== language) ?? language;
  const text = (key: string) => escapeHtml(t(`report:page.${key}`));
  const chartSection = (id: string) => `
    <section aria-labelledby="${id}-heading" class="panel">
      <h2 id="${id}-heading">${text(`${id}.heading`)}</h2>
      <div class="chart-box"><canvas id="${id}-chart" role="img" aria-label="${text(`${id}.chart`)}"></canvas></div>
      <details><summary>${text('table.show')}</summary><div id="${id}-table" class="table-box" tabindex="0" role="region" aria-label="${text(`${id}.heading`)}"></div></details>
    </section>`;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${text('title')}</title>
<link rel="stylesheet" href="${REPORT_ASSETS_PATH}/report.css">
</head>
<body>
<header>
  <h1>${text('title')}</h1>
  <p>${text('intro')}</p>
  <p><a href="${REPORT_PAGE_PATH}?lang=${other}" lang="${other}" hreflang="${other}">${text('switchLanguage')}</a></p>
</header>
<main>
  <section id="sign-in" aria-labelledby="sign-in-heading" class="panel" hidden>
    <h2 id="sign-in-heading">${text('key.heading')}</h2>
    <form id="key-form">
      <label for="admin-key">${text('key.label')}</label>
      <input id="admin-key" name="admin-key" type="password" autocomplete="current-password" required aria-describedby="key-help">
      <p id="key-help" class="help">${text('key.help')}</p>
      <p id="key-error" class="error" role="alert" hidden>${text('key.wrong')}</p>
      <button type="submit">${text('key.submit')}</button>
    </form>
  </section>
  <p id="status" role="status"></p>
  <div id="report" hidden>
    <section aria-labelledby="filter-heading" class="panel">
      <h2 id="filter-heading">${text('filter.heading')}</h2>
      <form id="filter-form" class="filters">
        <div><label for="filter-from">${text('filter.from')}</label> <input id="filter-from" name="from" type="date"></div>
        <div><label for="filter-to">${text('filter.to')}</label> <input id="filter-to" name="to" type="date"></div>
        <button type="submit">${text('filter.apply')}</button>
        <button type="button" id="filter-clear" class="secondary">${text('filter.clear')}</button>
      </form>
      <p id="filter-error" class="error" role="alert" hidden></p>
      <p class="actions">
        <button type="button" id="download-csv">${text('download')}</button>
        <button type="button" id="forget-key" class="secondary">${text('key.forget')}</button>
      </p>
    </section>
    <section aria-labelledby="overview-heading" class="panel">
      <h2 id="overview-heading">${text('overview.heading')}</h2>
      <dl id="overview" class="overview"></dl>
    </section>
    <p id="empty" class="empty" hidden>${text('empty')}</p>
    <div id="charts">
      ${chartSection('byReason')}
      ${chartSection('byWeek')}
      <div class="two-columns">
        ${chartSection('byPlan')}
        ${chartSection('byLanguage')}
      </div>
      <section aria-labelledby="comments-heading" class="panel">
        <h2 id="comments-heading">${text('comments.heading')}</h2>
        <div id="comments"></div>
      </section>
    </div>
    <section aria-labelledby="funnel-heading" class="panel">
      <h2 id="funnel-heading">${text('funnel.heading')}</h2>
      <p>${text('funnel.intro')}</p>
      <p id="funnel-empty" class="empty" hidden>${text('funnel.empty')}</p>
      <div id="funnel-content">
        <div class="chart-box"><canvas id="funnel-chart" role="img" aria-label="${text('funnel.chart')}"></canvas></div>
        <div id="funnel-tables"></div>
      </div>
    </section>
  </div>
</main>
<script type="application/json" id="report-config">${jsonForScript({ language, texts: pageTexts(i18n, language) })}</script>
<script src="${REPORT_ASSETS_PATH}/chart.umd.js"></script>
<script src="${REPORT_ASSETS_PATH}/report.js"></script>
</body>
</html>
`;
}
