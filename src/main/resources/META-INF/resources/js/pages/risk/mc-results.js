// The Monte Carlo answer: each plan in words, the NPV histograms, the table of NPV percentiles, probability of loss and
// worst month of cash, the price model used, and the CSV/XLSX export. Numbers taken from the answer carry data-key
// (the API's field) and data-value (the raw number).
import { h, valueSpan as val } from '../../lib/dom.js';
import { figure, COLORS } from '../../lib/charts.js';
import { exportButtons } from '../../lib/exports.js';
import * as f from '../../lib/format.js';
import { histogram } from './mc-histogram.js';

const BASELINE = /^stay on Bitcoin/;
const planLabel = n => (n === 'optimized' ? 'The optimizer\'s plan' : BASELINE.test(n) ? 'Staying on Bitcoin' : `“${n}”`);

function words(r) {
  return h('ul', { class: 'plain-words', id: 'mc-words' }, r.plans.map((p, i) => {
    if (p.status !== 'EVALUATED' || !p.npvUsd) return h('li', {}, `${planLabel(p.name)}: not evaluated (${p.status}). ${p.explanation || ''}`);
    const hl = p.headline || {};
    // led by the median (P50): over lognormal prices the mean sits above what a typical path gives
    const lead = [`${planLabel(p.name)}: P50 NPV `, val(`plans[${i}].headline.p50NpvUsd`, hl.p50NpvUsd, f.usd), ' (mean ',
      val(`plans[${i}].headline.meanNpvUsd`, hl.meanNpvUsd, f.usd), ', P10 ', val(`plans[${i}].headline.p10NpvUsd`, hl.p10NpvUsd, f.usd),
      ', P90 ', val(`plans[${i}].headline.p90NpvUsd`, hl.p90NpvUsd, f.usd), ')'];
    const text = h('span', { class: 'hint mc-headline', 'data-key': `plans[${i}].headline.text` }, ' ', hl.text || '');
    if (BASELINE.test(p.name)) return h('li', {}, ...lead, '.', text);
    const loss = p.probIncrementalNpvBelowZero;
    return h('li', {}, ...lead, '; ', loss > 0 ? ['loses money against staying on Bitcoin in ', val(`plans[${i}].probIncrementalNpvBelowZero`, loss, v => f.pct(v, 0))]
      : 'does no worse than staying on Bitcoin on any', ` of ${f.num(r.paths)} paths; cash is lowest around `, p.lowestCashMedianMonth || '–', '.', text);
  }));
}

function table(r) {
  const head = ['Plan', 'P50 NPV (median)', 'Mean', 'P10', 'P90', 'Probability of loss', 'Worst month of cash', 'Usually in'];
  const rows = r.plans.map((p, i) => {
    const s = p.npvUsd;
    return h('tr', { 'data-plan': p.name }, h('th', { scope: 'row' }, p.name),
      ...(s ? [s.p50, s.mean, s.p10, s.p90].map((v, k) => h('td', { class: 'n' }, val(`plans[${i}].npvUsd.${['p50', 'mean', 'p10', 'p90'][k]}`, v, f.usd)))
        : [1, 2, 3, 4].map(() => h('td', { class: 'n' }, '–'))),
      h('td', { class: 'n' }, p.probIncrementalNpvBelowZero == null ? '–' : val(`plans[${i}].probIncrementalNpvBelowZero`, p.probIncrementalNpvBelowZero, v => f.pct(v, 0))),
      h('td', { class: 'n' }, p.lowestCashUsd ? val(`plans[${i}].lowestCashUsd.p50`, p.lowestCashUsd.p50, f.usd) : '–'),
      h('td', {}, p.lowestCashMedianMonth || '–'));
  });
  return h('div', { class: 'scroll' }, h('table', { id: 'mc-table', class: 'compare-table', 'aria-describedby': 'mc-table-note' },
    h('thead', {}, h('tr', {}, head.map((t, i) => h('th', { scope: 'col', class: i && i < 7 ? 'n' : null }, t)))), h('tbody', {}, rows)));
}

/** The answer's table as the CSV and the XLSX write it. */
const exportTables = r => () => [{ name: 'Monte Carlo NPV',
  columns: ['plan', 'status', 'P50 NPV (USD)', 'mean NPV (USD)', 'P10 NPV (USD)', 'P90 NPV (USD)', 'probability of loss (fraction)', 'worst cash, median (USD)', 'worst cash month, median'],
  rows: r.plans.map(p => [p.name, p.status, p.npvUsd?.p50, p.npvUsd?.mean, p.npvUsd?.p10, p.npvUsd?.p90, p.probIncrementalNpvBelowZero, p.lowestCashUsd?.p50, p.lowestCashMedianMonth]) }];

/** The price model the answer used, in words; its numbers carry data-key model.… (the API's field). */
function modelLine(r) {
  const m = r.model || {};
  return h('p', { class: 'hint', id: 'mc-model' }, 'Price model: ', val('model.priceModel', m.priceModel, String), ` (${m.kind || ''}), σ `,
    val('model.volatilityMonthly', m.volatilityMonthly, v => f.pct(v, 1)), ` per month, drift ${m.driftMode || ''}`,
    m.blockLengthMonths ? [', ', val('model.blockLengthMonths', m.blockLengthMonths, v => f.num(v, 0)), '-month blocks'] : '',
    ', fee factor sd ', val('model.feeSd', m.feeSd, v => f.num(v, 3)),
    m.feeCalibration ? [' (the fee history\'s: ', val('model.feeCalibration.feeSd', m.feeCalibration.feeSd, v => f.num(v, 3)), ')'] : '',
    `; ${f.num(r.computeMs, 0)} ms.`);
}

/** Shows the answer r in results, says so in status, and offers the fee history's sd to the form (offerFeeSd). */
export function showMonteCarlo(r, { results, status, offerFeeSd }) {
  const plans = r.plans;
  const note = h('p', { class: 'table-note', id: 'mc-table-note' }, `NPV over ${f.num(r.paths)} paths, ${r.months} months from ${r.startMonth} (seed ${r.seed}), led by the median (P50: half the paths end below it); the mean sits beside it, above the median when a few high-price paths pull it up. Probability of loss: paths where the plan does worse than staying on Bitcoin. Worst month of cash: the lowest cumulative cash, median over the paths.`);
  const withHist = plans.filter(p => p.npvHistogram);
  const figs = withHist.map((p, i) => {
    const fig = figure(p.name, `NPV of ${p.name} on each of ${f.num(r.paths)} paths: how many paths fall in each NPV range.`);
    fig.box.id = `mc-hist-${i}`;
    fig.box.classList.add('mc-hist');
    return fig;
  });
  results.replaceChildren(h('div', { class: 'results-head' }, h('h3', {}, 'NPV distributions'), exportButtons('mc-export', 'gridpivot-montecarlo', exportTables(r), status)),
    words(r), h('div', { class: 'figures mc-figures' }, figs), note, table(r), modelLine(r));
  offerFeeSd(r.model?.feeCalibration?.feeSd);
  withHist.forEach((p, i) => histogram(figs[i].box, p.npvHistogram, `${p.name}: NPV (USD)`, COLORS[i % COLORS.length]));
  results.dataset.status = 'DONE';
  status.textContent = `Monte Carlo ready: ${plans.length} plans on ${f.num(r.paths)} paths.`;
}
