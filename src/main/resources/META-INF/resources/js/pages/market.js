// Market: energy prices per node (history and price-duration curve for a year), hashprice history, GPU and
// colocation rates — all from the stored series (/api/v1/series).
import { h, select } from '../lib/dom.js';
import { getJson, getAll } from '../lib/api.js';
import { lineChart, figure } from '../lib/charts.js';
import * as f from '../lib/format.js';
import { exportButtons } from '../lib/exports.js';


export async function mount(container) {
  const all = await getAll('/api/v1/series', 200);
  const by = kind => all.filter(s => s.kind === kind && s.pointCount > 0);
  container.append(h('h1', {}, 'Market'),
    h('p', { class: 'lead' }, 'What the site buys and sells: energy at its node, hashprice for mining, GPU and colocation rates for AI.'));
  if (!all.length) {
    container.append(h('p', { class: 'empty' }, 'No market series are stored yet. Import energy prices, BTC data and GPU rates first (see the API at /q/swagger-ui).'));
    return;
  }
  await energySection(container, by('ENERGY_PRICE'));
  await hashpriceSection(container, by('HASHPRICE'));
  await gpuSection(container, by('GPU_LEASE_RATE'));
  await simpleSection(container, 'colo', 'Colocation rates', by('COLOCATION_RATE'), 'USD per kW-month', v => f.usd(v, 0),
    'Powered-shell leases: USD per kW of IT load per month, usually with the tenant paying for power.');
  container.append(seriesTable(all));
}

function years(series) {
  const ys = new Set();
  for (const s of series) {
    for (let y = new Date(s.firstStart).getUTCFullYear(); y <= new Date(s.lastStart).getUTCFullYear(); y++) ys.add(y);
  }
  return [...ys].sort();
}

/**
 * The latest year some series covers in full (its first hour on or before 1 January 00:00 UTC + 23 h, its last on or
 * after 31 December 00:00 UTC: a node whose export starts at 06:00 UTC still counts), else the latest year.
 */
export function latestFullYear(series, ys) {
  const full = ys.filter(y => series.some(s => Date.parse(s.firstStart) <= Date.UTC(y, 0, 1, 23)
    && Date.parse(s.lastStart) >= Date.UTC(y, 11, 31)));
  return full.length ? full[full.length - 1] : ys[ys.length - 1];
}

async function energySection(container, series) {
  const sec = h('section', { class: 'market-section', id: 'energy', 'aria-labelledby': 'energy-title' }, h('h2', { id: 'energy-title' }, 'Energy prices'));
  container.append(sec);
  if (!series.length) { sec.append(h('p', { class: 'empty' }, 'No energy price series is stored yet.')); return; }
  const ys = years(series);
  const yearSel = select('', ys.map(y => ({ value: String(y), label: String(y) })), { id: 'market-year' });
  yearSel.value = String(latestFullYear(series, ys));
  const history = figure('Price history', 'Hourly energy price per node (UTC). Drag across the chart to zoom; double-click to zoom out.');
  history.box.id = 'chart-energy-history';
  const duration = figure('Price-duration curve', 'The same hours sorted from the most expensive to the cheapest: the share of the year that costs more than a price. Mining pays in the hours below its breakeven.');
  duration.box.id = 'chart-energy-duration';
  const stats = h('div', {});
  const note = h('p', { class: 'hint', 'aria-live': 'polite' });
  sec.append(h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: 'market-year' }, 'Year (UTC)'), yearSel)), note, history, duration, stats);

  async function draw() {
    const y = Number(yearSel.value);
    note.textContent = `Loading ${y}…`;
    const data = await Promise.all(series.map(s => getJson(`/api/v1/series/${s.id}/points?from=${y}-01-01&to=${y + 1}-01-01&resolution=hourly`)));
    const withPts = data.map((d, i) => ({ s: series[i], pts: d.points })).filter(d => d.pts.length);
    if (!withPts.length) { note.textContent = `No node has prices in ${y}.`; return; }
    // one time axis for all nodes: the union of their hours
    const times = [...new Set(withPts.flatMap(d => d.pts.map(p => Date.parse(p.intervalStart) / 1000)))].sort((a, b) => a - b);
    const idx = new Map(times.map((t, i) => [t, i]));
    const lines = withPts.map(d => {
      const v = new Array(times.length).fill(null);
      for (const p of d.pts) v[idx.get(Date.parse(p.intervalStart) / 1000)] = p.value;
      return { label: `${d.s.key} (USD/MWh)`, values: v };
    });
    lineChart(history.box, { title: `Hourly energy price, ${y} (USD/MWh)`, time: true, x: times, xLabel: 'time (UTC)', yLabel: 'USD per MWh', yFmt: v => f.usd(v, 0),
      series: lines, description: `Hourly energy price in ${y} for ${withPts.map(d => d.s.key).join(', ')}.` });
    const n = Math.max(...withPts.map(d => d.pts.length));
    const xs = Array.from({ length: n }, (_, i) => (n === 1 ? 100 : (100 * i) / (n - 1)));
    const curves = withPts.map(d => {
      const sorted = d.pts.map(p => p.value).sort((a, b) => b - a);
      // resample each node's sorted prices onto the common share-of-hours axis
      return { label: `${d.s.key} (USD/MWh)`, values: xs.map(x => sorted[Math.round((x / 100) * (sorted.length - 1))]) };
    });
    lineChart(duration.box, { title: `Price-duration curve, ${y} (USD/MWh)`, x: xs, xLabel: 'share of hours at or above the price (%)',
      xFmt: v => `${f.num(v, 0)}%`, yLabel: 'USD per MWh', yFmt: v => f.usd(v, 0), series: curves,
      description: `Price-duration curve for ${y}: ${withPts.map(d => d.s.key).join(', ')}.` });
    stats.replaceChildren(statsTable(withPts, y, note));
    note.textContent = `${withPts.map(d => `${d.s.key}: ${f.num(d.pts.length)} hours`).join('; ')} in ${y}.`;
  }
  yearSel.addEventListener('change', draw);
  await draw();
}

function quantile(sorted, q) { return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]; }

const STATS_HEAD = ['Node', 'Mean', 'Median', 'Lowest', 'Highest', 'Hours below $0', 'Hours above $100/MWh'];
const STATS_COLUMNS = ['node', 'mean (USD/MWh)', 'median (USD/MWh)', 'lowest (USD/MWh)', 'highest (USD/MWh)', 'hours below 0 USD/MWh', 'hours above 100 USD/MWh'];

/** Per node: its key, then mean, median, lowest, highest price and the hours below $0 and above $100/MWh. */
function statsRows(withPts) {
  return withPts.map(d => {
    const v = d.pts.map(p => p.value).sort((a, b) => a - b);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    return [d.s.key, mean, quantile(v, 0.5), v[0], v[v.length - 1], v.filter(x => x < 0).length, v.filter(x => x > 100).length];
  });
}

function statsTable(withPts, y, status) {
  const rows = statsRows(withPts);
  const cell = (v, i) => h('span', { class: 'num', 'data-value': String(v) }, i < 5 ? f.usdPerMwh(v) : f.num(v));
  return h('div', {}, h('div', { class: 'table-head' }, h('h3', {}, `Energy price statistics, ${y}`),
    exportButtons('energy-stats-export', `gridpivot-energy-stats-${y}`, () => [{ name: `Energy prices ${y}`, columns: STATS_COLUMNS, rows }], status, 'statistics ')),
  h('div', { class: 'scroll' }, h('table', { id: 'energy-stats' }, h('caption', {}, `Energy prices in ${y}`),
    h('thead', {}, h('tr', {}, STATS_HEAD.map((c, i) => h('th', { scope: 'col', class: i ? 'n' : null }, c)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map((c, i) => (i ? h('td', { class: 'n' }, cell(c, i)) : h('th', { scope: 'row' }, c)))))))));
}

/** The points of the series on one time axis (the union of their times), one line per series. */
function onOneAxis(series, data) {
  const times = [...new Set(data.flatMap(d => d.points.map(p => Date.parse(p.intervalStart) / 1000)))].sort((a, b) => a - b);
  const idx = new Map(times.map((t, i) => [t, i]));
  const lines = data.map((d, i) => {
    const v = new Array(times.length).fill(null);
    for (const p of d.points) v[idx.get(Date.parse(p.intervalStart) / 1000)] = p.value;
    return { label: `${series[i].key} (${series[i].unit})`, values: v };
  });
  return { times, lines };
}

const latestText = (series, data, fmt) => data.map((d, i) => d.points.length
  ? `${series[i].key}: latest ${fmt(d.points[d.points.length - 1].value)} on ${d.points[d.points.length - 1].intervalStart.slice(0, 10)}` : null).filter(Boolean);

function sectionFor(container, id, title, series) {
  const sec = h('section', { class: 'market-section', id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title));
  container.append(sec);
  if (!series.length) sec.append(h('p', { class: 'empty' }, `No ${title.toLowerCase()} series is stored yet.`));
  return sec;
}

/** The hashprice windows offered: the last 12 months and 3 years on a linear scale, or the whole history on a log scale. */
export const HASHPRICE_WINDOWS = [
  { value: '1', label: 'Last 12 months', years: 1 },
  { value: '3', label: 'Last 3 years', years: 3 },
  { value: 'all', label: 'Whole history (log scale)', years: null },
];

/** Hashprice over a chosen window ending at its latest day (default: the last 12 months, where today's values show). */
async function hashpriceSection(container, series) {
  const unit = 'USD per PH/s per day', fmt = v => f.usd(v, 2);
  const sec = sectionFor(container, 'hashprice', 'Hashprice', series);
  if (!series.length) return;
  const data = await Promise.all(series.map(s => getJson(`/api/v1/series/${s.id}/points?resolution=native`)));
  const windowSel = select('', HASHPRICE_WINDOWS.map(w => ({ value: w.value, label: w.label })), { id: 'hashprice-window' });
  const fig = figure('Hashprice', 'Expected mining revenue per PH/s per day. Mining pays while hashprice × 1000 / (24 × J/TH) exceeds the energy price.');
  fig.box.id = 'chart-hashprice';
  sec.append(h('div', { class: 'row' }, h('div', { class: 'field' }, h('label', { for: 'hashprice-window' }, 'Show'), windowSel)), fig,
    h('p', {}, latestText(series, data, fmt).join('; '), '.'));
  const { times, lines } = onOneAxis(series, data);
  function draw() {
    const w = HASHPRICE_WINDOWS.find(x => x.value === windowSel.value);
    const from = w.years ? times[times.length - 1] - w.years * 365.25 * 86400 : -Infinity;
    const keep = times.map((t, i) => (t >= from ? i : -1)).filter(i => i >= 0);
    const x = keep.map(i => times[i]);
    const ls = lines.map(l => ({ ...l, values: keep.map(i => (w.years || l.values[i] == null || l.values[i] > 0 ? l.values[i] : null)) }));
    fig.box.dataset.window = w.value;
    lineChart(fig.box, { title: `Hashprice, ${w.label.toLowerCase()} (${unit})`, time: true, x, xLabel: 'date (UTC)', yLabel: unit, yFmt: fmt,
      yLog: !w.years, series: ls,
      description: `Hashprice, ${w.label.toLowerCase()}: ${series.map(s => s.key).join(', ')}, ${f.dateTime(x[0] * 1000).slice(0, 10)} to ${f.dateTime(x[x.length - 1] * 1000).slice(0, 10)}.` });
  }
  windowSel.addEventListener('change', draw);
  draw();
}

/** The product a GPU rate series is about: the first GPU model in its key ("CRI-H100" and "H100 SXM/azure" → "H100"). */
export function gpuProduct(key) {
  const m = /(?:^|[^A-Z0-9])([A-Z]{1,2}\d{2,4}[A-Z]?)(?![0-9])/i.exec(key || '');
  return m ? m[1].toUpperCase() : 'other';
}

/** GPU lease rates: one chart per product (its marketplace medians, index and rate cards), newest products first. */
async function gpuSection(container, series) {
  const unit = 'USD per GPU-hour', fmt = v => f.usd(v, 2);
  const sec = sectionFor(container, 'gpu', 'GPU lease rates', series);
  if (!series.length) return;
  sec.append(h('p', { class: 'hint' }, 'What AI tenants pay per GPU-hour, grouped by product; the What-if page turns a rate into revenue per MWh of IT load.'));
  const groups = new Map();
  for (const s of series) {
    const p = gpuProduct(s.key);
    if (!groups.has(p)) groups.set(p, []);
    groups.get(p).push(s);
  }
  const products = [...groups.keys()].sort((a, b) => (a === 'other') - (b === 'other') || b.localeCompare(a));
  for (const product of products) {
    const ss = groups.get(product);
    const data = await Promise.all(ss.map(s => getJson(`/api/v1/series/${s.id}/points?resolution=native`)));
    const { times, lines } = onOneAxis(ss, data);
    const fig = figure(`${product} rates`, `${product}: ${ss.length} series (${ss.map(s => s.key).join(', ')}).`);
    fig.box.id = `chart-gpu-${product.toLowerCase()}`;
    fig.box.dataset.product = product;
    sec.append(h('h3', { id: `gpu-${product.toLowerCase()}-title` }, product === 'other' ? 'Other GPUs' : product), fig,
      h('p', { class: 'hint' }, latestText(ss, data, fmt).join('; '), '.'));
    lineChart(fig.box, { title: `${product} lease rates (${unit})`, time: true, x: times, xLabel: 'date (UTC)', yLabel: unit, yFmt: fmt, series: lines,
      description: `${product} GPU lease rates: ${ss.map(s => s.key).join(', ')}.` });
  }
}

async function simpleSection(container, id, title, series, unit, fmt, caption) {
  const sec = sectionFor(container, id, title, series);
  if (!series.length) return;
  const data = await Promise.all(series.map(s => getJson(`/api/v1/series/${s.id}/points?resolution=native`)));
  const { times, lines } = onOneAxis(series, data);
  const fig = figure(title, caption);
  fig.box.id = `chart-${id}`;
  sec.append(fig);
  lineChart(fig.box, { title: `${title} (${unit})`, time: true, x: times, xLabel: 'date (UTC)', yLabel: unit, yFmt: fmt, series: lines,
    description: `${title}: ${series.map(s => s.key).join(', ')}, ${f.dateTime(series[0].firstStart).slice(0, 10)} to ${f.dateTime(series[0].lastStart).slice(0, 10)}.` });
  sec.append(h('p', {}, latestText(series, data, fmt).join('; '), '.'));
}

function seriesTable(all) {
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const tables = () => [{ name: 'Stored series', columns: ['id', 'kind', 'key', 'unit', 'from (UTC)', 'to (UTC)', 'points', 'source'],
    rows: all.map(s => [s.id, s.kind, s.key, s.unit, s.firstStart, s.lastStart, s.pointCount, s.source ?? null]) }];
  return h('section', { class: 'market-section', 'aria-labelledby': 'series-title' },
    h('div', { class: 'table-head' }, h('h2', { id: 'series-title' }, 'Stored series'), exportButtons('series-export', 'gridpivot-series', tables, status, 'list ')), status,
    h('div', { class: 'scroll' }, h('table', { id: 'series-table' },
      h('thead', {}, h('tr', {}, ['Kind', 'Key', 'Unit', 'From', 'To', 'Points', 'Source', 'Download'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, all.map(s => h('tr', {}, h('td', {}, s.kind), h('th', { scope: 'row' }, s.key), h('td', {}, s.unit),
        h('td', {}, f.dateTime(s.firstStart)), h('td', {}, f.dateTime(s.lastStart)), h('td', { class: 'n' }, f.num(s.pointCount)), h('td', { class: 'src' }, s.source || '–'),
        h('td', {}, h('a', { href: `/api/v1/series/${s.id}/export.csv`, download: '' }, 'CSV', h('span', { class: 'sr-only' }, ` of ${s.kind} ${s.key}`)))))))));
}
