// Risk: sweep a what-if (a stored site with a flat energy price and hashprice) or a plan (a stored scenario and site over
// a horizon of months, the body of POST /api/v1/plans/runs) over one or two inputs with POST /api/v1/sweeps/runs (a
// durable job, polled), and show the pivot curve (optimal AI and ASIC MW against the input) with the frontier steps,
// NPV against the input, a tornado of NPV against ±X% on each input, and for two axes a heat map of AI MW.
// Below it, Monte Carlo NPV distributions of fixed plans and a stochastic plan (risk/monte-carlo.js).
// Numbers taken from the answer carry data-value (the raw number) so tests can compare them with the API.
import { h, field, numberInput, select } from '../lib/dom.js';
import { getAll, getJson, postJson, deleteJson, ApiError } from '../lib/api.js';
import { exportButtons } from '../lib/exports.js';
import { LongRun, pollJob } from '../lib/longrun.js';
import { clearErrors, showFailure, ClientError } from '../lib/fielderrors.js';
import { lineChart, figure } from '../lib/charts.js';
import * as f from '../lib/format.js';
import { mountMonteCarlo } from './risk/monte-carlo.js';
import { planProblemControls } from '../lib/plan-problem.js';

/** The inputs a sweep can vary: label with unit, how values read, a default range. */
const INPUTS = {
  BTC_PRICE_USD: { label: 'BTC price (USD)', axis: 'BTC price (USD)', fmt: v => f.usd(v, 0), range: [40000, 150000] },
  BTC_PRICE_SCALE: { label: 'BTC price (× the scenario\'s path)', axis: 'BTC price (× scenario path)', fmt: v => `${f.num(v, 2)}×`, range: [0.5, 1.5] },
  HASHPRICE_SCALE: { label: 'Hashprice level (× the given hashprice)', axis: 'hashprice (× given)', fmt: v => `${f.num(v, 2)}×`, range: [0.5, 1.5] },
  GPU_LEASE_SCALE: { label: 'GPU lease rate (× the given rate)', axis: 'GPU lease rate (× given)', fmt: v => `${f.num(v, 2)}×`, range: [0.5, 1.5] },
  COLOCATION_SCALE: { label: 'Colocation rate (× the given rate)', axis: 'colocation rate (× given)', fmt: v => `${f.num(v, 2)}×`, range: [0.5, 1.5] },
  ENERGY_PRICE_SCALE: { label: 'Energy price level (× the given price)', axis: 'energy price (× given)', fmt: v => `${f.num(v, 2)}×`, range: [0.5, 1.5] },
  CAPEX_SCALE: { label: 'AI capex (× the given capex)', axis: 'AI capex (× given)', fmt: v => `${f.num(v, 2)}×`, range: [0.5, 1.5] },
  DISCOUNT_RATE: { label: 'Discount rate (fraction per year)', axis: 'discount rate (per year)', fmt: v => f.pct(v, 1), range: [0.05, 0.2] },
};
/** A what-if sweeps a BTC price in USD (with the base price its hashprice holds at); a plan scales its BTC price path. */
const inputOptions = mode => Object.entries(INPUTS).filter(([value]) => value !== (mode === 'plan' ? 'BTC_PRICE_USD' : 'BTC_PRICE_SCALE'))
  .map(([value, i]) => ({ value, label: i.label }));
const mwf = v => f.num(v, 2);

/**
 * How the points of a what-if sweep and of a plan sweep read (SweepPointResult, PlanSweepPointResult): the value
 * (net value or plan NPV, USD; valueLower inside a sentence), the AI MW the frontier and heat map follow, the lines of the pivot chart, the columns of
 * the points table (key = the API's field, also the CSV/XLSX header) and the per-option and per-fleet maps.
 */
const VIEWS = {
  whatIf: {
    noun: 'what-ifs', file: 'gridpivot-sweep', value: 'Net value', valueLower: 'net value', valueWords: 'net value (NPV over the horizon, USD)',
    net: p => p.netUsd, ai: p => p.totalAiItMw,
    lines: [{ label: 'AI IT MW', get: p => p.totalAiItMw }, { label: 'ASIC IT MW', get: p => p.totalAsicItMw }],
    columns: [{ key: 'netUsd', label: 'Net value (USD)', fmt: f.usd }, { key: 'totalAiItMw', label: 'AI IT (MW)', fmt: mwf },
      { key: 'totalAsicItMw', label: 'ASIC IT (MW)', fmt: mwf }],
    byOption: 'aiItMw', byFleet: 'asicItMw',
  },
  plan: {
    noun: 'plans', file: 'gridpivot-plan-sweep', value: 'Plan NPV', valueLower: 'plan NPV', valueWords: 'NPV of the optimal plan (USD)',
    net: p => p.npvUsd, ai: p => p.aiItMwEnd,
    lines: [{ label: 'AI IT MW online at the end', get: p => p.aiItMwEnd }, { label: 'AI IT MW started by the end', get: p => p.aiItMwStartedEnd, dash: [6, 4] },
      { label: 'ASIC IT MW at the end', get: p => p.asicItMwEnd }],
    columns: [{ key: 'npvUsd', label: 'Plan NPV (USD)', fmt: f.usd }, { key: 'aiItMwEnd', label: 'AI IT online at end (MW)', fmt: mwf },
      { key: 'aiItMwStartedEnd', label: 'AI IT started (MW)', fmt: mwf }, { key: 'asicItMwEnd', label: 'ASIC IT at end (MW)', fmt: mwf },
      { key: 'asicItMwPeak', label: 'ASIC IT peak (MW)', fmt: mwf }, { key: 'firstAiOnlineMonth', label: 'First AI month', fmt: v => v || '–' }],
    byOption: 'aiItMwEndByOption', byFleet: 'asicItMwEndByFleet',
  },
};
const fmtOf = input => (INPUTS[input] || { fmt: v => f.num(v, 4) }).fmt;
const labelOf = input => (INPUTS[input] || { label: input }).label;

/** A number from the answer, shown formatted, with its raw value. */
const val = (value, fmt, key) => h('span', { class: 'num', 'data-value': String(value), 'data-key': key || null }, fmt(value));

export async function mount(container) {
  const [sites, scenarios] = await Promise.all([getAll('/api/v1/sites', 100), getJson('/api/v1/scenarios')]);
  let last = null;

  const form = h('form', { id: 'risk-form', novalidate: true, 'aria-labelledby': 'risk-title' });
  const summary = h('div', { id: 'form-errors', class: 'error-summary', role: 'alert', hidden: true });

  // ---- the what-if to sweep
  const sitePick = select('allocation.siteId', sites.length ? sites.map(s => ({ value: String(s.id), label: s.name })) : [{ value: '', label: 'No stored sites yet' }],
    { id: 'risk-site' });
  const energy = numberInput('allocation.market.energyPriceUsdPerMwh', { id: 'risk-energy', value: '40' });
  const hours = numberInput('allocation.market.hours', { id: 'risk-hours', value: '8760' });
  const hashprice = numberInput('allocation.market.hashpriceUsdPerPhDay', { id: 'risk-hashprice', value: '45' });
  const btc = numberInput('baseBtcPriceUsd', { id: 'risk-btc', value: '90000' });
  const whatIf = h('fieldset', { class: 'box' }, h('legend', {}, 'What-if to sweep'),
    h('div', { class: 'grid' },
      field('Stored site', sitePick, 'Its fleets and AI options, as stored (edit them on the What-if page)'),
      field('Energy price (USD/MWh)', energy, 'Flat over the horizon'), field('Hours in the horizon', hours, '8760 = one year'),
      field('Hashprice (USD per PH/s per day)', hashprice, 'Flat, at the base BTC price'),
      field('Base BTC price (USD)', btc, 'The BTC price at which that hashprice holds')));

  // ---- or the plan to sweep: a stored scenario and site over a horizon, as the Monte Carlo below builds it
  const pp = planProblemControls({ scenarios, sites, idPrefix: 'sweep-plan', fieldPrefix: 'plan', months: '24' });
  const planBox = h('fieldset', { class: 'box', id: 'plan-box', hidden: true }, h('legend', {}, 'Plan to sweep'),
    h('p', { class: 'hint' }, 'At every point the optimal plan is solved again: when to start AI, retire or buy ASICs, sell treasury BTC. Edit scenarios on the Plans page.'),
    pp.grid);
  const modeRadio = (value, label, checked) => h('span', { class: 'radio' },
    h('input', { type: 'radio', name: 'sweep-mode', value, id: `mode-${value}`, checked }), h('label', { for: `mode-${value}` }, label));
  const modes = h('fieldset', { class: 'box' }, h('legend', {}, 'What to sweep'),
    h('div', { class: 'radios', role: 'radiogroup', 'aria-label': 'What to sweep' },
      modeRadio('whatIf', 'A what-if: one year at flat prices', true), modeRadio('plan', 'A plan: month by month on a stored scenario', false)));
  const mode = () => (form.querySelector('input[name="sweep-mode"]:checked')?.value || 'whatIf');

  // ---- axes
  function axisControls(k) {
    const input = select(`axes[${k}].input`, inputOptions('whatIf'), { id: `axis${k}-input` });
    const from = numberInput(`axes[${k}].from`, { id: `axis${k}-from` });
    const to = numberInput(`axes[${k}].to`, { id: `axis${k}-to` });
    const points = numberInput(`axes[${k}].points`, { id: `axis${k}-points`, step: '1', inputmode: 'numeric' });
    const defaults = () => { const r = INPUTS[input.value].range; from.value = r[0]; to.value = r[1]; };
    input.addEventListener('change', defaults);
    return { input, from, to, points, defaults,
      grid: h('div', { class: 'grid' }, field(k ? 'Second input' : 'Input', input), field('From', from), field('To', to), field('Points', points, 'At least 2')) };
  }
  const axis0 = axisControls(0);
  axis0.input.value = 'BTC_PRICE_USD'; axis0.defaults(); axis0.points.value = '23';
  const axis1 = axisControls(1);
  axis1.input.value = 'GPU_LEASE_SCALE'; axis1.defaults(); axis1.points.value = '5';
  const second = h('input', { type: 'checkbox', id: 'axis1-on' });
  const axis1Box = h('div', { id: 'axis1-box', hidden: true }, axis1.grid);
  second.addEventListener('change', () => { axis1Box.hidden = !second.checked; });
  const axes = h('fieldset', { class: 'box' }, h('legend', {}, 'Inputs to sweep'), axis0.grid,
    h('div', { class: 'field check' }, second, h('label', { for: 'axis1-on' }, 'Sweep a second input too (a grid)')), axis1Box);
  // switching between a what-if and a plan: the other box, the inputs that apply, their default ranges
  const AXIS_DEFAULTS = { whatIf: [['BTC_PRICE_USD', '23'], ['GPU_LEASE_SCALE', '5']], plan: [['BTC_PRICE_SCALE', '9'], ['GPU_LEASE_SCALE', '5']] };
  function setMode(m) {
    whatIf.hidden = m === 'plan';
    planBox.hidden = m !== 'plan';
    [axis0, axis1].forEach((a, k) => {
      a.input.replaceChildren(...inputOptions(m).map(o => h('option', { value: o.value }, o.label)));
      a.input.value = AXIS_DEFAULTS[m][k][0]; a.defaults(); a.points.value = AXIS_DEFAULTS[m][k][1];
    });
    runButton.textContent = m === 'plan' ? 'Run plan sweep' : 'Run sweep';
  }

  // ---- tornado
  const tornadoOn = h('input', { type: 'checkbox', id: 'tornado-on', checked: true });
  const delta = numberInput('tornado.deltaFraction', { id: 'tornado-delta', value: '20' });
  const tornado = h('fieldset', { class: 'box' }, h('legend', {}, 'Tornado'),
    h('div', { class: 'grid' },
      h('div', { class: 'field check' }, tornadoOn, h('label', { for: 'tornado-on' }, 'Move each input up and down')),
      field('By ± (%)', delta, 'Sent as a fraction: 20% → 0.2')));

  const runButton = h('button', { type: 'submit', id: 'run', class: 'primary' }, 'Run sweep');
  const progressHost = h('div', { class: 'progress-host' });
  const status = h('p', { id: 'result-status', class: 'result-status', 'aria-live': 'polite' });
  const results = h('section', { id: 'results', 'aria-labelledby': 'results-title' });
  form.append(summary, modes, whatIf, planBox, axes, tornado, h('div', { class: 'actions' }, runButton, progressHost));
  modes.addEventListener('change', () => { clearErrors(form, summary); setMode(mode()); });
  container.append(h('h1', { id: 'risk-title' }, 'Risk'),
    h('p', { class: 'lead' }, 'At which BTC price, hashprice or GPU rate does converting the next megawatts to AI pay, and which input moves the value most?'),
    form, status, results);
  const longRun = new LongRun(progressHost);

  // ---- request
  function num(el, { required = true } = {}) {
    if (el.validity && el.validity.badInput) throw new ClientError(el.dataset.field, 'is not a number');
    const v = el.value.trim();
    if (v === '') return required ? null : undefined;
    return Number(v);
  }
  function axis(a) {
    return { input: a.input.value, from: num(a.from), to: num(a.to), points: num(a.points) };
  }
  function request() {
    const d = num(delta);
    const axesAndTornado = {
      axes: second.checked ? [axis(axis0), axis(axis1)] : [axis(axis0)],
      tornado: tornadoOn.checked ? { deltaFraction: d === null ? null : d / 100 } : undefined,
    };
    if (mode() === 'plan') return { plan: pp.problem(), ...axesAndTornado };
    if (!sitePick.value) throw new ClientError('allocation.siteId', 'store a site first (What-if page, Save site)');
    return {
      allocation: {
        siteId: Number(sitePick.value),
        market: { energyPriceUsdPerMwh: num(energy), hours: num(hours), hashpriceUsdPerPhDay: num(hashprice) },
      },
      baseBtcPriceUsd: num(btc, { required: false }),
      ...axesAndTornado,
    };
  }
  // Errors about the stored site's own fields (allocation.site.*, allocation.asicFleets[0].units …, plan.aiOptions[0].…)
  // go next to the site pick of the what-if or of the plan.
  const known = new Set([...form.querySelectorAll('[data-field]')].map(el => el.dataset.field));
  const SITE_PICK = { allocation: 'allocation.siteId', plan: 'plan.site' };
  const place = errors => (errors || []).map(e => {
    const root = (e.field || '').split('.')[0];
    return SITE_PICK[root] && e.field.includes('.') && !known.has(e.field) && !e.field.startsWith('plan.site.')
      ? { field: SITE_PICK[root], reason: `${e.field.slice(root.length + 1)}: ${e.reason}` } : e;
  });

  async function run() {
    clearErrors(form, summary);
    status.textContent = '';
    try {
      const req = request();
      const points = req.axes.reduce((n, a) => n * (a.points || 1), 1);
      const view = req.plan ? VIEWS.plan : VIEWS.whatIf;
      // A durable job: the bar follows the server's progress, Cancel stops the run on the server too.
      const result = await longRun.run(`Sweeping ${f.num(points)} ${view.noun}…`, async (signal, report) => {
        const job = await postJson('/api/v1/sweeps/runs', req, { signal });
        const url = `/api/v1/sweeps/runs/${job.id}`;
        signal.addEventListener('abort', () => { deleteJson(url).catch(() => {}); }, { once: true });
        const end = await pollJob(url, {
          signal, report, getJson, intervalMs: 250,
          done: j => !['QUEUED', 'RUNNING'].includes(j.status),
          progress: j => [j.progressPercent / 100, `${j.status === 'QUEUED' ? 'Queued' : 'Solving'}: ${j.progressPercent}% of ${f.num(points)} points`],
        });
        if (end.status !== 'OPTIMAL') throw new ApiError(409, end.status, end.reason || `The sweep ended ${end.status}.`);
        return getJson(`${url}/result`, { signal });
      });
      last = { req, result, view };
      show(req, result, view);
    } catch (e) {
      showFailure(e, { form, summary, status, what: 'sweep', placeErrors: place,
        cancelled: 'Cancelled: the sweep was stopped before an answer came back. The inputs are unchanged.' });
    }
  }
  form.addEventListener('submit', e => { e.preventDefault(); if (!longRun.running) run(); });

  // ---- Monte Carlo and the stochastic plan (risk/monte-carlo.js), below the sweep
  mountMonteCarlo(container, { scenarios, sites });

  // ---- answer
  function show(req, r, view) {
    const ax = req.axes.map(a => a.input);
    const figs = h('div', { class: 'figures' });
    const b = r.base;
    results.replaceChildren(
      h('div', { class: 'results-head' }, h('h2', { id: 'results-title' }, 'Answer'),
        exportButtons('export', view.file, exportTables, status)),
      h('div', { class: 'result' },
        h('p', { class: 'status' }, `${f.num(r.stats.points)} points in ${f.num(r.stats.wallMs, 0)} ms on ${r.stats.threads} threads`,
          req.plan ? ` · ${f.num(r.lpModelsBuilt)} plan LPs built, the other points re-used one`
            : r.stats.sharedModel ? ` · one shared model of ${f.num(r.stats.hourBlocks)} hour blocks` : ' · one model per point'),
        b && Number.isFinite(view.net(b)) ? baseWords(req, b) : h('p', { class: 'headline bad' }, `At the base inputs the solver answered ${b?.status}.`),
        ax.length === 1 ? frontierList(r, ax[0]) : null,
        figs,
        h('div', { class: 'tables' }, r.tornado ? tornadoTable(r, view) : null, ax.length === 2 ? heatMap(r, ax, view) : null),
        pointsTable(r, ax, view)));
    drawCharts(figs, r, ax, view);
    results.dataset.status = b?.status || 'DONE';
    status.textContent = `Sweep ready: ${f.num(r.points.length)} points${r.frontier ? `, ${r.frontier.length} frontier step${r.frontier.length === 1 ? '' : 's'}` : ''}.`;
  }

  /** The base point in words: the what-if's MW and net value, or the optimal plan's NPV and MW at the horizon's end. */
  function baseWords(req, b) {
    if (!req.plan) {
      return h('p', { class: 'headline', id: 'risk-base' }, `${sitePick.selectedOptions[0]?.textContent || ''} at the base inputs: keep `,
        val(b.totalAsicItMw, f.mw), ' hashing and run ', val(b.totalAiItMw, f.mw), ' of AI racks; net value ', val(b.netUsd, f.usd), '.');
    }
    return h('p', { class: 'headline', id: 'risk-base' },
      `${pp.sitePick.selectedOptions[0]?.textContent || ''} on “${pp.scenarioPick.selectedOptions[0]?.textContent || ''}”, ${req.plan.months} months from ${req.plan.startMonth}, at the base inputs: the optimal plan is worth `,
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

  function drawCharts(into, r, ax, view) {
    const input = ax[0];
    const fmt = fmtOf(input);
    const xs = [...new Set(r.points.map(p => p.values[input]))];
    let aiSeries, netSeries, asicSeries = [];
    if (ax.length === 1) {
      aiSeries = view.lines.map(l => ({ label: l.label, values: r.points.map(l.get), width: 2, dash: l.dash }));
      netSeries = [{ label: `${view.valueLower} (USD)`, values: r.points.map(view.net), width: 2 }];
    } else {
      // one line per value of the second input (at most 8, evenly picked)
      const ys = [...new Set(r.points.map(p => p.values[ax[1]]))];
      const pick = ys.length <= 8 ? ys : Array.from({ length: 8 }, (_, i) => ys[Math.round(i * (ys.length - 1) / 7)]);
      const line = (y, get) => xs.map(x => { const p = r.points.find(q => q.values[input] === x && q.values[ax[1]] === y); return p ? get(p) : null; });
      aiSeries = pick.map(y => ({ label: `AI MW at ${fmtOf(ax[1])(y)}`, values: line(y, view.ai) }));
      netSeries = pick.map(y => ({ label: `${view.valueLower} at ${fmtOf(ax[1])(y)}`, values: line(y, view.net) }));
    }
    const clean = s => s.map(x => ({ ...x, values: x.values.map(v => (Number.isFinite(v) ? v : null)) }));
    const steps = r.frontier || [];
    const fig1 = figure('Pivot curve', ax.length === 1
      ? `Optimal AI and ASIC IT megawatts against the ${INPUTS[input]?.axis || input}. Dashed lines mark the frontier steps, where the optimal AI MW changes.`
      : `Optimal AI IT megawatts against the ${INPUTS[input]?.axis || input}, one line per ${INPUTS[ax[1]]?.axis || ax[1]}.`);
    fig1.box.id = 'chart-pivot';
    const fig2 = figure(view.value, `${view.valueWords[0].toUpperCase()}${view.valueWords.slice(1)} against the ${INPUTS[input]?.axis || input}.`);
    fig2.box.id = 'chart-npv';
    into.append(fig1, fig2);
    const plot = lineChart(fig1.box, { title: 'Optimal IT load (MW)', x: xs, xLabel: INPUTS[input]?.axis || input, xFmt: fmt, yLabel: 'IT load (MW)', yFmt: v => f.num(v, 1),
      series: clean([...aiSeries, ...asicSeries]),
      description: `Pivot curve: optimal AI and ASIC IT MW at ${xs.length} values of ${labelOf(input)}${steps.length ? `; frontier steps at ${steps.map(s => fmt(s.value)).join(', ')}` : ''}.` });
    if (steps.length) {
      fig1.box.dataset.markers = String(steps.length);
      plot.hooks.draw = [...(plot.hooks.draw || []), u => {
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = '#7b3fb5'; ctx.lineWidth = 1.5 * devicePixelRatio; ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
        for (const s of steps) {
          const x = Math.round(u.valToPos(s.value, 'x', true));
          ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
        }
        ctx.restore();
      }];
      // uPlot draws after a microtask, so the hook set here runs on the first draw and on every resize
    }
    lineChart(fig2.box, { title: `${view.value} (USD)`, x: xs, xLabel: INPUTS[input]?.axis || input, xFmt: fmt, yLabel: `${view.valueLower} (USD)`, yFmt: v => compactUsd(v),
      series: clean(netSeries), description: `${view.value} in USD at ${xs.length} values of ${labelOf(input)}.` });
    if (r.tornado?.length) {
      const fig3 = figure('Tornado', `${view.value} when each input moves down (left colour) or up, around the base ${f.usd(view.net(r.base))}; largest swing first.`);
      fig3.box.id = 'chart-tornado';
      fig3.classList.add('wide');
      into.append(fig3);
      tornadoChart(fig3.box, r, view);
    }
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

  function heatMap(r, ax, view) {
    const { xs, ys, at } = grid(r, ax);
    const max = Math.max(1e-9, ...r.points.map(p => (Number.isFinite(view.ai(p)) ? view.ai(p) : 0)));
    return h('section', { class: 'result-table', 'data-table': 'heatmap' }, h('div', { class: 'table-head' }, h('h3', {}, 'AI IT MW over the grid')),
      h('div', { class: 'scroll' }, h('table', { id: 'heatmap', class: 'heatmap', 'data-points': String(r.points.length) },
        h('caption', {}, `Rows: ${labelOf(ax[0])}; columns: ${labelOf(ax[1])}. Darker = more MW converted to AI.`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, `${INPUTS[ax[0]]?.axis || ax[0]} \\ ${INPUTS[ax[1]]?.axis || ax[1]}`),
          ys.map(y => h('th', { scope: 'col', class: 'n' }, fmtOf(ax[1])(y))))),
        h('tbody', {}, xs.map(x => h('tr', {}, h('th', { scope: 'row' }, fmtOf(ax[0])(x)), ys.map(y => {
          const p = at(x, y);
          const v = p && Number.isFinite(view.ai(p)) ? view.ai(p) : null;
          const a = v === null ? 0 : v / max;
          return h('td', { class: 'n', style: `background: rgba(31, 111, 235, ${(0.08 + 0.82 * a).toFixed(3)}); color: ${a > 0.5 ? '#fff' : 'inherit'}` },
            v === null ? (p?.status || '–') : val(v, x1 => f.num(x1, 1)));
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
   * The points as rows of {raw, text, key}: raw goes to the CSV and XLSX, key (the API's field) heads their column;
   * head is the page's column titles.
   */
  function pointRows(r, ax, view) {
    const ai = [...new Set(r.points.flatMap(p => Object.keys(p[view.byOption] || {})))];
    const asic = [...new Set(r.points.flatMap(p => Object.keys(p[view.byFleet] || {})))];
    const head = [...ax.map(labelOf), 'Status', ...view.columns.map(c => c.label), ...ai.map(k => `AI ${k} (MW)`), ...asic.map(k => `ASIC ${k} (MW)`)];
    const keys = [...ax, 'status', ...view.columns.map(c => c.key), ...ai.map(k => `${view.byOption}.${k}`), ...asic.map(k => `${view.byFleet}.${k}`)];
    const c = (raw, fmt) => ({ raw, text: fmt(raw) });
    const rows = r.points.map(p => [...ax.map(a => c(p.values[a], fmtOf(a))), { raw: p.status, text: p.status }, ...view.columns.map(col => c(p[col.key], col.fmt)),
      ...ai.map(k => c(p[view.byOption]?.[k], mwf)), ...asic.map(k => c(p[view.byFleet]?.[k], mwf))]
      .map((x, i) => ({ ...x, key: keys[i] })));
    return { head, keys, rows };
  }

  /** The grid of a two-input sweep: rows by the first input, columns by the second, cells AI IT MW (or the status). */
  function grid(r, ax) {
    const xs = [...new Set(r.points.map(p => p.values[ax[0]]))];
    const ys = [...new Set(r.points.map(p => p.values[ax[1]]))];
    const at = (x, y) => r.points.find(p => p.values[ax[0]] === x && p.values[ax[1]] === y);
    return { xs, ys, at };
  }

  /**
   * Every result table of the sweep as the CSV and the XLSX write them: the points, the tornado, the pivot frontier
   * (one input) or the AI MW grid (two inputs).
   */
  function exportTables() {
    const { view } = last;
    const ax = last.req.axes.map(a => a.input);
    const r = last.result;
    const { keys, rows } = pointRows(r, ax, view);
    const tables = [{ name: 'Points', columns: keys, rows: rows.map(row => row.map(x => x.raw)) }];
    if (r.tornado?.length) {
      const v = view.valueLower;
      tables.push({ name: 'Tornado', columns: ['input', 'low value', 'high value', `${v} at low (USD)`, `${v} at high (USD)`, 'swing (USD)'],
        rows: [...r.tornado].sort((a, b) => b.swingUsd - a.swingUsd).map(t => [t.input, t.lowValue, t.highValue, t.netUsdLow, t.netUsdHigh, t.swingUsd]) });
    }
    if (ax.length === 1) {
      tables.push({ name: 'Pivot frontier', columns: ['input', 'value', 'AI IT below (MW)', 'AI IT above (MW)', 'description'],
        rows: (r.frontier || []).map(s => [s.input, s.value, s.aiItMwBelow, s.aiItMwAbove, s.description]) });
    } else {
      const { xs, ys, at } = grid(r, ax);
      tables.push({ name: 'AI MW grid', columns: [`${ax[0]} \\ ${ax[1]}`, ...ys.map(y => `${ax[1]} = ${y}`)],
        rows: xs.map(x => [x, ...ys.map(y => { const p = at(x, y); return p && Number.isFinite(view.ai(p)) ? view.ai(p) : p?.status ?? null; })]) });
    }
    return tables;
  }
}

/** "$1.2M", "−$350k": short enough for an axis. */
function compactUsd(v) {
  const a = Math.abs(v);
  const s = a >= 1e9 ? `${f.num(a / 1e9, 1)}B` : a >= 1e6 ? `${f.num(a / 1e6, 1)}M` : a >= 1e3 ? `${f.num(a / 1e3, 0)}k` : f.num(a, 0);
  return `${v < 0 ? '−' : ''}$${s}`;
}

/**
 * Tornado: one horizontal bar per input from its net value at −delta to its net value at +delta, around a vertical
 * line at the base net value; largest swing on top. Drawn as SVG (uPlot has no tornado); data-points counts the bar ends.
 */
function tornadoChart(box, r, view) {
  drawTornado(box, r, view);
  let width = box.clientWidth;
  new ResizeObserver(() => {
    if (Math.abs(box.clientWidth - width) > 4) { width = box.clientWidth; drawTornado(box, r, view); }
  }).observe(box);
}

function drawTornado(box, r, view) {
  const bars = [...r.tornado].sort((a, b) => b.swingUsd - a.swingUsd);
  const base = view.net(r.base);
  const vals = bars.flatMap(t => [t.netUsdLow, t.netUsdHigh]).concat(base).filter(Number.isFinite);
  const lo = Math.min(...vals), hi = Math.max(...vals);
  const pad = (hi - lo) * 0.05 || Math.abs(base) * 0.05 || 1;
  const x0 = lo - pad, x1 = hi + pad;
  // drawn at the box's own width, so that text stays 12px at every screen width
  const W = Math.max(300, Math.floor(box.clientWidth || 600)), left = Math.min(170, Math.round(W * 0.36)), right = 24, top = 30, rowH = 30, bottom = 46;
  const H = top + rowH * bars.length + bottom;
  const X = v => left + ((v - x0) / (x1 - x0)) * (W - left - right);
  const NS = 'http://www.w3.org/2000/svg';
  const el = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'tornado-svg', 'aria-hidden': 'true', focusable: 'false' });
  svg.append(el('text', { x: W / 2, y: 18, 'text-anchor': 'middle', class: 't-title' }, `${view.value} at ± each input (USD)`));
  // ticks
  const ticks = W < 500 ? 3 : 5;
  for (let i = 0; i <= ticks; i++) {
    const v = x0 + ((x1 - x0) * i) / ticks;
    svg.append(el('line', { x1: X(v), x2: X(v), y1: top, y2: top + rowH * bars.length, class: 't-grid' }),
      el('text', { x: X(v), y: top + rowH * bars.length + 16, 'text-anchor': 'middle', class: 't-tick' }, compactUsd(v)));
  }
  svg.append(el('text', { x: left + (W - left - right) / 2, y: H - 8, 'text-anchor': 'middle', class: 't-axis' }, view.valueWords));
  bars.forEach((t, i) => {
    const y = top + i * rowH + 5, hgt = rowH - 10;
    const seg = (v, cls, what) => {
      const a = Math.min(X(base), X(v)), w = Math.max(1, Math.abs(X(v) - X(base)));
      const rect = el('rect', { x: a, y, width: w, height: hgt, class: cls });
      rect.append(el('title', {}, `${labelOf(t.input)} ${what}: ${view.valueLower} ${f.usd(v)}`));
      return rect;
    };
    svg.append(el('text', { x: left - 8, y: y + hgt / 2 + 4, 'text-anchor': 'end', class: 't-label' }, labelOf(t.input).replace(/ \(.*\)$/, '')),
      seg(t.netUsdLow, 't-low', `at ${fmtOf(t.input)(t.lowValue)}`), seg(t.netUsdHigh, 't-high', `at ${fmtOf(t.input)(t.highValue)}`));
  });
  svg.append(el('line', { x1: X(base), x2: X(base), y1: top - 4, y2: top + rowH * bars.length + 4, class: 't-base' }));
  box.replaceChildren(svg,
    h('p', { class: 'tornado-legend' }, h('span', { class: 'key key-low' }), ' input moved down  ', h('span', { class: 'key key-high' }), ' input moved up  ',
      h('span', { class: 'key key-base' }), ` base ${f.usd(base)}`));
  box.classList.add('chart', 'tornado');
  box.setAttribute('role', 'img');
  box.dataset.points = String(bars.reduce((n, t) => n + [t.netUsdLow, t.netUsdHigh].filter(Number.isFinite).length, 0));
  box.dataset.series = '2';
  box.setAttribute('aria-label', `Tornado of ${view.valueLower} around the base ${f.usd(base)}: ${bars.map(t => `${labelOf(t.input)} from ${f.usd(t.netUsdLow)} to ${f.usd(t.netUsdHigh)}`).join('; ')}.`);
}
