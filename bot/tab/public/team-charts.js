/* global document, window, Chart, MutationObserver */
// The Team view's timeliness charts, drawn with Chart.js from /api/team-timeliness. Every figure is computed on
// the server; this file only draws them, each chart with its figures as a table beside it. Clicking a bar (or
// a point) asks /api/team-timeliness/cases for the case references behind it, and lists them: never a child's
// name. The figures come without references: a team's run to thousands, and most bars are never clicked.
'use strict';

(() => {
  const KINDS = ['assessment', 'initial-meeting', 'plan-circulation', 'review', 'visit', 'transfer'];
  const KIND_WORDS = { assessment: 'Assessment', 'initial-meeting': 'Initial meeting', 'plan-circulation': 'Plan circulation', review: 'Review', visit: 'Visit', transfer: 'Transfer' };
  // One palette a theme; high contrast keeps to the colours Teams' own contrast theme uses, on black.
  const PALETTES = {
    default: ['#5b5fc7', '#c4314b', '#237b4b', '#c19c00', '#0f6cbd', '#8a3ffc'],
    dark: ['#7f85f5', '#f9526b', '#92c353', '#ffd335', '#62abf5', '#c19cff'],
    contrast: ['#ffff00', '#00ffff', '#3ff23f', '#ff00ff', '#ffffff', '#ff9900'],
  };
  const state = { headers: undefined, data: undefined, charts: [] };
  // Each click (and each redraw) is numbered: an answer to an earlier one that comes late is dropped.
  let asked = 0;
  const element = (id) => document.getElementById(id);

  function theme() {
    return PALETTES[document.body.dataset.theme] ? document.body.dataset.theme : 'default';
  }

  function cssVariable(name) {
    return window.getComputedStyle(document.body).getPropertyValue(name).trim();
  }

  async function show(headers) {
    state.headers = headers;
    element('team-charts').hidden = false;
    await load();
  }

  function hide() {
    element('team-charts').hidden = true;
  }

  async function load() {
    const query = new URLSearchParams();
    if (element('filter-team').value !== '') query.set('team', element('filter-team').value);
    if (element('filter-authority').value !== '') query.set('authority', element('filter-authority').value);
    element('headline').textContent = 'Loading the team figures…';
    const response = await fetch(`/api/team-timeliness?${query}`, { headers: state.headers });
    if (!response.ok) {
      element('headline').textContent = response.status === 403 ? 'The team figures are for managers, senior practitioners and admins.' : 'The team figures could not be loaded just now.';
      element('charts').replaceChildren();
      return;
    }
    state.data = await response.json();
    fillSelect('filter-team', state.data.teams.map((team) => [team, `Team ${team}`]), state.data.filter.team);
    fillSelect('filter-authority', state.data.authorities.map((authority) => [authority.id, authority.name]), state.data.filter.authorityId);
    draw();
  }

  function fillSelect(id, options, chosen) {
    const select = element(id);
    select.replaceChildren(select.options[0]);
    for (const [value, label] of options) select.add(new window.Option(label, value));
    select.value = chosen ?? '';
  }

  function draw() {
    for (const chart of state.charts) chart.destroy();
    state.charts = [];
    // Redrawn for another team or theme: a list still on its way belongs to the figures before.
    asked += 1;
    element('bar-cases').hidden = true;
    const data = state.data;
    const headline = data.headline;
    const rate = (value) => (value === null ? 'none yet' : `${value}%`);
    element('headline').textContent =
      `${headline.overdue} overdue, ${headline.dueThisWeek} due this week; on time over 12 months ${rate(headline.onTimeRate)}; ` +
      `assessments within 45 working days ${rate(headline.assessmentsWithin45Rate)}; open cases with a plan ${rate(headline.withPlanRate)}.`;
    const charts = element('charts');
    charts.replaceChildren();
    charts.append(dueChart(data), onTimeChart(data), workerChart(data), censusChart(data));
  }

  function weekLabel(bucket) {
    if (bucket === 'overdue') return 'Overdue';
    const day = new Date(`${bucket}T00:00:00Z`);
    return `w/c ${day.toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' })}`;
  }

  function monthLabel(month) {
    return new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' });
  }

  function dueChart(data) {
    const labels = data.dueByWeek.map((bucket) => weekLabel(bucket.bucket));
    const datasets = KINDS.map((kind) => ({ label: KIND_WORDS[kind], data: data.dueByWeek.map((bucket) => bucket.byKind[kind]) }));
    return figure({
      id: 'chart-due',
      title: 'Due in the next 8 weeks, overdue first',
      type: 'bar',
      labels,
      datasets,
      stacked: true,
      casesOf: (datasetIndex, index) => ({
        title: `${KIND_WORDS[KINDS[datasetIndex]]}: ${labels[index]}`,
        bar: { chart: 'due', bucket: data.dueByWeek[index].bucket, kind: KINDS[datasetIndex] },
      }),
      table: { head: ['Week', ...KINDS.map((kind) => KIND_WORDS[kind]), 'Total'], rows: data.dueByWeek.map((bucket, index) => [labels[index], ...KINDS.map((kind) => bucket.byKind[kind]), bucket.total]) },
    });
  }

  function onTimeChart(data) {
    const labels = data.onTimeByMonth.map((month) => monthLabel(month.month));
    const datasets = KINDS.map((kind) => ({ label: KIND_WORDS[kind], data: data.onTimeByMonth.map((month) => month.byKind[kind].rate) }));
    const cell = (count) => (count.rate === null ? '–' : `${count.rate}% (${count.onTime}/${count.onTime + count.late})`);
    return figure({
      id: 'chart-on-time',
      title: 'On time per month (%), by kind',
      type: 'line',
      labels,
      datasets,
      percent: true,
      casesOf: (datasetIndex, index) => ({
        title: `Late ${KIND_WORDS[KINDS[datasetIndex]].toLowerCase()}s: ${labels[index]}`,
        bar: { chart: 'late', month: data.onTimeByMonth[index].month, kind: KINDS[datasetIndex] },
      }),
      table: { head: ['Month', ...KINDS.map((kind) => KIND_WORDS[kind])], rows: data.onTimeByMonth.map((month, index) => [labels[index], ...KINDS.map((kind) => cell(month.byKind[kind]))]) },
    });
  }

  function workerChart(data) {
    const name = (workerId) => data.workerNames[workerId] ?? 'A worker not yet known to the bot';
    const labels = data.overduePerWorker.map((row) => name(row.workerId));
    return figure({
      id: 'chart-workers',
      title: 'Overdue per worker',
      type: 'bar',
      horizontal: true,
      labels,
      datasets: [{ label: 'Overdue', data: data.overduePerWorker.map((row) => row.overdue) }],
      casesOf: (_datasetIndex, index) => ({ title: `Overdue: ${labels[index]}`, bar: { chart: 'worker-overdue', worker: data.overduePerWorker[index].workerId } }),
      table: { head: ['Worker', 'Overdue'], rows: data.overduePerWorker.map((row, index) => [labels[index], row.overdue]) },
      empty: 'Nothing is overdue.',
    });
  }

  function censusChart(data) {
    const labels = data.censusByMonth.map((month) => monthLabel(month.month));
    const rate = (value) => (value === null ? '–' : `${value}%`);
    return figure({
      id: 'chart-census',
      title: 'Census indicators per month (%)',
      type: 'bar',
      labels,
      percent: true,
      datasets: [
        { label: 'Assessments within 45 working days', data: data.censusByMonth.map((month) => month.assessmentsWithin45Rate) },
        { label: 'Open cases with a plan', data: data.censusByMonth.map((month) => month.withPlanRate) },
      ],
      casesOf: (datasetIndex, index) =>
        datasetIndex === 0
          ? { title: `Assessments over 45 working days: ${labels[index]}`, bar: { chart: 'assessments-late', month: data.censusByMonth[index].month } }
          : { title: `Open cases without a plan: ${labels[index]}`, bar: { chart: 'without-plan', month: data.censusByMonth[index].month } },
      table: {
        head: ['Month', 'Assessments completed', 'Within 45 working days', 'Open cases', 'With a plan'],
        rows: data.censusByMonth.map((month, index) => [
          labels[index],
          month.assessmentsCompleted,
          `${month.assessmentsWithin45} (${rate(month.assessmentsWithin45Rate)})`,
          month.openCases,
          `${month.openCasesWithPlan} (${rate(month.withPlanRate)})`,
        ]),
      },
    });
  }

  function figure(spec) {
    const wrapper = document.createElement('figure');
    wrapper.className = 'team-chart';
    wrapper.id = spec.id;
    const caption = document.createElement('figcaption');
    caption.textContent = spec.title;
    const body = document.createElement('div');
    body.className = 'chart-body';
    const canvasBox = document.createElement('div');
    canvasBox.className = 'canvas-box';
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${spec.title}: the figures are in the table beside it.`);
    canvasBox.append(canvas);
    body.append(canvasBox, tableOf(spec));
    wrapper.append(caption, body);
    if (spec.labels.length === 0 && spec.empty) {
      canvasBox.replaceChildren(paragraph(spec.empty));
      return wrapper;
    }
    state.charts.push(chartOn(canvas, spec));
    return wrapper;
  }

  function chartOn(canvas, spec) {
    const palette = PALETTES[theme()];
    const text = cssVariable('--text');
    const grid = cssVariable('--border');
    const contrast = theme() === 'contrast';
    return new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map((dataset, index) => ({
          ...dataset,
          backgroundColor: palette[index % palette.length],
          borderColor: palette[index % palette.length],
          borderWidth: contrast ? 2 : 1,
          pointRadius: 4,
          spanGaps: true,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal ? 'y' : 'x',
        color: text,
        plugins: { legend: { labels: { color: text } } },
        scales: {
          x: { stacked: Boolean(spec.stacked), ticks: { color: text }, grid: { color: grid } },
          y: { stacked: Boolean(spec.stacked), beginAtZero: true, ...(spec.percent ? { max: 100 } : {}), ticks: { color: text, precision: 0 }, grid: { color: grid } },
        },
        onClick: (_event, elements) => {
          const [hit] = elements;
          if (hit) void showCasesOf(spec.casesOf(hit.datasetIndex, hit.index));
        },
      },
    });
  }

  function tableOf(spec) {
    const table = document.createElement('table');
    const caption = document.createElement('caption');
    caption.textContent = `${spec.title}: figures`;
    const head = document.createElement('tr');
    for (const heading of spec.table.head) {
      const cell = document.createElement('th');
      cell.scope = 'col';
      cell.textContent = heading;
      head.append(cell);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    for (const row of spec.table.rows) {
      const line = document.createElement('tr');
      row.forEach((value, index) => {
        const cell = document.createElement(index === 0 ? 'th' : 'td');
        if (index === 0) cell.scope = 'row';
        cell.textContent = String(value);
        line.append(cell);
      });
      tbody.append(line);
    }
    table.append(caption, thead, tbody);
    const box = document.createElement('div');
    box.className = 'table-box';
    box.append(table);
    return box;
  }

  async function showCasesOf({ title, bar }) {
    const ask = (asked += 1);
    const query = new URLSearchParams(bar);
    if (state.data.filter.team !== null) query.set('team', state.data.filter.team);
    if (state.data.filter.authorityId !== null) query.set('authority', state.data.filter.authorityId);
    element('bar-cases-title').textContent = `${title}: loading the cases…`;
    element('bar-cases-list').replaceChildren();
    element('bar-cases').hidden = false;
    const response = await fetch(`/api/team-timeliness/cases?${query}`, { headers: state.headers });
    if (ask !== asked) return;
    if (!response.ok) {
      element('bar-cases-title').textContent = `${title}: the cases could not be loaded just now.`;
      return;
    }
    const { caseReferences } = await response.json();
    if (ask === asked) listCases({ title, references: caseReferences });
  }

  function listCases({ title, references }) {
    element('bar-cases-title').textContent = `${title} (${references.length})`;
    const list = element('bar-cases-list');
    list.replaceChildren();
    for (const reference of references) {
      const item = document.createElement('li');
      item.textContent = reference;
      list.append(item);
    }
    if (references.length === 0) list.append(paragraph('No cases.'));
    element('bar-cases').hidden = false;
  }

  function paragraph(text) {
    const p = document.createElement('p');
    p.textContent = text;
    return p;
  }

  element('filter-team').addEventListener('change', load);
  element('filter-authority').addEventListener('change', load);
  // Teams changes the theme while the tab is open: redraw in the new colours.
  new MutationObserver(() => {
    if (state.data !== undefined && !element('team-charts').hidden) draw();
  }).observe(document.body, { attributes: true, attributeFilter: ['data-theme'] });

  window.cinTeamCharts = { show, hide, listCases };
})();
