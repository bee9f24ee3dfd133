// The Plans page's charts: NPV by plan, cumulative cash by month (each plan's lowest month marked), IT MW by use over
// time for each plan (stacked), and revenue per MWh of IT energy. A PlanCharts keeps the resize observers of the
// charts it drew, so that the page can stop them when it is left.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { barChart, plotChart, COLORS } from '../../lib/charts.js';
import * as f from '../../lib/format.js';

export const BASELINE = 'stay on Bitcoin';

const monthSeconds = m => Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1) / 1000;
const monthLabel = s => new Date(s * 1000).toISOString().slice(0, 7);
const musd = v => `${f.num(v / 1e6, Math.abs(v) < 1e7 ? 1 : 0)} M$`;
const axisFont = '12px system-ui, sans-serif';
const bold = 'bold 12px system-ui, sans-serif';
const timeAxes = (yLabel, yFmt) => [
  { label: 'month (UTC)', labelFont: bold, font: axisFont },
  { label: yLabel, labelFont: bold, font: axisFont, size: 72, values: (u, vals) => vals.map(yFmt) },
];
const tzDate = ts => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC');

/** Short category names under the NPV bars (long plan names overlap); the caption says which plan is which. */
export const shortName = (p, plans) => (p.name === 'optimized' ? 'best' : p.name === BASELINE ? 'Bitcoin' : `plan ${plans.indexOf(p) - 1}`);

export class PlanCharts {
  constructor() { this.observers = []; }

  /** Stops following the boxes' widths (the page is left). */
  disconnect() { this.observers.forEach(o => o.disconnect()); this.observers = []; }

  plot(container, opts, data, description) {
    const p = plotChart(container, opts, data, description, { minWidth: 260 });
    this.observers.push(p.resizeObserver);
    return p;
  }

  /** Cumulative cash by month, one line per plan, each plan's lowest month marked with a dot. */
  cash(box, plans) {
    const x = plans[0].monthly.map(r => monthSeconds(r.month));
    const series = [{ label: 'month', value: (u, v) => (v == null ? '–' : monthLabel(v)) }];
    const data = [x];
    plans.forEach((p, i) => {
      const color = COLORS[i % COLORS.length];
      series.push({ label: p.name, stroke: color, width: 2, points: { show: false }, value: (u, v) => (v == null ? '–' : f.usd(v)) });
      data.push(p.monthly.map(r => r.cumulativeCashUsd));
    });
    plans.forEach((p, i) => {
      const color = COLORS[i % COLORS.length];
      series.push({ label: `lowest: ${p.name}`, stroke: color, width: 0, points: { show: true, size: 11, width: 2, fill: '#fff' },
        value: (u, v) => (v == null ? '–' : f.usd(v)) });
      data.push(p.monthly.map(r => (r.month === p.lowestCashMonth ? r.cumulativeCashUsd : null)));
    });
    const u = this.plot(box, { title: 'Cumulative cash by month (USD)', height: 300, scales: { x: { time: true } },
      tzDate, axes: timeAxes('cumulative cash (M$)', musd), series, legend: { live: true } }, data,
    `Cumulative cash by month for ${plans.map(p => `${p.name} (lowest ${p.lowestCashMonth}: ${f.usd(p.lowestCashUsd)})`).join('; ')}.`);
    // the lowest-month dots share their plan's colour: their legend rows would only repeat the plan names
    [...u.root.querySelectorAll('.u-legend .u-series')].slice(1 + plans.length).forEach(r => { r.hidden = true; r.style.display = 'none'; });
    return u;
  }

  /** MW by use over time for one plan: mining (mean dispatched) and each AI option online, stacked. */
  stack(box, p, options) {
    const x = p.monthly.map(r => monthSeconds(r.month));
    const layers = [{ label: 'mining', values: p.monthly.map(r => r.miningMw) },
      ...options.map(o => ({ label: `AI: ${o}`, values: p.monthly.map(r => r.aiOnlineMw?.[o] ?? 0) }))];
    const cum = [];
    layers.forEach((l, i) => cum.push(l.values.map((v, k) => v + (i ? cum[i - 1][k] : 0))));
    // drawn top layer first, each filled down to zero; the layers below paint over it, so the areas read as a stack
    const order = layers.map((_, i) => i).reverse();
    const series = [{ label: 'month', value: (u, v) => (v == null ? '–' : monthLabel(v)) },
      ...order.map(i => ({ label: layers[i].label, stroke: COLORS[i % COLORS.length], fill: COLORS[i % COLORS.length], width: 1,
        points: { show: false }, value: (u, v, si, idx) => (idx == null ? '–' : f.mw(layers[i].values[idx], 1)) }))];
    return this.plot(box, { title: `${p.name}: IT MW by use`, height: 240, scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.08)] } },
      tzDate, axes: timeAxes('IT load (MW)', v => f.num(v, 0)), series, legend: { live: true } },
    [x, ...order.map(i => cum[i])], `IT megawatts by use over time for ${p.name}, stacked: ${layers.map(l => l.label).join(', ')}.`);
  }
}

/** NPV by plan in M$, for the plans that have one. */
export function npvChart(box, plans) {
  const withNpv = plans.filter(p => p.npvUsd != null);
  barChart(box, { title: 'NPV by plan (M$)', categories: withNpv.map(p => shortName(p, plans)), yLabel: 'NPV (M$)', yFmt: v => f.num(v, 0), height: 300,
    series: [{ label: 'NPV', values: withNpv.map(p => p.npvUsd / 1e6) }], description: `NPV by plan: ${withNpv.map(p => `${p.name} ${f.usd(p.npvUsd)}`).join('; ')}.` });
}

/** Revenue per MWh of IT energy by use (Bitcoin mining, then each AI option), one series per plan. */
export function revenueChart(box, plans, uses) {
  barChart(box, { title: 'Revenue per MWh of IT energy (USD/MWh)', categories: uses.map(u => (u === 'mining' ? 'Bitcoin' : u)), yLabel: 'USD/MWh', yFmt: v => f.num(v, 0),
    series: plans.map(p => ({ label: p.name, values: uses.map(u => p.revenuePerItMwhUsd?.[u] ?? null) })),
    description: 'Revenue per MWh of IT energy, Bitcoin mining against AI, for each plan.' });
}
