// Plans: pick or create a scenario and a site, write fixed plans ("convert 50 MW in 2027-Q2"), compare them with the
// optimizer's plan and staying on Bitcoin (POST /api/v1/plans/compare), or run the optimizer as a durable job
// (POST /api/v1/plans/runs, polled, cancellable). Every number taken from the answer carries data-key (its JSON path
// in the comparison, as a JSON array) and data-value, so tests can check the page says what the API said.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { h, field, numberInput, select, numOrNull } from '../lib/dom.js';
import { planAsicFleets, planAiOptions } from '../lib/plan-problem.js';
import { getJson, postJson, getAll, apiKey } from '../lib/api.js';
import { exportButtons } from '../lib/exports.js';
import { LongRun, isAbort, pollJob } from '../lib/longrun.js';
import { showErrors, clearErrors, showFailure, ClientError } from '../lib/fielderrors.js';
import { barChart, figure, COLORS } from '../lib/charts.js';
import * as f from '../lib/format.js';

const FINAL = ['OPTIMAL', 'FEASIBLE', 'INFEASIBLE', 'TIMED_OUT', 'FAILED', 'CANCELLED'];
const BASELINE = 'stay on Bitcoin';

let observers = [];
export function unmount() { observers.forEach(o => o.disconnect()); observers = []; }

const val = (path, value, fmt) => h('span', { class: 'num', 'data-key': JSON.stringify(path), 'data-value': String(value) }, fmt(value));
const monthSeconds = m => Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1) / 1000;
const monthLabel = s => new Date(s * 1000).toISOString().slice(0, 7);
const musd = v => `${f.num(v / 1e6, Math.abs(v) < 1e7 ? 1 : 0)} M$`;

/** A uPlot chart with the dashboard's conventions (class chart, role img, aria-label, data-points, data-series). */
function plot(container, opts, data, description) {
  container.replaceChildren();
  container.classList.add('chart');
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', description);
  container.dataset.points = String(data.slice(1).reduce((n, s) => n + s.filter(v => v !== null && Number.isFinite(v)).length, 0));
  container.dataset.series = String(data.length - 1);
  const width = () => Math.max(260, Math.floor(container.clientWidth || container.parentElement?.clientWidth || 600) - 2);
  const p = new uPlot({ ...opts, width: width() }, data, container);
  const ro = new ResizeObserver(() => { const w = width(); if (Math.abs(w - p.width) > 4) p.setSize({ width: w, height: opts.height }); });
  ro.observe(container);
  observers.push(ro);
  return p;
}
const axisFont = '12px system-ui, sans-serif';
const bold = 'bold 12px system-ui, sans-serif';
const timeAxes = (yLabel, yFmt) => [
  { label: 'month (UTC)', labelFont: bold, font: axisFont },
  { label: yLabel, labelFont: bold, font: axisFont, size: 72, values: (u, vals) => vals.map(yFmt) },
];

/** Cumulative cash by month, one line per plan, each plan's lowest month marked with a dot. */
function cashChart(box, plans) {
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
  const u = plot(box, { title: 'Cumulative cash by month (USD)', height: 300, scales: { x: { time: true } },
    tzDate: ts => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'), axes: timeAxes('cumulative cash (M$)', musd), series,
    legend: { live: true } }, data,
  `Cumulative cash by month for ${plans.map(p => `${p.name} (lowest ${p.lowestCashMonth}: ${f.usd(p.lowestCashUsd)})`).join('; ')}.`);
  // the lowest-month dots share their plan's colour: their legend rows would only repeat the plan names
  [...u.root.querySelectorAll('.u-legend .u-series')].slice(1 + plans.length).forEach(r => { r.hidden = true; r.style.display = 'none'; });
  return u;
}

/** MW by use over time for one plan: mining (mean dispatched) and each AI option online, stacked. */
function stackChart(box, p, options) {
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
  return plot(box, { title: `${p.name}: IT MW by use`, height: 240, scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.08)] } },
    tzDate: ts => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'), axes: timeAxes('IT load (MW)', v => f.num(v, 0)), series, legend: { live: true } },
  [x, ...order.map(i => cum[i])], `IT megawatts by use over time for ${p.name}, stacked: ${layers.map(l => l.label).join(', ')}.`);
}

export async function mount(container) {
  const [scenarios, sites] = await Promise.all([getJson('/api/v1/scenarios'), getAll('/api/v1/sites', 100)]);
  const state = { site: null, lastRequest: null, comparison: null };

  const form = h('form', { id: 'plans-form', novalidate: true, 'aria-labelledby': 'plans-title' });
  const summary = h('div', { id: 'form-errors', class: 'error-summary', role: 'alert', hidden: true });

  // ---- scenario: a stored one, or a new one saved here
  const scenarioPick = select('scenarioId', [{ value: '', label: scenarios.length ? 'Choose a stored scenario' : 'No stored scenarios yet' },
    ...scenarios.map(s => ({ value: String(s.id), label: s.name }))], { id: 'scenario-pick' });
  const sc = {
    name: h('input', { type: 'text', id: 'sc-name', 'data-field': 'scenario.name', autocomplete: 'off' }),
    btcPrice: numberInput('scenario.btc.priceUsd', { id: 'sc-btc-price', value: '65000' }),
    btcGrowth: numberInput('scenario.btc.annualGrowth', { id: 'sc-btc-growth', value: '0' }),
    difficulty: numberInput('scenario.btc.startDifficulty', { id: 'sc-difficulty', value: '1.2586e14' }),
    diffGrowth: numberInput('scenario.btc.difficultyGrowthPerMonth', { id: 'sc-diff-growth', value: '0.02' }),
    fees: numberInput('scenario.btc.feesBtcPerBlock', { id: 'sc-fees', value: '0.025' }),
    energy: numberInput('scenario.energy.flatPriceUsdPerMwh', { id: 'sc-energy', value: '45' }),
    escalation: numberInput('scenario.energy.annualEscalation', { id: 'sc-escalation', value: '0.02' }),
    gpuDecline: numberInput('scenario.ai.gpuRateDeclinePerYear', { id: 'sc-gpu-decline', value: '0.2' }),
    discount: numberInput('scenario.discountRate', { id: 'sc-discount', value: '0.10' }),
  };
  const scStatus = h('p', { id: 'scenario-status', class: 'hint', 'aria-live': 'polite' });
  const newScenario = h('details', { class: 'new-scenario', id: 'new-scenario' }, h('summary', {}, 'Create a scenario'),
    h('div', { class: 'grid' },
      field('Scenario name', sc.name), field('BTC price in the first month (USD)', sc.btcPrice), field('BTC price growth (fraction per year)', sc.btcGrowth),
      field('Network difficulty at the start', sc.difficulty), field('Difficulty growth (fraction per month)', sc.diffGrowth),
      field('Fees (BTC per block)', sc.fees), field('Energy price, flat (USD/MWh)', sc.energy), field('Energy escalation (fraction per year)', sc.escalation),
      field('GPU rate decline (fraction per year)', sc.gpuDecline), field('Discount rate (fraction per year)', sc.discount)),
    h('button', { type: 'button', id: 'save-scenario', class: 'secondary', onclick: () => saveScenario() }, 'Save scenario'));
  const scenarioSection = h('fieldset', { class: 'box' }, h('legend', {}, 'Scenario'),
    h('div', { class: 'row' }, field('Stored scenario', scenarioPick, 'BTC price, difficulty, energy, AI rates, discount rate')), newScenario, scStatus);

  // ---- site, horizon and finance
  const sitePick = select('', [{ value: '', label: sites.length ? 'Choose a stored site' : 'No stored sites yet' },
    ...sites.map(s => ({ value: String(s.id), label: s.name }))], { id: 'site-pick' });
  sitePick.removeAttribute('data-field');
  const si = {
    name: h('input', { type: 'text', id: 'site-name', 'data-field': 'site.name', autocomplete: 'off' }),
    interconnect: numberInput('site.interconnectMw', { id: 'site-interconnect' }),
    maxAi: numberInput('site.maxAiItMw', { id: 'site-max-ai' }),
    maxConv: numberInput('site.maxConversionMwPerMonth', { id: 'site-max-conversion' }),
    start: h('input', { type: 'text', id: 'start-month', 'data-field': 'startMonth', inputmode: 'numeric', placeholder: '2026-07', autocomplete: 'off' }),
    months: numberInput('months', { id: 'months', value: '60' }),
    cash: numberInput('finance.startingCashUsd', { id: 'finance-cash', value: '20000000' }),
    credit: numberInput('finance.creditLineUsd', { id: 'finance-credit' }),
    treasury: numberInput('finance.treasuryBtc', { id: 'finance-treasury', value: '0' }),
  };
  const now = new Date();
  si.start.value = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const siteStatus = h('p', { id: 'site-status', class: 'hint', 'aria-live': 'polite' });
  const fleetsText = h('p', { id: 'site-uses', class: 'hint', 'data-field': 'asicFleets' });
  const siteSection = h('fieldset', { class: 'box' }, h('legend', {}, 'Site, horizon and finance'),
    h('div', { class: 'row' }, field('Stored site', sitePick),
      h('button', { type: 'button', id: 'load-site', class: 'secondary', onclick: () => sitePick.value && loadSite(sites.find(s => String(s.id) === sitePick.value)) }, 'Load site'),
      h('button', { type: 'button', id: 'save-site', class: 'secondary', onclick: () => saveSite() }, 'Save as a new site')),
    fleetsText,
    h('div', { class: 'grid' },
      field('Site name', si.name), field('Interconnect (MW of site power)', si.interconnect), field('Largest AI IT load (MW)', si.maxAi, 'Empty: no limit'),
      field('Most AI MW started per month', si.maxConv, 'Empty: no limit'), field('First month', si.start, 'e.g. 2026-07'),
      field('Horizon (months)', si.months, '1 to 120'), field('Starting cash (USD)', si.cash), field('Credit line (USD)', si.credit, 'Empty: no cash limit'),
      field('Treasury BTC that may be sold', si.treasury)),
    siteStatus);

  // ---- fixed plans
  const plansBox = h('div', { id: 'plan-list' });
  const plansSection = h('fieldset', { class: 'box' }, h('legend', {}, 'Fixed plans'),
    h('p', { class: 'hint' }, 'Each plan fixes its decisions by month ("2027-06") or quarter ("2027-Q2", its first month): AI IT megawatts started per option, ASIC megawatts retired or bought per fleet, treasury BTC sold. Decisions not written are zero; only the dispatch is optimised. The optimizer\'s plan and staying on Bitcoin are always compared too.'),
    plansBox, h('button', { type: 'button', id: 'add-plan', class: 'secondary', onclick: () => { addPlan(); reindex(); } }, 'Add a plan'));

  const compareButton = h('button', { type: 'submit', id: 'compare', class: 'primary' }, 'Compare');
  const jobButton = h('button', { type: 'button', id: 'run-job', class: 'secondary' }, 'Run the optimizer as a job');
  const progressHost = h('div', { class: 'progress-host' });
  const status = h('p', { id: 'result-status', class: 'result-status', 'aria-live': 'polite' });
  const jobOut = h('section', { id: 'job-result', 'aria-live': 'polite' });
  const results = h('section', { id: 'results', 'aria-labelledby': 'results-title' });
  form.append(summary, scenarioSection, siteSection, plansSection, h('div', { class: 'actions' }, compareButton, jobButton, progressHost));
  container.append(h('h1', { id: 'plans-title' }, 'Plans'),
    h('p', { class: 'lead' }, 'What is converting megawatts to AI worth against staying on Bitcoin, over years, and when is cash lowest? Write plans, compare them side by side with the optimizer\'s.'),
    form, status, jobOut, results);
  const longRun = new LongRun(progressHost);

  const optionNames = () => (state.site?.aiOptions || []).map(o => o.name);
  const fleetNames = () => (state.site?.asicFleets || []).map(x => x.name);
  /**
   * The decisions a fixed plan fixes (api/plans/FixedPlanBody; models/PLANS.md): its JSON name, the id part of its
   * controls, what its name picks (none for treasury sales) and the unit of its amount. Decisions left out are zero.
   */
  const DECISIONS = [
    { key: 'aiStartsMw', id: 'step', title: 'AI starts', pick: 'AI option', amount: 'AI IT MW started', add: 'Add an AI start', names: optionNames },
    { key: 'asicRetiredMw', id: 'retire', title: 'ASIC retirements (sold for salvage)', pick: 'ASIC fleet', amount: 'ASIC IT MW retired', add: 'Add a retirement', names: fleetNames },
    { key: 'asicBoughtMw', id: 'buy', title: 'ASIC purchases', pick: 'ASIC fleet', amount: 'ASIC IT MW bought', add: 'Add a purchase', names: fleetNames,
      hint: 'Only when the scenario prices new machines (newPriceUsdPerTh); otherwise the service refuses the purchase.' },
    { key: 'treasurySoldBtc', id: 'sell', title: 'Treasury sales', pick: null, amount: 'BTC sold', add: 'Add a sale',
      hint: 'Sold from the treasury BTC given under finance.' },
  ];

  function addStep(list, d, step = {}) {
    const opt = d.pick ? select('', d.names().map(n => ({ value: n, label: n })), { class: 'step-option' }) : null;
    if (opt && step.name) opt.value = step.name;
    const month = h('input', { type: 'text', class: 'step-month', value: step.month || '', placeholder: '2027-Q2', autocomplete: 'off' });
    const amount = numberInput('', { class: 'step-amount', value: step.amount != null ? String(step.amount) : '' });
    const row = h('div', { class: 'step', dataset: { decision: d.key } },
      h('div', { class: 'grid' }, opt ? field(d.pick, opt) : null, field('Month or quarter', month), field(d.amount, amount)),
      h('button', { type: 'button', class: 'link remove', onclick: () => { row.remove(); reindex(); } }, `Remove this ${d.add.replace(/^Add an? /, '')}`));
    list.append(row);
  }

  /** plan: {name, aiStartsMw: [{name, month, amount}], asicRetiredMw, asicBoughtMw, treasurySoldBtc}; no AI start given → one empty row. */
  function addPlan(plan = {}) {
    const name = h('input', { type: 'text', class: 'plan-name', value: plan.name || '', autocomplete: 'off' });
    const groups = DECISIONS.map(d => {
      const list = h('div', { class: 'steps', dataset: { decision: d.key } });
      for (const st of plan[d.key] || (d.key === 'aiStartsMw' ? [{}] : [])) addStep(list, d, st);
      return h('fieldset', { class: `decision decision-${d.id}` }, h('legend', {}, d.title), d.hint ? h('p', { class: 'hint' }, d.hint) : null, list,
        h('button', { type: 'button', class: `secondary add-${d.id}`, onclick: () => { addStep(list, d); reindex(); list.lastElementChild.querySelector('select, input').focus(); } }, d.add));
    });
    const box = h('fieldset', { class: 'item plan' }, h('legend', {}, 'Plan'), field('Plan name', name), groups,
      h('div', { class: 'row' }, h('button', { type: 'button', class: 'link remove', onclick: () => { box.remove(); reindex(); } }, 'Remove this plan')));
    plansBox.append(box);
  }

  /** Sets the JSON paths (data-field) and ids of the plans' controls from their positions, as the API names them. */
  function reindex() {
    [...plansBox.querySelectorAll('fieldset.plan')].forEach((p, k) => {
      p.querySelector('legend').textContent = `Plan ${k + 1}`;
      p.querySelector('.plan-name').dataset.field = `plans[${k}].name`;
      p.querySelector('.plan-name').id = `plan-${k}-name`;
      for (const d of DECISIONS) {
        [...p.querySelectorAll(`.steps[data-decision="${d.key}"] > .step`)].forEach((s, j) => {
          const base = `plans[${k}].${d.key}[${j}]`;
          for (const [cls, prop] of [['step-option', 'name'], ['step-month', 'month'], ['step-amount', 'amount']]) {
            const el = s.querySelector(`.${cls}`);
            if (!el) continue;
            el.dataset.field = `${base}.${prop}`;
            el.id = `plan-${k}-${d.id}-${j}-${prop}`;
          }
        });
      }
    });
    fixIds();
  }
  // ids given by reindex() must stay unique: the field() helper gave each control an id and a matching error id
  const fixIds = () => {
    for (const el of plansBox.querySelectorAll('.plan-name, .step-option, .step-month, .step-amount')) {
      const err = el.parentElement.querySelector('.field-error');
      const label = el.parentElement.querySelector('label');
      if (err) err.id = `${el.id}-error`;
      if (label) label.setAttribute('for', el.id);
      el.setAttribute('aria-describedby', err ? err.id : '');
    }
  };

  function loadSite(s) {
    state.site = s;
    si.name.value = s.name;
    si.interconnect.value = s.interconnectMw ?? '';
    si.maxAi.value = s.maxAiItMw ?? '';
    sitePick.value = String(s.id);
    fleetsText.textContent = `ASIC fleets: ${s.asicFleets.map(x => `${x.name} (${f.num(x.units)} × ${x.model || 'custom'})`).join('; ') || 'none'}. `
      + `AI options: ${s.aiOptions.map(x => x.name).join('; ') || 'none'}.`;
    for (const sel of plansBox.querySelectorAll('.step-option')) {
      const opts = DECISIONS.find(d => d.key === sel.closest('.step').dataset.decision).names();
      const keep = sel.value;
      sel.replaceChildren(...opts.map(n => h('option', { value: n }, n)));
      if (opts.includes(keep)) sel.value = keep;
    }
    siteStatus.textContent = `Loaded site “${s.name}”.`;
  }

  function problem() {
    if (!state.site) throw new ClientError('site.name', 'choose a stored site and press Load site');
    if (!scenarioPick.value) throw new ClientError('scenarioId', 'choose a stored scenario, or create one');
    const s = state.site;
    return {
      scenarioId: Number(scenarioPick.value),
      site: { name: si.name.value.trim() || s.name, interconnectMw: numOrNull(si.interconnect), maxAiItMw: numOrNull(si.maxAi),
        maxConversionMwPerMonth: numOrNull(si.maxConv) },
      asicFleets: planAsicFleets(s),
      aiOptions: planAiOptions(s),
      finance: { startingCashUsd: numOrNull(si.cash), creditLineUsd: numOrNull(si.credit), treasuryBtc: numOrNull(si.treasury) },
      startMonth: si.start.value.trim() || null,
      months: numOrNull(si.months),
    };
  }

  function fixedPlans() {
    return [...plansBox.querySelectorAll('fieldset.plan')].map(p => {
      const plan = { name: p.querySelector('.plan-name').value.trim() };
      for (const d of DECISIONS) {
        const steps = [...p.querySelectorAll(`.steps[data-decision="${d.key}"] > .step`)].map(s => ({
          ...(d.pick ? { name: s.querySelector('.step-option').value || null } : {}),
          month: s.querySelector('.step-month').value.trim() || null, amount: numOrNull(s.querySelector('.step-amount')) }));
        if (steps.length || d.key === 'aiStartsMw') plan[d.key] = steps;
      }
      return plan;
    });
  }

  function fail(e, what) {
    showFailure(e, { form, summary, status, what, cancelled: `Cancelled: the ${what} was stopped. The inputs are unchanged.`,
      // the compare endpoint names the problem's fields under "problem."
      placeErrors: errors => errors.map(x => ({ ...x, field: (x.field || '').replace(/^problem\.?/, '') })) });
  }

  async function compare() {
    clearErrors(form, summary);
    status.textContent = '';
    try {
      const req = { problem: problem(), plans: fixedPlans() };
      const out = await longRun.run('Comparing plans: one LP per plan…', signal => postJson('/api/v1/plans/compare', req, { signal }));
      state.lastRequest = req; state.comparison = out;
      show(out);
    } catch (e) { fail(e, 'comparison'); }
  }

  async function runJob() {
    clearErrors(form, summary);
    status.textContent = '';
    jobOut.replaceChildren();
    let run = null;
    try {
      const req = problem();
      const job = await longRun.run('Submitting the plan run…', async (signal, report) => {
        run = await postJson('/api/v1/plans/runs', req, { signal });
        const url = `/api/v1/plans/runs/${run.id}`;
        return pollJob(url, { signal, report, getJson, intervalMs: 700,
          done: j => FINAL.includes(j.status),
          progress: j => [j.progressPercent / 100, `Plan run ${j.id}: ${j.status}, ${j.progressPercent}%`] });
      });
      jobOut.dataset.status = job.status;
      const head = h('p', { id: 'job-status', class: 'result-status' }, `Plan run ${job.id} finished: ${job.status}${job.reason ? ` (${job.reason})` : ''}.`);
      jobOut.replaceChildren(h('h2', {}, 'The optimizer\'s plan (job)'), head);
      if (job.resultUrl) {
        const r = await getJson(job.resultUrl);
        jobOut.append(jobSummary(r));
      }
    } catch (e) {
      if (isAbort(e) && run) {
        try {
          const res = await fetch(`/api/v1/plans/runs/${run.id}`, { method: 'DELETE', headers: { Accept: 'application/json', ...(apiKey() ? { 'X-API-Key': apiKey() } : {}) } });
          // 409: it finished before the cancel reached it
          const j = res.ok ? await res.json() : await getJson(`/api/v1/plans/runs/${run.id}`);
          jobOut.dataset.status = j.status;
          jobOut.replaceChildren(h('p', { id: 'job-status', class: 'result-status' }, res.ok
            ? `Plan run ${run.id} cancelled: ${j.status === 'CANCELLED' ? 'it will not run' : `${j.status}, stopping`}.`
            : `Plan run ${run.id} had already finished (${j.status}) when the cancel reached it.`));
          status.textContent = res.ok ? 'Cancelled: the plan run was stopped.' : '';
        } catch (e2) {
          status.textContent = `The cancel did not reach the service: ${e2.message}`;
        }
      } else fail(e, 'plan run');
    }
  }

  function jobSummary(r) {
    const steps = r.decisions?.aiStartsMw || [];
    return h('div', { class: 'job-summary' },
      h('p', { class: 'headline' }, 'NPV ', val(['npvUsd'], r.npvUsd, f.usd), ', ', val(['incrementalNpvUsd'], r.incrementalNpvUsd, f.usd),
        ' against staying on Bitcoin; IRR ', r.incrementalIrrAnnual == null ? 'none' : val(['incrementalIrrAnnual'], r.incrementalIrrAnnual, f.pct),
        '; payback ', r.paybackMonth || `none (${r.paybackNote || 'no answer'})`, '; cash lowest in ', r.lowestCashMonth || '–', ' at ', val(['lowestCashUsd'], r.lowestCashUsd, f.usd), '.'),
      h('p', {}, steps.length ? `AI starts: ${steps.map(s => `${f.mw(s.amount, 1)} of ${s.name} in ${s.month}`).join('; ')}.` : 'It starts no AI megawatts.'),
      steps.length ? h('button', { type: 'button', id: 'add-job-plan', class: 'secondary', onclick: () => {
        const copy = list => (list || []).map(s => ({ name: s.name, month: s.month, amount: +s.amount.toFixed(3) }));
        const d = r.decisions;
        addPlan({ name: `optimizer's decisions (job ${r.name || ''})`.replace(' ()', ''), aiStartsMw: copy(steps),
          asicRetiredMw: copy(d.asicRetiredMw), asicBoughtMw: copy(d.asicBoughtMw), treasurySoldBtc: copy(d.treasurySoldBtc) });
        reindex();
      } }, 'Add these decisions as a fixed plan') : null);
  }

  // ---- results
  function show(c) {
    const plans = c.plans;
    const options = optionNames();
    const base = plans.find(p => p.name === BASELINE);
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
    const table = h('div', { class: 'scroll' }, h('table', { id: 'plans-table', class: 'compare-table' },
      h('thead', {}, h('tr', {}, head.map((t, i) => h('th', { scope: 'col', class: i > 1 && i !== 5 && i !== 6 ? 'n' : null }, t)))),
      h('tbody', {}, rows.map(r => h('tr', {}, r.map((v, i) => (i === 0 ? h('th', { scope: 'row' }, v) : h('td', { class: i > 1 && i !== 5 && i !== 6 ? 'n' : null }, v))))))));
    const uses = ['mining', ...options];
    const revRows = uses.map(u => [u === 'mining' ? 'Bitcoin mining' : `AI: ${u}`, ...plans.map((p, i) => {
      const v = p.revenuePerItMwhUsd?.[u];
      return v == null ? '–' : val(['plans', i, 'revenuePerItMwhUsd', u], v, f.usdPerMwh);
    })]);
    const revTable = h('div', { class: 'scroll' }, h('table', { id: 'revenue-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Revenue per MWh of IT energy'), plans.map(p => h('th', { scope: 'col', class: 'n' }, p.name)))),
      h('tbody', {}, revRows.map(r => h('tr', {}, h('th', { scope: 'row' }, r[0]), r.slice(1).map(v => h('td', { class: 'n' }, v)))))));

    const words = h('ul', { class: 'plain-words', id: 'plans-words' }, plans.filter(p => p !== base).map(p => {
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
      words.append(h('li', {}, 'Staying on Bitcoin is worth ', val(['plans', plans.indexOf(base), 'npvUsd'], base.npvUsd, f.usd), ' of NPV; its cash is lowest in ',
        base.lowestCashMonth, ' at ', val(['plans', plans.indexOf(base), 'lowestCashUsd'], base.lowestCashUsd, f.usd), '.'));
    }
    // what the service filled in the stored prices the plans replay (the same for every plan of the comparison)
    (plans.find(p => p.dataNotes?.length)?.dataNotes || []).forEach(n => words.append(h('li', { class: 'data-note' }, `Data: ${n}.`)));

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
    results.replaceChildren(
      h('div', { class: 'results-head' }, h('h2', { id: 'results-title' }, 'Plans side by side'),
        h('div', { class: 'export-buttons' }, exportButtons('export', 'gridpivot-plans', () => exportTables(c), status),
          h('button', { type: 'button', id: 'print-summary', class: 'secondary', onclick: () => window.print() }, 'Print summary'))),
      h('p', { class: 'print-only print-heading', id: 'print-heading' },
        `Plan summary · site ${si.name.value || state.site?.name || ''} · scenario ${scenarioPick.selectedOptions[0]?.textContent || ''} · ${c.months} months from ${c.startMonth} · printed ${new Date().toISOString().slice(0, 10)}`),
      words,
      h('div', { class: 'figures summary-figures' }, npvFig, cashFig),
      h('h3', {}, 'Payback and IRR'), table,
      h('h3', { class: 'not-in-summary' }, 'MW by use over time'), h('div', { class: 'figures stack-figures not-in-summary' }, stackFigs),
      h('div', { class: 'figures not-in-summary' }, revFig, h('div', { class: 'result-table' }, revTable)));
    const withNpv = plans.filter(p => p.npvUsd != null);
    // short category names under the bars (long plan names overlap); the caption says which plan is which
    const short = p => (p.name === 'optimized' ? 'best' : p.name === BASELINE ? 'Bitcoin' : `plan ${plans.indexOf(p) - 1}`);
    npvFig.querySelector('figcaption').textContent = `NPV at the scenario's discount rate, millions of dollars. ${withNpv
      .map(p => `${short(p)}: ${p.name === 'optimized' ? 'the optimizer\'s plan' : p.name}`).join('; ')}.`;
    barChart(npvFig.box, { title: 'NPV by plan (M$)', categories: withNpv.map(short), yLabel: 'NPV (M$)', yFmt: v => f.num(v, 0), height: 300,
      series: [{ label: 'NPV', values: withNpv.map(p => p.npvUsd / 1e6) }], description: `NPV by plan: ${withNpv.map(p => `${p.name} ${f.usd(p.npvUsd)}`).join('; ')}.` });
    if (ok.length) cashChart(cashFig.box, ok);
    ok.forEach((p, i) => stackChart(stackFigs[i].box, p, options));
    barChart(revFig.box, { title: 'Revenue per MWh of IT energy (USD/MWh)', categories: uses.map(u => (u === 'mining' ? 'Bitcoin' : u)), yLabel: 'USD/MWh', yFmt: v => f.num(v, 0),
      series: ok.map(p => ({ label: p.name, values: uses.map(u => p.revenuePerItMwhUsd?.[u] ?? null) })),
      description: 'Revenue per MWh of IT energy, Bitcoin mining against AI, for each plan.' });
    results.dataset.status = plans.every(p => p.npvUsd != null) ? 'OK' : 'PARTIAL';
    status.textContent = `Compared ${plans.length} plans over ${c.months} months from ${c.startMonth}.`;
  }

  /** The result tables, as the CSV and the XLSX export both write them. */
  function exportTables(c) {
    const options = optionNames();
    return [
      { name: 'Plans', columns: ['plan', 'status', 'npv (USD)', 'npv against stay on Bitcoin (USD)', 'irr against stay on Bitcoin (fraction per year)', 'payback month', 'payback months', 'lowest cash month', 'lowest cash (USD)'],
        rows: c.plans.map(p => [p.name, p.status, p.npvUsd, p.incrementalNpvUsd, p.incrementalIrrAnnual, p.paybackMonth, p.paybackMonths, p.lowestCashMonth, p.lowestCashUsd]) },
      { name: 'Revenue per MWh of IT energy', columns: ['plan', 'use', 'revenue (USD/MWh)'],
        rows: c.plans.flatMap(p => Object.entries(p.revenuePerItMwhUsd || {}).map(([u, v]) => [p.name, u, v])) },
      { name: 'Monthly', columns: ['plan', 'month', 'cash flow (USD)', 'cumulative cash (USD)', 'mining (MW)', ...options.map(o => `AI online: ${o} (MW)`)],
        rows: c.plans.flatMap(p => (p.monthly || []).map(r => [p.name, r.month, r.cashFlowUsd, r.cumulativeCashUsd, r.miningMw, ...options.map(o => r.aiOnlineMw?.[o] ?? 0)])) },
    ];
  }

  async function saveScenario() {
    clearErrors(form, summary);
    const body = {
      name: sc.name.value.trim(),
      btc: { priceUsd: numOrNull(sc.btcPrice), annualGrowth: numOrNull(sc.btcGrowth), startDifficulty: numOrNull(sc.difficulty),
        difficultyGrowthPerMonth: numOrNull(sc.diffGrowth), feesBtcPerBlock: numOrNull(sc.fees) },
      energy: { flatPriceUsdPerMwh: numOrNull(sc.energy), annualEscalation: numOrNull(sc.escalation) },
      ai: { gpuRateDeclinePerYear: numOrNull(sc.gpuDecline) },
      discountRate: numOrNull(sc.discount),
    };
    try {
      const saved = await postJson('/api/v1/scenarios', body);
      scenarioPick.append(h('option', { value: String(saved.id) }, saved.name));
      scenarioPick.value = String(saved.id);
      scStatus.textContent = `Saved scenario “${saved.name}”.`;
    } catch (e) {
      const errors = (e.errors || []).map(x => ({ ...x, field: `scenario.${x.field}` }));
      showErrors(form, summary, errors, e.detail || e.message);
      scStatus.textContent = 'The scenario was not saved.';
    }
  }

  async function saveSite() {
    clearErrors(form, summary);
    if (!state.site) { showErrors(form, summary, [{ field: 'site.name', reason: 'load a stored site first: its fleets and AI options are copied' }]); return; }
    const s = state.site;
    const body = { name: si.name.value.trim(), interconnectMw: numOrNull(si.interconnect), maxAiItMw: numOrNull(si.maxAi), minAiItMw: s.minAiItMw,
      capexBudgetUsd: s.capexBudgetUsd, marketNode: s.marketNode, notes: s.notes, asicFleets: s.asicFleets, aiOptions: s.aiOptions };
    try {
      const saved = await postJson('/api/v1/sites', body);
      sites.push(saved);
      sitePick.append(h('option', { value: String(saved.id) }, saved.name));
      loadSite(saved);
      siteStatus.textContent = `Saved site “${saved.name}”.`;
    } catch (e) {
      const errors = (e.errors || []).map(x => ({ ...x, field: /^(asicFleets|aiOptions)/.test(x.field) ? 'asicFleets' : `site.${x.field}` }));
      showErrors(form, summary, errors, e.detail || e.message);
      siteStatus.textContent = 'The site was not saved.';
    }
  }

  form.addEventListener('submit', e => { e.preventDefault(); if (!longRun.running) compare(); });
  jobButton.addEventListener('click', () => { if (!longRun.running) runJob(); });

  // ---- initial content
  if (scenarios.length) scenarioPick.value = String(scenarios[0].id);
  if (sites.length) loadSite(sites.find(s => s.name === 'West Texas demo') || sites[0]);
  const y = now.getUTCFullYear() + 1;
  addPlan({ name: `convert 50 MW in ${y}-Q2`, aiStartsMw: [{ name: optionNames()[0], month: `${y}-Q2`, amount: 50 }] });
  reindex();
}
