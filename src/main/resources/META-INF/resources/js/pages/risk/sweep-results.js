// The sweep's answer: the run's figures, the base point in words, the pivot frontier (one input), the charts, the
// tornado table, the heat map of AI MW (two inputs), every point, and the CSV/XLSX export. Numbers taken from the
// answer carry data-value (the raw number) and, where the API's field is named, data-key.
import { h, valueSpan } from '../../lib/dom.js';
import { exportButtons } from '../../lib/exports.js';
import * as f from '../../lib/format.js';
import { fmtOf, labelOf, axisOf, grid, pointRows } from './sweep-inputs.js';
import { drawCharts } from './sweep-charts.js';
import { exportTables } from './sweep-exports.js';

/** A number from the answer, shown formatted, with its raw value. */
const val = (value, fmt, key) => valueSpan(key || null, value, fmt);
const picked = select => select.selectedOptions[0]?.textContent || '';

/** The base point in words: the what-if's MW and net value, or the optimal plan's NPV and MW at the horizon's end. */
function baseWords(req, b, picks) {
  if (!req.plan) {
    return h('p', { class: 'headline', id: 'risk-base' }, `${picked(picks.site)} at the base inputs: keep `,
      val(b.totalAsicItMw, f.mw), ' hashing and run ', val(b.totalAiItMw, f.mw), ' of AI racks; net value ', val(b.netUsd, f.usd), '.');
  }
  return h('p', { class: 'headline', id: 'risk-base' },
    `${picked(picks.planSite)} on “${picked(picks.planScenario)}”, ${req.plan.months} months from ${req.plan.startMonth}, at the base inputs: the optimal plan is worth `,
    val(b.npvUsd, f.usd, 'base.npvUsd'), ' (NPV) and ends with ', val(b.aiItMwEnd, f.mw, 'base.aiItMwEnd'), ' of AI online',
    b.firstAiOnlineMonth ? ` (first in ${b.firstAiOnlineMonth})` : '', ' and ', val(b.asicItMwEnd, f.mw, 'base.asicItMwEnd'), ' hashing.');
}

function frontierList(r, input) {
  const steps = r.frontier || [];
  return h('section', { id: 'frontier', 'aria-labelledby': 'frontier-title' }, h('h3', { id: 'frontier-title' }, 'Pivot frontier'),
    r.frontierNote ? h('p', { class: 'hint', id: 'frontier-note' }, r.frontierNote) : null,
    steps.length
      ? h('ol', { id: 'frontier-list', class: 'plain-words' }, steps.map(s => h('li', { 'data-value': String(s.value) },
        h('strong', {}, val(s.value, fmtOf(input), 'frontier.value')), ': ', s.description, '.')))
      : h('p', { id: 'frontier-list', class: 'hint' }, `The optimal AI MW does not change between ${fmtOf(input)(r.points[0]?.values[input])} and ${fmtOf(input)(r.points[r.points.length - 1]?.values[input])}.`));
}

function tornadoTable(r, view) {
  const bars = [...r.tornado].sort((a, b) => b.swingUsd - a.swingUsd);
  return h('section', { class: 'result-table', 'data-table': 'tornado' }, h('div', { class: 'table-head' }, h('h3', {}, 'Tornado')),
    h('div', { class: 'scroll' }, h('table', { id: 'tornado-table' },
      h('thead', {}, h('tr', {}, ['Input', 'Low value', 'High value', `${view.value} at low`, `${view.value} at high`, 'Swing'].map((c, i) => h('th', { scope: 'col', class: i ? 'n' : null }, c)))),
      h('tbody', {}, bars.map(t => h('tr', {}, h('th', { scope: 'row' }, labelOf(t.input)),
        h('td', { class: 'n' }, val(t.lowValue, fmtOf(t.input))), h('td', { class: 'n' }, val(t.highValue, fmtOf(t.input))),
        h('td', { class: 'n' }, val(t.netUsdLow, f.usd)), h('td', { class: 'n' }, val(t.netUsdHigh, f.usd)), h('td', { class: 'n' }, val(t.swingUsd, f.usd))))))));
}

/** A heat-map cell: darker blue for more AI MW (its colours set through the element's style, not an HTML string). */
function heatCell(p, v, max) {
  const a = v === null ? 0 : v / max;
  const td = h('td', { class: 'n' }, v === null ? (p?.status || '–') : val(v, x1 => f.num(x1, 1)));
  td.style.background = `rgba(31, 111, 235, ${(0.08 + 0.82 * a).toFixed(3)})`;
  td.style.color = a > 0.5 ? '#fff' : 'inherit';
  return td;
}

function heatMap(r, ax, view) {
  const { xs, ys, at } = grid(r, ax);
  const max = Math.max(1e-9, ...r.points.map(p => (Number.isFinite(view.ai(p)) ? view.ai(p) : 0)));
  return h('section', { class: 'result-table', 'data-table': 'heatmap' }, h('div', { class: 'table-head' }, h('h3', {}, 'AI IT MW over the grid')),
    h('div', { class: 'scroll' }, h('table', { id: 'heatmap', class: 'heatmap', 'data-points': String(r.points.length) },
      h('caption', {}, `Rows: ${labelOf(ax[0])}; columns: ${labelOf(ax[1])}. Darker = more MW converted to AI.`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, `${axisOf(ax[0])} \\ ${axisOf(ax[1])}`),
        ys.map(y => h('th', { scope: 'col', class: 'n' }, fmtOf(ax[1])(y))))),
      h('tbody', {}, xs.map(x => h('tr', {}, h('th', { scope: 'row' }, fmtOf(ax[0])(x)), ys.map(y => {
        const p = at(x, y);
        return heatCell(p, p && Number.isFinite(view.ai(p)) ? view.ai(p) : null, max);
      })))))));
}

function pointsTable(r, ax, view) {
  const { head, rows } = pointRows(r, ax, view);
  const cell = c => (typeof c.raw === 'number' ? h('span', { class: 'num', 'data-value': String(c.raw), 'data-key': c.key }, c.text) : c.text);
  return h('section', { class: 'result-table', 'data-table': 'points' }, h('div', { class: 'table-head' }, h('h3', {}, `Every point (${f.num(r.points.length)})`)),
    h('div', { class: 'scroll points-scroll' }, h('table', { id: 'points-table' },
      h('thead', {}, h('tr', {}, head.map((c, i) => h('th', { scope: 'col', class: i >= ax.length ? 'n' : null }, c)))),
      h('tbody', {}, rows.map(row => h('tr', {}, row.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, cell(c)) : h('td', { class: i >= ax.length ? 'n' : null }, cell(c))))))))));
}

/**
 * Shows the answer r to req (view of sweep-inputs VIEWS) in results and says so in status.
 * @param picks {site, planSite, planScenario}: the pick-lists whose choices the base point names
 */
export function showSweep(req, r, view, { results, status, picks }) {
  const ax = req.axes.map(a => a.input);
  const figs = h('div', { class: 'figures' });
  const b = r.base;
  results.replaceChildren(
    h('div', { class: 'results-head' }, h('h2', { id: 'results-title' }, 'Answer'),
      exportButtons('export', view.file, () => exportTables({ req, result: r, view }), status)),
    h('div', { class: 'result' },
      h('p', { class: 'status' }, `${f.num(r.stats.points)} points in ${f.num(r.stats.wallMs, 0)} ms on ${r.stats.threads} threads`,
        req.plan ? ` · ${f.num(r.lpModelsBuilt)} plan LPs built, the other points re-used one`
          : r.stats.sharedModel ? ` · one shared model of ${f.num(r.stats.hourBlocks)} hour blocks` : ' · one model per point'),
      b && Number.isFinite(view.net(b)) ? baseWords(req, b, picks) : h('p', { class: 'headline bad' }, `At the base inputs the solver answered ${b?.status}.`),
      ax.length === 1 ? frontierList(r, ax[0]) : null,
      figs,
      h('div', { class: 'tables' }, r.tornado ? tornadoTable(r, view) : null, ax.length === 2 ? heatMap(r, ax, view) : null),
      pointsTable(r, ax, view)));
  drawCharts(figs, r, ax, view);
  results.dataset.status = b?.status || 'DONE';
  status.textContent = `Sweep ready: ${f.num(r.points.length)} points${r.frontier ? `, ${r.frontier.length} frontier step${r.frontier.length === 1 ? '' : 's'}` : ''}.`;
}
