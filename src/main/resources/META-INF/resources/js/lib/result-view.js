// Renders an allocation answer (POST /api/v1/allocations, or a stored run's result): the headline, what the
// numbers mean in plain words, charts, and the tables that the exports hold. Every number taken from the answer
// carries data-key (its JSON path as a JSON array) and data-value (the raw number); numbers derived per year carry
// data-per="year" as well. Tests read these to check that the page says what the API said.
import { h } from './dom.js';
import * as f from './format.js';
import { barChart, lineChart, figure } from './charts.js';

/** A number from the answer, shown formatted. */
export function val(path, value, fmt, per) {
  return h('span', { class: 'num', 'data-key': JSON.stringify(path), 'data-value': String(value), 'data-per': per || null }, fmt(value));
}

const perYear = (v, y) => (y ? v / y : null);

function sentence(...parts) { return h('li', {}, ...parts); }

/** "S21" reads "S21 fleet"; a name that already ends in "fleet" ("S21 fleet") is not given a second one. */
export function fleetLabel(name) { return /\bfleet$/i.test(String(name)) ? String(name) : `${name} fleet`; }

const hoursWord = n => (n === 1 ? 'one hour' : `${f.num(n)} hours`);
const IDLE_WHY = {
  NEVER_PAYS: () => 'the fleet never pays: a running MWh loses money in every hour',
  INTERCONNECT: d => `the interconnect is full in every hour the fleet pays (${hoursWord(d.payingHours)}): AI racks and fleets that earn as much or more per MW of site power come first`,
  FIXED_OPEX: d => `the fleet pays in only ${hoursWord(d.payingHours)}, too few for those MW to earn their fixed opex`,
};

/** Installed, run-at-most and idle MW of a fleet, and why the idle MW stay idle. */
function idleSentence(fleet, d) {
  const k = ['dispatch', fleet];
  const installed = val([...k, 'capacityMw'], d.capacityMw, f.mw);
  if (d.idleReason === 'NONE') {
    return sentence(`${fleetLabel(fleet)}: all `, installed, ' installed run in its best hours.');
  }
  return sentence(`${fleetLabel(fleet)}: `, installed, ' installed, at most ', val([...k, 'maxRunMw'], d.maxRunMw, f.mw), ' run; ',
    val([...k, 'idleMw'], d.idleMw, f.mw), ` stay idle because ${(IDLE_WHY[d.idleReason] || (() => String(d.idleReason)))(d)}.`);
}

/** Plain-words reading of the answer. */
export function explanations(r) {
  const out = [];
  const hoursT = r.solver?.hours;
  const y = f.years(hoursT);
  const sp = r.shadowPrices;
  if (sp && y) {
    if (sp.interconnectUsdPerMw > 1e-9) {
      out.push(sentence('One more MW of interconnect is worth ', val(['shadowPrices', 'interconnectUsdPerMw'], perYear(sp.interconnectUsdPerMw, y), f.usd, 'year'),
        ' a year (', val(['shadowPrices', 'interconnectUsdPerMw'], sp.interconnectUsdPerMw, f.usd), ` over the ${f.horizon(hoursT)}).`));
    } else {
      out.push(sentence('The interconnect is not what limits this site: one more MW of it would add nothing.'));
    }
    if (sp.maxAiItUsdPerMw > 1e-9) {
      out.push(sentence('Allowing one more MW of AI IT load would add ', val(['shadowPrices', 'maxAiItUsdPerMw'], perYear(sp.maxAiItUsdPerMw, y), f.usd, 'year'), ' a year.'));
    }
    if (sp.minAiItUsdPerMw < -1e-9) {
      out.push(sentence('Each MW of contracted AI IT load costs ', val(['shadowPrices', 'minAiItUsdPerMw'], perYear(sp.minAiItUsdPerMw, y), f.usd, 'year'),
        ' a year against a free choice.'));
    }
    if (sp.capexBudgetUsdPerUsd > 1e-12) {
      out.push(sentence('Each extra dollar of capex budget would add ', val(['shadowPrices', 'capexBudgetUsdPerUsd'], sp.capexBudgetUsdPerUsd, v => f.usd(v, 4)),
        ` of net value over the ${f.horizon(hoursT)}.`));
    }
  }
  for (const [fleet, b] of Object.entries(r.breakeven || {})) {
    const d = r.dispatch?.[fleet];
    out.push(sentence(`The ${fleetLabel(fleet)} stops paying above `, val(['breakeven', fleet, 'energyPriceUsdPerMwh'], b.energyPriceUsdPerMwh, f.usdPerMwh),
      ' of energy (at the mean hashprice), or below a hashprice of ', val(['breakeven', fleet, 'hashpriceUsdPerPhDay'], b.hashpriceUsdPerPhDay, f.usdPerPhDay),
      ' (at the mean energy price).',
      d ? [' It ran ', val(['dispatch', fleet, 'capacityFactor'], d.capacityFactor, f.pct), ' of the time and was curtailed in ',
        val(['dispatch', fleet, 'curtailedHours'], d.curtailedHours, v => `${f.num(v)} hours`), '.'] : null));
    if (d && d.idleReason) out.push(idleSentence(fleet, d));
  }
  for (const [opt, mwv] of Object.entries(r.allocation?.aiItMw || {})) {
    const rate = r.economics?.revenuePerItMwhUsd?.[opt];
    if (mwv > 1e-9) {
      out.push(sentence(`${opt}: `, val(['allocation', 'aiItMw', opt], mwv, f.mw), ' of AI racks, earning ',
        rate !== undefined ? val(['economics', 'revenuePerItMwhUsd', opt], rate, f.usdPerMwh) : '–', ' of IT load.'));
    } else if (rate !== undefined) {
      out.push(sentence(`${opt} gets no megawatts: at `, val(['economics', 'revenuePerItMwhUsd', opt], rate, f.usdPerMwh),
        ' of IT load, after its costs, it earns less than the alternatives.'));
    }
  }
  return out;
}

function headline(r) {
  if (!r.allocation || !r.economics) {
    return h('p', { class: 'headline bad' }, `No allocation: the solver answered ${r.status}. `, r.explanation || '');
  }
  const y = f.years(r.solver?.hours);
  return h('p', { class: 'headline' },
    'Keep ', val(['allocation', 'totalAsicItMw'], r.allocation.totalAsicItMw, f.mw), ' hashing and run ',
    val(['allocation', 'totalAiItMw'], r.allocation.totalAiItMw, f.mw), ' of AI racks. Net value ',
    val(['economics', 'netUsd'], r.economics.netUsd, f.usd), ` over ${f.horizon(r.solver?.hours)}`,
    y ? [' (', val(['economics', 'netUsd'], perYear(r.economics.netUsd, y), f.usd, 'year'), ' a year).'] : '.');
}

function table(id, caption, head, rows, onCsv) {
  return h('section', { class: 'result-table', 'data-table': id },
    h('div', { class: 'table-head' }, h('h3', {}, caption),
      onCsv ? h('button', { type: 'button', class: 'link', onclick: () => onCsv(id), 'aria-label': `Download ${caption} as CSV` }, 'CSV') : null),
    h('div', { class: 'scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, head.map((c, i) => h('th', { scope: 'col', class: i ? 'n' : null }, c)))),
      h('tbody', {}, rows.map(row => h('tr', {}, row.map((c, i) => i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: 'n' }, c))))))));
}

export function tables(r, onCsv) {
  const y = f.years(r.solver?.hours);
  const out = [];
  const a = r.allocation;
  if (a) {
    const d = r.dispatch || {};
    const fleetMw = (k, key) => (d[k] && d[k][key] !== undefined ? val(['dispatch', k, key], d[k][key], f.mw) : '–');
    out.push(table('allocation', 'Allocation', ['Use', 'Kind', 'IT load (runs at most)', 'Installed', 'Idle'], [
      ...Object.entries(a.asicItMw).map(([k, v]) => [k, 'ASIC fleet', val(['allocation', 'asicItMw', k], v, f.mw), fleetMw(k, 'capacityMw'), fleetMw(k, 'idleMw')]),
      ...Object.entries(a.aiItMw).map(([k, v]) => [k, 'AI option', val(['allocation', 'aiItMw', k], v, f.mw), '–', '–']),
      ['Peak site power (with PUE)', 'site', val(['allocation', 'peakFacilityMw'], a.peakFacilityMw, f.mw), '–', '–'],
    ], onCsv));
  }
  const e = r.economics;
  if (e) {
    const m = (label, key) => [label, val(['economics', key], e[key], f.usd), y ? val(['economics', key], perYear(e[key], y), f.usd, 'year') : '–'];
    out.push(table('economics', 'Economics', ['Item', `Over ${f.horizon(r.solver?.hours)}`, 'Per year'], [
      m('Net value', 'netUsd'), m('Mining revenue (after pool fees)', 'miningRevenueUsd'), m('AI revenue', 'aiRevenueUsd'),
      m('Energy cost', 'energyCostUsd'), m('Capex charge', 'capexChargeUsd'), m('Operating cost', 'opexUsd'),
    ], onCsv));
    out.push(table('revenue-per-mwh', 'Revenue per MWh of IT load', ['Use', 'Revenue'],
      Object.entries(e.revenuePerItMwhUsd || {}).map(([k, v]) => [k === 'mining' ? 'Mining (realized)' : k, val(['economics', 'revenuePerItMwhUsd', k], v, f.usdPerMwh)]), onCsv));
  }
  if (r.dispatch && Object.keys(r.dispatch).length) {
    const opt = (d, k, key, fmt) => (d[key] !== undefined && d[key] !== null ? val(['dispatch', k, key], d[key], fmt) : '–');
    const why = { NONE: '–', NEVER_PAYS: 'never pays', INTERCONNECT: 'interconnect full', FIXED_OPEX: 'fixed opex not earned' };
    out.push(table('dispatch', 'Dispatch', ['Fleet', 'Installed', 'Runs at most', 'Idle', 'Why idle', 'Energy', 'Capacity factor', 'Curtailed hours', 'Paying hours', 'Revenue'],
      Object.entries(r.dispatch).map(([k, d]) => [k, val(['dispatch', k, 'capacityMw'], d.capacityMw, f.mw), opt(d, k, 'maxRunMw', f.mw), opt(d, k, 'idleMw', f.mw),
        d.idleReason ? h('span', { class: 'idle-reason', title: d.idleNote || '' }, why[d.idleReason] || d.idleReason) : '–',
        val(['dispatch', k, 'energyMwh'], d.energyMwh, f.mwh),
        val(['dispatch', k, 'capacityFactor'], d.capacityFactor, f.pct), val(['dispatch', k, 'curtailedHours'], d.curtailedHours, f.hours),
        opt(d, k, 'payingHours', f.hours), val(['dispatch', k, 'revenueUsd'], d.revenueUsd, f.usd)]), onCsv));
  }
  if (r.breakeven && Object.keys(r.breakeven).length) {
    out.push(table('breakeven', 'Breakeven', ['Fleet', 'Stops paying above energy price', 'Stops paying below hashprice'],
      Object.entries(r.breakeven).map(([k, b]) => [k, val(['breakeven', k, 'energyPriceUsdPerMwh'], b.energyPriceUsdPerMwh, f.usdPerMwh),
        val(['breakeven', k, 'hashpriceUsdPerPhDay'], b.hashpriceUsdPerPhDay, f.usdPerPhDay)]), onCsv));
  }
  const sp = r.shadowPrices;
  if (sp) {
    const row = (label, key, fmt) => [label, val(['shadowPrices', key], sp[key], fmt), y ? val(['shadowPrices', key], perYear(sp[key], y), fmt, 'year') : '–'];
    out.push(table('shadow-prices', 'Shadow prices (what one more unit of a limit is worth)', ['Limit', `Over ${f.horizon(r.solver?.hours)}`, 'Per year'], [
      row('1 MW of interconnect', 'interconnectUsdPerMw', f.usd), row('1 MW more allowed AI IT load', 'maxAiItUsdPerMw', f.usd),
      row('1 MW more contracted AI IT load', 'minAiItUsdPerMw', f.usd), row('$1 of capex budget', 'capexBudgetUsdPerUsd', v => f.usd(v, 4)),
    ], onCsv));
  }
  return out;
}

/** Hourly prices of a request, when it carries them (an array, or a flat price with hours). */
export function requestPrices(req) {
  const m = req?.market;
  if (!m) return null;
  if (Array.isArray(m.energyPricesUsdPerMwh)) return m.energyPricesUsdPerMwh;
  if (typeof m.energyPriceUsdPerMwh === 'number' && m.hours > 0) return new Array(Math.round(m.hours)).fill(m.energyPriceUsdPerMwh);
  return null;
}

/** Draws the answer's charts into figures appended to `into`; call after `into` is in the document. */
export function charts(into, r, req, { startEpochSeconds } = {}) {
  if (!r.allocation) return;
  const a = r.allocation;
  const cats = [...Object.keys(a.asicItMw), ...Object.keys(a.aiItMw)];
  const fig1 = figure('MW by use', 'IT megawatts per ASIC fleet and AI option. Hover for the values.');
  fig1.box.id = 'chart-allocation';
  into.append(fig1);
  barChart(fig1.box, { title: 'IT load by use (MW)', categories: cats, yLabel: 'IT load (MW)', yFmt: v => f.num(v, 1),
    series: [{ label: 'IT MW', values: cats.map(c => a.asicItMw[c] ?? a.aiItMw[c]) }],
    description: `Bar chart of IT megawatts by use: ${cats.map(c => `${c} ${f.mw(a.asicItMw[c] ?? a.aiItMw[c])}`).join(', ')}.` });

  const rates = r.economics?.revenuePerItMwhUsd || {};
  const rk = Object.keys(rates);
  if (rk.length) {
    const fig2 = figure('Revenue per MWh', 'Revenue per MWh of IT load: Bitcoin mining (realized over the hours it ran) against each AI option.');
    fig2.box.id = 'chart-revenue';
    into.append(fig2);
    barChart(fig2.box, { title: 'Revenue per MWh of IT load (USD/MWh)', categories: rk.map(k => (k === 'mining' ? 'Mining' : k)), yLabel: 'USD per MWh',
      yFmt: v => f.usd(v, 0), series: [{ label: 'USD/MWh', values: rk.map(k => rates[k]) }],
      description: `Revenue per MWh of IT load: ${rk.map(k => `${k} ${f.usdPerMwh(rates[k])}`).join(', ')}.` });
  }

  const prices = requestPrices(req);
  if (prices && prices.length) {
    const be = Object.entries(r.breakeven || {});
    const fig3 = figure('Energy price and breakevens', 'The energy price in every hour of the horizon, with each fleet\'s breakeven: above its line a fleet loses money and is switched off.');
    fig3.box.id = 'chart-prices';
    into.append(fig3);
    const time = typeof startEpochSeconds === 'number';
    const x = prices.map((_, i) => (time ? startEpochSeconds + 3600 * i : i));
    lineChart(fig3.box, { title: 'Energy price and fleet breakevens (USD/MWh)', time, x, xLabel: time ? 'time (UTC)' : 'hour of the horizon',
      yLabel: 'USD per MWh', yFmt: v => f.usd(v, 0),
      series: [{ label: 'energy price', values: prices, width: 1 },
        ...be.map(([k, b]) => ({ label: `${k} breakeven`, values: x.map(() => b.energyPriceUsdPerMwh), dash: [6, 4], width: 2 }))],
      description: `Energy price over ${prices.length} hours with breakevens ${be.map(([k, b]) => `${k} ${f.usdPerMwh(b.energyPriceUsdPerMwh)}`).join(', ')}.` });
  }
}

/** The whole answer. opts: {onCsv(tableId), startEpochSeconds}. Returns the element; call drawCharts() once attached. */
export function resultView(r, req, opts = {}) {
  const figs = h('div', { class: 'figures' });
  const notes = [...(r.bindingConstraints || [])];
  const el = h('div', { class: 'result', 'data-status': r.status },
    h('p', { class: `status status-${String(r.status).toLowerCase()}` }, `Status: ${r.status}`, r.solver ? ` · ${r.solver.name}, ${f.num(r.solver.wallMs, 0)} ms` : ''),
    headline(r),
    r.explanation && r.allocation ? h('p', { class: 'explanation' }, r.explanation) : null,
    h('h3', {}, 'What the numbers say'),
    h('ul', { class: 'plain-words' }, explanations(r)),
    notes.length ? [h('h3', {}, 'Limits that shape the answer'), h('ul', { class: 'binding' }, notes.map(n => h('li', {}, n)))] : null,
    r.warnings?.length ? [h('h3', {}, 'Warnings'), h('ul', { class: 'warnings' }, r.warnings.map(w => h('li', {}, w)))] : null,
    figs,
    h('div', { class: 'tables' }, tables(r, opts.onCsv)));
  el.drawCharts = () => charts(figs, r, req, opts);
  return el;
}
