// The comparison (POST /api/v1/plans/compare) side by side: each plan in words against staying on Bitcoin, NPV and
// cash charts, the payback and IRR table, MW by use over time, revenue per MWh, the exports, the board pack (a PDF the
// service writes from the same request) and the print heading.
// Every number taken from the answer carries data-key (its JSON path in the comparison, as a JSON array) and data-value.
import { h, saveBlob, valueSpan, field } from '../../lib/dom.js';
import { fetchBlob, getJson } from '../../lib/api.js';
import { figure } from '../../lib/charts.js';
import { exportButtons } from '../../lib/exports.js';
import * as f from '../../lib/format.js';
import { BASELINE, shortName, npvChart, revenueChart } from './charts.js';
import { exportTables } from './exports.js';

const val = (path, value, fmt) => valueSpan(JSON.stringify(path), value, fmt);
const numeric = i => (i > 1 && i !== 5 && i !== 6 ? 'n' : null);

function paybackTable(plans) {
  const rows = plans.map((p, i) => [
    p.name, p.status,
    p.npvUsd == null ? '–' : val(['plans', i, 'npvUsd'], p.npvUsd, f.usd),
    p.incrementalNpvUsd == null ? '–' : val(['plans', i, 'incrementalNpvUsd'], p.incrementalNpvUsd, f.usd),
    p.incrementalIrrAnnual == null ? h('span', { title: p.irrNote || '' }, 'none') : val(['plans', i, 'incrementalIrrAnnual'], p.incrementalIrrAnnual, f.pct),
    p.paybackMonth ? `${p.paybackMonth} (${f.num(p.paybackMonths)} months)` : h('span', { title: p.paybackNote || '' }, 'none'),
    p.lowestCashMonth || '–',
    p.lowestCashUsd == null ? '–' : val(['plans', i, 'lowestCashUsd'], p.lowestCashUsd, f.usd),
  ]);
  const head = ['Plan', 'Status', 'NPV', 'NPV against staying on Bitcoin', 'IRR against staying on Bitcoin', 'Payback', 'Lowest cash in', 'Lowest cash'];
  return h('div', { class: 'scroll' }, h('table', { id: 'plans-table', class: 'compare-table' },
    h('thead', {}, h('tr', {}, head.map((t, i) => h('th', { scope: 'col', class: numeric(i) }, t)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map((v, i) => (i === 0 ? h('th', { scope: 'row' }, v) : h('td', { class: numeric(i) }, v))))))));
}

function revenueTable(plans, uses) {
  const revRows = uses.map(u => [u === 'mining' ? 'Bitcoin mining' : `AI: ${u}`, ...plans.map((p, i) => {
    const v = p.revenuePerItMwhUsd?.[u];
    return v == null ? '–' : val(['plans', i, 'revenuePerItMwhUsd', u], v, f.usdPerMwh);
  })]);
  return h('div', { class: 'scroll' }, h('table', { id: 'revenue-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Revenue per MWh of IT energy'), plans.map(p => h('th', { scope: 'col', class: 'n' }, p.name)))),
    h('tbody', {}, revRows.map(r => h('tr', {}, h('th', { scope: 'row' }, r[0]), r.slice(1).map(v => h('td', { class: 'n' }, v)))))));
}

function words(plans) {
  const base = plans.find(p => p.name === BASELINE);
  const list = h('ul', { class: 'plain-words', id: 'plans-words' }, plans.filter(p => p !== base).map(p => {
    const i = plans.indexOf(p);
    if (p.npvUsd == null) return h('li', {}, `${p.name}: no answer (${p.status}). ${p.explanation || ''}`);
    const d = p.incrementalNpvUsd;
    const who = p.name === 'optimized' ? 'The optimizer\'s plan' : `“${p.name}”`;
    return h('li', {}, `${who} `, Math.abs(d) < 0.5 ? 'is worth the same as staying on Bitcoin' : [d > 0 ? 'beats' : 'trails', ' staying on Bitcoin by ',
      val(['plans', i, 'incrementalNpvUsd'], Math.abs(d), f.usd), ' of NPV'],
    '; cash is lowest in ', p.lowestCashMonth, ' at ', val(['plans', i, 'lowestCashUsd'], p.lowestCashUsd, f.usd),
    p.paybackMonth && d > 0 ? `; it pays back by ${p.paybackMonth}` : '', '.');
  }));
  if (base?.npvUsd != null) {
    list.append(h('li', {}, 'Staying on Bitcoin is worth ', val(['plans', plans.indexOf(base), 'npvUsd'], base.npvUsd, f.usd), ' of NPV; its cash is lowest in ',
      base.lowestCashMonth, ' at ', val(['plans', plans.indexOf(base), 'lowestCashUsd'], base.lowestCashUsd, f.usd), '.'));
  }
  // what the service filled in the stored prices the plans replay (the same for every plan of the comparison)
  (plans.find(p => p.dataNotes?.length)?.dataNotes || []).forEach(n => list.append(h('li', { class: 'data-note' }, `Data: ${n}.`)));
  return list;
}

/**
 * "Board pack (PDF)": posts the comparison's request with a title to POST /api/v1/reports/board-pack.pdf (the service
 * runs the comparison again, so every number in the PDF is its own) and saves the PDF; failures go to status in words.
 */
function boardPackButton(request, title, status, runs) {
  const button = h('button', { type: 'button', id: 'board-pack', class: 'secondary' }, 'Board pack (PDF)');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'Writing the board pack: the service compares the plans again…';
    try {
      saveBlob(await fetchBlob('/api/v1/reports/board-pack.pdf', { method: 'POST', body: { ...request, title, ...runs.values() }, accept: 'application/pdf' }),
        'gridpivot-board-pack.pdf');
      status.textContent = 'Board pack saved: gridpivot-board-pack.pdf.';
    } catch (e) {
      status.textContent = `The board pack failed: ${e.detail || e.message}`;
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/**
 * The board pack's risk page: pick a finished plan sweep and a finished Monte Carlo run (GET /api/v1/runs, newest
 * first, with their site and label) or none; values() gives sweepRunId and monteCarloRunId for the ones picked.
 */
function boardPackRuns() {
  const pick = (id, kind, none) => {
    const sel = h('select', { id, 'data-field': id === 'pack-sweep' ? 'sweepRunId' : 'monteCarloRunId' }, h('option', { value: '' }, none));
    getJson(`/api/v1/runs?kind=${kind}&status=OPTIMAL&size=20`).then(p => sel.append(...p.items.map(r => h('option', { value: String(r.id) },
      [`Run ${r.id}`, r.siteName, r.label ? `“${r.label}”` : null, f.dateTime(r.finishedAt)].filter(Boolean).join(' · '))))).catch(() => {});
    return sel;
  };
  const sweep = pick('pack-sweep', 'PLAN_SWEEP', 'none (the page says how to add one)');
  const mc = pick('pack-montecarlo', 'MONTE_CARLO', 'none (the page says how to add one)');
  const row = h('div', { class: 'row board-pack-runs not-in-summary' },
    field('Board pack risk page: plan sweep', sweep, 'Its pivot frontier and tornado (a finished run of your key, from the Risk page).'),
    field('Board pack risk page: Monte Carlo run', mc, 'Each plan\'s NPV at P10, P50 and P90.'));
  const values = () => ({ ...(sweep.value ? { sweepRunId: Number(sweep.value) } : {}), ...(mc.value ? { monteCarloRunId: Number(mc.value) } : {}) });
  return { row, values };
}

/**
 * Shows the comparison c in results and says so in status.
 * @param {{results: HTMLElement, status: HTMLElement, charts: import('./charts.js').PlanCharts, optionNames: () => string[],
 *          printHeading: string, request?: object, title?: string}} o optionNames: the loaded site's AI options; printHeading:
 *          site and scenario in words; request: the body that produced c (given: a board pack button), title: the pack's title
 */
export function showComparison(c, { results, status, charts, optionNames, printHeading, request, title }) {
  const plans = c.plans;
  const options = optionNames();
  const uses = ['mining', ...options];
  const npvFig = figure('NPV', 'NPV of each plan at the scenario\'s discount rate, in millions of dollars.');
  npvFig.box.id = 'chart-npv';
  const cashFig = figure('Cash', 'Cumulative cash by month; the dot marks each plan\'s lowest month.');
  cashFig.box.id = 'chart-cash';
  const revFig = figure('Revenue per MWh', 'Revenue per MWh of IT energy over the horizon: Bitcoin mining against each AI option.');
  revFig.box.id = 'chart-revenue';
  const ok = plans.filter(p => p.monthly?.length);
  const stackFigs = ok.map((p, i) => {
    const fig = figure(p.name, `Mean IT megawatts mining and AI megawatts online each month in ${p.name}.`);
    fig.box.id = `chart-mw-${i}`;
    return fig;
  });
  const packRuns = request ? boardPackRuns() : null;
  results.replaceChildren(
    h('div', { class: 'results-head' }, h('h2', { id: 'results-title' }, 'Plans side by side'),
      h('div', { class: 'export-buttons' }, exportButtons('export', 'gridpivot-plans', () => exportTables(c, optionNames()), status),
        h('button', { type: 'button', id: 'print-summary', class: 'secondary', onclick: () => window.print() }, 'Print summary'),
        request ? boardPackButton(request, title, status, packRuns) : null)),
    ...(packRuns ? [packRuns.row] : []),
    h('p', { class: 'print-only print-heading', id: 'print-heading' },
      `Plan summary · ${printHeading} · ${c.months} months from ${c.startMonth} · printed ${new Date().toISOString().slice(0, 10)}`),
    words(plans),
    ...((plans[0]?.warnings || []).length
      ? [h('h3', {}, 'Warnings about the inputs'), h('ul', { class: 'warnings', id: 'plans-warnings' }, plans[0].warnings.map(w => h('li', {}, w)))]
      : []),
    h('div', { class: 'figures summary-figures' }, npvFig, cashFig),
    h('h3', {}, 'Payback and IRR'), paybackTable(plans),
    h('h3', { class: 'not-in-summary' }, 'MW by use over time'), h('div', { class: 'figures stack-figures not-in-summary' }, stackFigs),
    h('div', { class: 'figures not-in-summary' }, revFig, h('div', { class: 'result-table' }, revenueTable(plans, uses))));
  npvFig.querySelector('figcaption').textContent = `NPV at the scenario's discount rate, millions of dollars. ${plans.filter(p => p.npvUsd != null)
    .map(p => `${shortName(p, plans)}: ${p.name === 'optimized' ? 'the optimizer\'s plan' : p.name}`).join('; ')}.`;
  npvChart(npvFig.box, plans);
  if (ok.length) charts.cash(cashFig.box, ok);
  ok.forEach((p, i) => charts.stack(stackFigs[i].box, p, options));
  revenueChart(revFig.box, ok, uses);
  results.dataset.status = plans.every(p => p.npvUsd != null) ? 'OK' : 'PARTIAL';
  status.textContent = `Compared ${plans.length} plans over ${c.months} months from ${c.startMonth}.`;
}
