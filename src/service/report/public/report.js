// The feedback report page's script. Plain browser JavaScript (served as is, no build step).
// It never inserts text as HTML: every value goes through textContent.
(() => {
  'use strict';

  const config = JSON.parse(document.getElementById('report-config').textContent);
  const texts = config.texts;
  const locale = config.language === 'sv' ? 'sv-SE' : 'en-US';
  const KEY_STORAGE = 'feedbackReport.adminKey';
  const numberFormat = new Intl.NumberFormat(locale);
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  // Colours with at least 3:1 contrast against the white page (WCAG non-text contrast).
  const PALETTE = ['#1f4e9c', '#b3261e', '#2e7d32', '#7b3fa0', '#b45309', '#00695c', '#6d4c41', '#ad1457', '#37474f', '#0277bd'];
  const DECLINED_COLOUR = '#6b6b6b';
  const charts = [];
  window.feedbackReportCharts = charts;

  const $ = (id) => document.getElementById(id);

  /** A text from the page's locale bundle, `{{name}}` filled in. */
  function t(path, values) {
    const found = path.split('.').reduce((node, part) => (node == null ? undefined : node[part]), texts);
    const template = typeof found === 'string' ? found : path;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => (values && name in values ? String(values[name]) : ''));
  }
  const label = (group, key) => (texts[group] && typeof texts[group][key] === 'string' ? texts[group][key] : key);
  const percent = (value) => (value == null ? '–' : percentFormat.format(value));

  function element(tag, properties, children) {
    const node = document.createElement(tag);
    Object.assign(node, properties || {});
    for (const child of children || []) node.append(child);
    return node;
  }

  /** A data table: the accessible alternative to a chart. The first column holds row headers. */
  function dataTable(caption, headers, rows) {
    const head = element('tr', {}, headers.map((h) => element('th', { scope: 'col', textContent: h })));
    const body = rows.map((cells) =>
      element(
        'tr',
        {},
        cells.map((cell, index) =>
          index === 0 ? element('th', { scope: 'row', textContent: String(cell) }) : element('td', { textContent: String(cell) }),
        ),
      ),
    );
    return element('table', {}, [
      element('caption', { textContent: caption }),
      element('thead', {}, [head]),
      element('tbody', {}, body),
    ]);
  }

  function showTable(id, table) {
    $(id).replaceChildren(table);
  }

  function drawChart(canvasId, chartConfig) {
    const chart = new window.Chart($(canvasId), chartConfig);
    charts.push(chart);
    return chart;
  }

  const baseOptions = (extra) => ({
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { display: false } },
    ...extra,
  });

  function setStatus(message) {
    $('status').textContent = message;
  }

  function signIn(wrongKey) {
    $('report').hidden = true;
    $('sign-in').hidden = false;
    $('key-error').hidden = !wrongKey;
    setStatus('');
    $('admin-key').focus();
  }

  function filterParams() {
    const params = new URLSearchParams();
    if ($('filter-from').value) params.set('from', $('filter-from').value);
    if ($('filter-to').value) params.set('to', $('filter-to').value);
    return params;
  }

  function request(path, params) {
    const query = params.toString();
    return fetch(query ? `${path}?${query}` : path, {
      headers: { authorization: `Bearer ${sessionStorage.getItem(KEY_STORAGE) || ''}` },
      cache: 'no-store',
    });
  }

  async function load() {
    setStatus(t('page.loading'));
    $('filter-error').hidden = true;
    let response;
    try {
      response = await request('/api/feedback/summary', filterParams());
    } catch {
      return setStatus(t('page.error'));
    }
    if (response.status === 401) {
      sessionStorage.removeItem(KEY_STORAGE);
      return signIn(true);
    }
    if (response.status === 400) {
      setStatus('');
      $('filter-error').textContent = t('page.filter.invalid');
      $('filter-error').hidden = false;
      return;
    }
    if (!response.ok) return setStatus(t('page.error'));
    render(await response.json());
    setStatus('');
  }

  function render(summary) {
    while (charts.length > 0) charts.pop().destroy();
    $('sign-in').hidden = true;
    $('report').hidden = false;
    const { feedback, outcomes } = summary;
    renderOverview(feedback, outcomes);
    const empty = feedback.total === 0;
    $('empty').hidden = !empty;
    $('charts').hidden = empty;
    if (!empty) {
      renderReasons(feedback);
      renderWeeks(feedback);
      renderCounts('byPlan', feedback.plans.map((p) => [label('plans', p.plan), p.count]), t('page.table.plan'), feedback.total);
      renderCounts(
        'byLanguage',
        feedback.languages.map((l) => [label('languages', l.language), l.count]),
        t('page.table.language'),
        feedback.total,
      );
      renderComments(feedback.latestComments);
    }
    renderFunnel(outcomes);
    document.body.dataset.rendered = 'true';
  }

  function renderOverview(feedback, outcomes) {
    const items = [
      [t('page.overview.total'), numberFormat.format(feedback.total)],
      [t('page.overview.declinedShare'), percent(feedback.declinedShare)],
      [t('page.overview.conversations'), numberFormat.format(outcomes.conversations)],
      [t('page.overview.escalationRate'), percent(outcomes.escalationRate)],
    ];
    $('overview').replaceChildren(
      ...items.map(([term, value]) =>
        element('div', { className: 'figure' }, [element('dt', { textContent: term }), element('dd', { textContent: value })]),
      ),
    );
  }

  const reasonColour = (reason, index) => (reason === 'declined' ? DECLINED_COLOUR : PALETTE[index % PALETTE.length]);

  function renderReasons(feedback) {
    const labels = feedback.reasons.map((r) => label('reasons', r.reason));
    drawChart('byReason-chart', {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: t('page.table.count'),
            data: feedback.reasons.map((r) => r.count),
            backgroundColor: feedback.reasons.map((r, i) => reasonColour(r.reason, i)),
          },
        ],
      },
      options: baseOptions({ indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }),
    });
    showTable(
      'byReason-table',
      dataTable(
        t('page.byReason.heading'),
        [t('page.table.reason'), t('page.table.count'), t('page.table.share')],
        feedback.reasons.map((r, i) => [labels[i], numberFormat.format(r.count), percent(r.count / feedback.total)]),
      ),
    );
  }

  function weekLabel(week) {
    const [year, number] = week.week.split('-W');
    return t('page.weekLabel', { week: Number(number), year });
  }

  function renderWeeks(feedback) {
    const labels = feedback.weeks.map(weekLabel);
    drawChart('byWeek-chart', {
      type: 'bar',
      data: {
        labels,
        datasets: feedback.reasons.map((r, i) => ({
          label: label('reasons', r.reason),
          data: feedback.weeks.map((w) => w.counts[r.reason] || 0),
          backgroundColor: reasonColour(r.reason, i),
        })),
      },
      options: baseOptions({
        plugins: { legend: { display: true, position: 'bottom' } },
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      }),
    });
    showTable(
      'byWeek-table',
      dataTable(
        t('page.byWeek.heading'),
        [t('page.table.week'), ...feedback.reasons.map((r) => label('reasons', r.reason))],
        feedback.weeks.map((w, i) => [labels[i], ...feedback.reasons.map((r) => numberFormat.format(w.counts[r.reason] || 0))]),
      ),
    );
  }

  function renderCounts(id, rows, firstHeader, total) {
    drawChart(`${id}-chart`, {
      type: 'bar',
      data: {
        labels: rows.map((row) => row[0]),
        datasets: [{ label: t('page.table.count'), data: rows.map((row) => row[1]), backgroundColor: PALETTE[0] }],
      },
      options: baseOptions({ scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }),
    });
    showTable(
      `${id}-table`,
      dataTable(
        t(`page.${id}.heading`),
        [firstHeader, t('page.table.count'), t('page.table.share')],
        rows.map(([name, count]) => [name, numberFormat.format(count), percent(count / total)]),
      ),
    );
  }

  function renderComments(comments) {
    if (comments.length === 0) {
      $('comments').replaceChildren(element('p', { className: 'empty', textContent: t('page.comments.empty') }));
      return;
    }
    const items = comments.map((c) => {
      const meta = [
        dateFormat.format(new Date(c.createdAt)),
        label('reasons', c.reason),
        c.plan ? label('plans', c.plan) : null,
        label('languages', c.language),
      ].filter(Boolean);
      return element('li', {}, [
        element('blockquote', {}, [element('p', { textContent: c.comment })]),
        element('p', { className: 'meta', textContent: meta.join(' · ') }),
      ]);
    });
    $('comments').replaceChildren(element('ol', { className: 'comments' }, items));
  }

  function renderFunnel(outcomes) {
    const empty = outcomes.conversations === 0;
    $('funnel-empty').hidden = !empty;
    $('funnel-content').hidden = empty;
    if (empty) return;
    const endings = ['questionAnswered', 'termEndSteps', 'immediateSteps', 'escalated', 'notAdmin', 'handedToSupport', 'stopped'];
    const pathLabels = outcomes.paths.map((p) => label('paths', p.path));
    const leftTotal = (p) => p.left.reduce((sum, l) => sum + l.count, 0);
    drawChart('funnel-chart', {
      type: 'bar',
      data: {
        labels: pathLabels,
        datasets: [
          ...endings.map((ending, i) => ({
            label: label('endings', ending),
            data: outcomes.paths.map((p) => p.endings.find((e) => e.ending === ending).count),
            backgroundColor: PALETTE[i],
          })),
          { label: label('endings', 'left'), data: outcomes.paths.map(leftTotal), backgroundColor: DECLINED_COLOUR },
          { label: t('page.funnel.movedOn'), data: outcomes.paths.map((p) => p.movedOn), backgroundColor: '#9e9e9e' },
        ],
      },
      options: baseOptions({
        indexAxis: 'y',
        plugins: { legend: { display: true, position: 'bottom' } },
        scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } },
      }),
    });
    const tables = outcomes.paths.map((p, i) => {
      const share = (count) => percent(p.started === 0 ? null : count / p.started);
      const rows = [
        [t('page.funnel.started'), numberFormat.format(p.started), share(p.started)],
        ...p.steps.map((s) => [`${t('page.funnel.reached')}: ${label('steps', s.step)}`, numberFormat.format(s.reached), share(s.reached)]),
        ...p.endings.filter((e) => e.count > 0).map((e) => [label('endings', e.ending), numberFormat.format(e.count), share(e.count)]),
        ...p.left.map((l) => [
          l.step ? t('page.funnel.leftAt', { step: label('steps', l.step) }) : t('page.funnel.leftAtStart'),
          numberFormat.format(l.count),
          share(l.count),
        ]),
        [t('page.funnel.movedOn'), numberFormat.format(p.movedOn), share(p.movedOn)],
      ];
      return element('section', { className: 'funnel-path' }, [
        element('h3', { textContent: pathLabels[i] }),
        dataTable(
          `${pathLabels[i]}: ${t('page.funnel.escalationRate')} ${percent(p.escalationRate)}`,
          [t('page.table.outcome'), t('page.table.conversations'), t('page.table.share')],
          rows,
        ),
      ]);
    });
    $('funnel-tables').replaceChildren(...tables);
  }

  async function downloadCsv() {
    const params = filterParams();
    params.set('lang', config.language);
    const response = await request('/api/feedback.csv', params);
    if (response.status === 401) return signIn(true);
    if (!response.ok) return setStatus(t('page.error'));
    const blob = await response.blob();
    const disposition = response.headers.get('content-disposition') || '';
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] || 'feedback.csv';
    const link = element('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('admin-key').value.trim();
    if (!key) return;
    sessionStorage.setItem(KEY_STORAGE, key);
    $('admin-key').value = '';
    void load();
  });
  $('filter-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  $('filter-clear').addEventListener('click', () => {
    $('filter-from').value = '';
    $('filter-to').value = '';
    void load();
  });
  $('download-csv').addEventListener('click', () => void downloadCsv());
  $('forget-key').addEventListener('click', () => {
    sessionStorage.removeItem(KEY_STORAGE);
    signIn(false);
  });

  if (sessionStorage.getItem(KEY_STORAGE)) void load();
  else signIn(false);
})();
