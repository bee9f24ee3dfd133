// Risk page, second half: Monte Carlo of fixed plans over BTC price paths (POST /api/v1/risk/montecarlo/runs) and a
// two-stage stochastic plan over 2–3 BTC price scenarios (POST /api/v1/risk/stochastic/runs). Both are durable jobs:
// polled with pollJob, shown with LongRun, cancelled with DELETE. Both share one small plan problem: a stored scenario,
// a stored site (its fleets and AI options as stored), a first month, a horizon and starting cash.
// Numbers taken from an answer carry data-key and data-value (the raw number) so tests can compare them with the API.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { h, field, numberInput, select, numOrNull } from '../lib/dom.js';
import { planProblemControls } from '../lib/plan-problem.js';
import { getJson, postJson, deleteJson, ApiError } from '../lib/api.js';
import { LongRun, isAbort, pollJob } from '../lib/longrun.js';
import { showErrors, clearErrors, showFailure } from '../lib/fielderrors.js';
import { figure, COLORS } from '../lib/charts.js';
import { exportButtons } from '../lib/exports.js';
import * as f from '../lib/format.js';

const HAS_RESULT = ['OPTIMAL', 'FEASIBLE', 'INFEASIBLE', 'TIMED_OUT'];
const BASELINE = /^stay on Bitcoin/;
const val = (key, value, fmt) => h('span', { class: 'num', 'data-key': key, 'data-value': String(value) }, fmt(value));
const usd0 = v => f.usd(Math.abs(v) < 0.5 ? 0 : v, 0);
const short = v => {
  const a = Math.abs(v);
  const s = a >= 1e9 ? `${f.num(a / 1e9, 1)}B` : a >= 1e6 ? `${f.num(a / 1e6, 1)}M` : a >= 1e3 ? `${f.num(a / 1e3, 0)}k` : f.num(a, 0);
  return `${v < 0 ? '−' : ''}$${s}`;
};
const planLabel = n => (n === 'optimized' ? 'The optimizer\'s plan' : BASELINE.test(n) ? 'Staying on Bitcoin' : `“${n}”`);

/** A histogram: bars over [edges[b], edges[b+1]) with USD on x and path counts on y. */
function histogram(box, hist, title, color) {
  const edges = hist.edgesUsd, counts = hist.counts;
  const mids = counts.map((_, b) => (edges[b] + edges[b + 1]) / 2);
  const widthUsd = edges.length > 1 ? (edges[edges.length - 1] - edges[0]) / counts.length : 1;
  box.replaceChildren();
  box.classList.add('chart');
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', `${title}: ${counts.reduce((a, c) => a + c, 0)} paths in ${counts.length} bins from ${f.usd(edges[0])} to ${f.usd(edges[edges.length - 1])}.`);
  box.dataset.points = String(counts.length);
  box.dataset.series = '1';
  const w = () => Math.max(260, Math.floor(box.clientWidth || box.parentElement?.clientWidth || 500) - 2);
  const lo = edges[0], hi = edges[edges.length - 1];
  const pad = hi > lo ? 0 : Math.max(1, Math.abs(lo) * 0.05);
  const opts = {
    title, height: 220,
    scales: { x: { time: false, range: () => [lo - pad - widthUsd * 0.02, hi + pad + widthUsd * 0.02] }, y: { range: (u, mn, mx) => [0, Math.max(1, mx * 1.1)] } },
    axes: [
      { label: 'NPV (USD)', labelFont: 'bold 12px system-ui, sans-serif', font: '12px system-ui, sans-serif', values: (u, vs) => vs.map(short) },
      { label: 'paths', labelFont: 'bold 12px system-ui, sans-serif', font: '12px system-ui, sans-serif', size: 50, values: (u, vs) => vs.map(v => f.num(v, 0)) },
    ],
    series: [
      { label: 'NPV bin', value: (u, v, si, i) => (i == null ? '–' : `${f.usd(edges[i])} to ${f.usd(edges[i + 1])}`) },
      { label: 'paths', stroke: color, fill: `${color}bb`, width: 1, points: { show: false },
        paths: uPlot.paths.bars({ size: [0.95, Infinity], align: 0 }), value: (u, v) => (v == null ? '–' : f.num(v, 0)) },
    ],
    legend: { live: true },
    cursor: { points: { show: false } },
  };
  const plot = new uPlot({ ...opts, width: w() }, [mids, counts], box);
  new ResizeObserver(() => { const nw = w(); if (Math.abs(nw - plot.width) > 4) plot.setSize({ width: nw, height: opts.height }); }).observe(box);
  return plot;
}

export async function mountMonteCarlo(container) {
  const [scenarios, sitesPage] = await Promise.all([getJson('/api/v1/scenarios'), getJson('/api/v1/sites?page=0&size=100')]);
  const sites = sitesPage.items;
  const y = new Date().getUTCFullYear() + 1;

  // ---- the plan problem, shared by both runs
  const pp = planProblemControls({ scenarios, sites, idPrefix: 'mc', fieldPrefix: 'problem' });
  const { scenarioPick, sitePick } = pp;
  const problemBox = h('fieldset', { class: 'box' }, h('legend', {}, 'Plan problem'),
    h('p', { class: 'hint' }, 'The stored site\'s fleets and AI options as stored; edit scenarios and sites on the Plans page. Both runs below use this problem.'),
    pp.grid);

  // ---- two fixed plans, one step each
  const optionsOf = () => (sites.find(s => String(s.id) === sitePick.value)?.aiOptions || []).map(o => o.name);
  const planRows = [0, 1].map(k => {
    const name = h('input', { type: 'text', id: `mc-plan-${k}-name`, 'data-field': `plans[${k}].name`, autocomplete: 'off' });
    const opt = select(`plans[${k}].aiStartsMw[0].name`, [], { id: `mc-plan-${k}-option` });
    const month = h('input', { type: 'text', id: `mc-plan-${k}-month`, 'data-field': `plans[${k}].aiStartsMw[0].month`, placeholder: '2027-Q2', autocomplete: 'off' });
    const amount = numberInput(`plans[${k}].aiStartsMw[0].amount`, { id: `mc-plan-${k}-amount` });
    return { name, opt, month, amount,
      grid: h('div', { class: 'grid' }, field(`Plan ${k + 1} name`, name, k ? 'Empty: only one plan' : null), field('AI option', opt), field('Month or quarter', month), field('AI IT MW started', amount)) };
  });
  const fillOptions = () => {
    for (const r of planRows) {
      const keep = r.opt.value;
      r.opt.replaceChildren(...optionsOf().map(n => h('option', { value: n }, n)));
      if (optionsOf().includes(keep)) r.opt.value = keep;
    }
  };
  sitePick.addEventListener('change', fillOptions);
  fillOptions();
  planRows[0].name.value = `convert 20 MW in ${y}-Q2`; planRows[0].month.value = `${y}-Q2`; planRows[0].amount.value = '20';
  planRows[1].name.value = `convert 40 MW in ${y}-Q4`; planRows[1].month.value = `${y}-Q4`; planRows[1].amount.value = '40';
  const paths = numberInput('paths', { id: 'mc-paths', value: '500', step: '1', inputmode: 'numeric' });
  const seed = numberInput('seed', { id: 'mc-seed', value: '1', step: '1', inputmode: 'numeric' });
  // the price model: GBM shocks, or blocks of the BTC history's own monthly returns; and the spread of fees
  const priceModel = select('priceModel', [{ value: 'GBM', label: 'GBM: normal monthly shocks' }, { value: 'BOOTSTRAP', label: 'Bootstrap: blocks of the BTC history' }],
    { id: 'mc-price-model' });
  const blockLength = numberInput('blockLengthMonths', { id: 'mc-block-months', value: '6', step: '1', inputmode: 'numeric' });
  const blockField = field('Block length (months)', blockLength, 'Consecutive months of history per block');
  blockField.hidden = true;
  priceModel.addEventListener('change', () => { blockField.hidden = priceModel.value !== 'BOOTSTRAP'; });
  const feeSd = numberInput('feeSd', { id: 'mc-fee-sd', value: '0', min: '0', max: '3' });
  // The fee history's own sd comes with every answer (model.feeCalibration.feeSd); after a run it is offered here.
  const feeField = field('Fee factor sd (of ln F)', feeSd, '0 = fees as in the scenario; the fee history\'s sd is offered after a run');
  const feeHint = feeField.querySelector('.hint');
  function offerFeeSd(calibrated) {
    if (!Number.isFinite(calibrated)) return;
    const use = h('button', { type: 'button', class: 'link', id: 'mc-fee-sd-use' }, `use ${f.num(calibrated, 3)}`);
    use.addEventListener('click', () => { feeSd.value = String(calibrated); feeSd.focus(); });
    feeHint.replaceChildren(`0 = fees as in the scenario; the fee history's sd is ${f.num(calibrated, 3)}: `, use);
  }
  const mcBox = h('fieldset', { class: 'box' }, h('legend', {}, 'Fixed plans and paths'),
    h('p', { class: 'hint' }, 'Each plan starts AI megawatts once; the optimizer\'s plan at the scenario and staying on Bitcoin are evaluated on the same paths.'),
    planRows.map(r => r.grid),
    h('div', { class: 'grid' }, field('Paths', paths, 'BTC price paths, e.g. 500'), field('Seed', seed, 'The same seed gives the same answer')),
    h('div', { class: 'grid' }, field('BTC price model', priceModel, 'How the paths wander around the scenario'), blockField, feeField));

  const mcForm = h('form', { id: 'mc-form', novalidate: true, 'aria-labelledby': 'mc-title' });
  const mcSummary = h('div', { id: 'mc-errors', class: 'error-summary', role: 'alert', hidden: true });
  const mcRun = h('button', { type: 'submit', id: 'mc-run', class: 'primary' }, 'Run Monte Carlo');
  const mcProgress = h('div', { class: 'progress-host' });
  const mcStatus = h('p', { id: 'mc-status', class: 'result-status', 'aria-live': 'polite' });
  const mcResults = h('section', { id: 'mc-results', 'aria-label': 'Monte Carlo answer' });
  mcForm.append(mcSummary, problemBox, mcBox, h('div', { class: 'actions' }, mcRun, mcProgress));
  const mcLong = new LongRun(mcProgress);
  mcLong.bar.id = 'mc-progress'; mcLong.cancelButton.id = 'mc-cancel';

  // ---- stochastic plan
  const scRows = [['bull', '0.4', '120000'], ['bear', '0.6', '50000'], ['', '', '']].map(([n, p, b], k) => {
    const name = h('input', { type: 'text', id: `st-sc-${k}-name`, 'data-field': `scenarios[${k}].name`, autocomplete: 'off', value: n });
    const prob = numberInput(`scenarios[${k}].probability`, { id: `st-sc-${k}-prob`, value: p });
    const btc = numberInput(`scenarios[${k}].scenario.btc.priceUsd`, { id: `st-sc-${k}-btc`, value: b });
    return { name, prob, btc, grid: h('div', { class: 'grid' }, field(`Scenario ${k + 1}`, name, k === 2 ? 'Empty: two scenarios' : null),
      field('Probability', prob), field('BTC price (USD)', btc, 'In the first month; the rest as in the stored scenario')) };
  });
  const alpha = numberInput('cvar.alpha', { id: 'st-alpha' });
  const weight = numberInput('cvar.weight', { id: 'st-weight' });
  const stForm = h('form', { id: 'st-form', novalidate: true, 'aria-labelledby': 'st-title' });
  const stSummary = h('div', { id: 'st-errors', class: 'error-summary', role: 'alert', hidden: true });
  const stRun = h('button', { type: 'submit', id: 'st-run', class: 'primary' }, 'Plan for all scenarios');
  const stProgress = h('div', { class: 'progress-host' });
  const stStatus = h('p', { id: 'st-status', class: 'result-status', 'aria-live': 'polite' });
  const stResults = h('section', { id: 'st-results', 'aria-label': 'Stochastic plan answer' });
  stForm.append(stSummary,
    h('fieldset', { class: 'box' }, h('legend', {}, 'Scenarios'),
      h('p', { class: 'hint' }, 'Uses the plan problem above. Probabilities must add up to 1.'), scRows.map(r => r.grid)),
    h('fieldset', { class: 'box' }, h('legend', {}, 'Risk term (optional)'),
      h('div', { class: 'grid' }, field('CVaR α', alpha, '0.9 = the worst 10 %; empty: risk-neutral'), field('CVaR weight λ', weight, '0 to 1'))),
    h('div', { class: 'actions' }, stRun, stProgress));
  const stLong = new LongRun(stProgress);
  stLong.bar.id = 'st-progress'; stLong.cancelButton.id = 'st-cancel';

  container.append(
    h('section', { id: 'mc-section', class: 'risk-part', 'aria-labelledby': 'mc-title' }, h('h2', { id: 'mc-title' }, 'Monte Carlo'),
      h('p', { class: 'lead' }, 'How often does a plan lose money against staying on Bitcoin when the BTC price wanders?'), mcForm, mcStatus, mcResults),
    h('section', { id: 'st-section', class: 'risk-part', 'aria-labelledby': 'st-title' }, h('h2', { id: 'st-title' }, 'Stochastic plan'),
      h('p', { class: 'lead' }, 'One conversion plan for several BTC futures: what is planning for the uncertainty worth (VSS), and knowing the future (EVPI)?'),
      stForm, stStatus, stResults));

  // ---- requests
  const problem = pp.problem;
  function mcRequest() {
    const plans = planRows.filter((r, k) => k === 0 || r.name.value.trim()).map(r => ({ name: r.name.value.trim(),
      aiStartsMw: [{ name: r.opt.value || null, month: r.month.value.trim() || null, amount: numOrNull(r.amount) }] }));
    const bootstrap = priceModel.value === 'BOOTSTRAP';
    return { problem: problem(), plans, paths: numOrNull(paths), seed: numOrNull(seed), priceModel: priceModel.value,
      blockLengthMonths: bootstrap ? numOrNull(blockLength) : undefined, feeSd: numOrNull(feeSd) };
  }
  function stRequest() {
    const p = problem();
    const stored = scenarios.find(s => String(s.id) === scenarioPick.value)?.scenario || {};
    delete p.scenarioId;
    const list = scRows.filter((r, k) => k < 2 || r.name.value.trim()).map(r => ({
      name: r.name.value.trim(), probability: numOrNull(r.prob),
      scenario: { ...stored, name: undefined, btc: { ...(stored.btc || {}), pricePointsUsd: undefined, priceUsd: numOrNull(r.btc) } },
    }));
    const a = numOrNull(alpha), w = numOrNull(weight);
    return { problem: p, scenarios: list, cvar: a == null && w == null ? undefined : { alpha: a, weight: w } };
  }

  /** Submits, polls until the job ends, fetches the result; Cancel sends DELETE. */
  async function job(longRun, kind, req, label) {
    return longRun.run(label, async (signal, report) => {
      // the submit is not aborted: a Cancel pressed while it is in flight still needs the job's id to DELETE it
      const run = await postJson(`/api/v1/risk/${kind}/runs`, req);
      const url = `/api/v1/risk/${kind}/runs/${run.id}`;
      const cancel = () => { deleteJson(url).catch(() => {}); };
      if (signal.aborted) { cancel(); throw new DOMException('cancelled', 'AbortError'); }
      signal.addEventListener('abort', cancel, { once: true });
      const end = await pollJob(url, { signal, report, getJson, intervalMs: 300,
        done: j => !['QUEUED', 'RUNNING'].includes(j.status),
        progress: j => [j.progressPercent / 100, `Run ${j.id}: ${j.status === 'QUEUED' ? 'queued' : 'running'}, ${j.progressPercent}%`] });
      if (!HAS_RESULT.includes(end.status)) throw new ApiError(409, end.status, end.reason || `The run ended ${end.status}.`);
      return getJson(`${url}/result`, { signal });
    });
  }

  function fail(e, form, summary, status, what) {
    showFailure(e, { form, summary, status, what, cancelled: `Cancelled: the ${what} was stopped on the server too. The inputs are unchanged.` });
  }

  async function runMc() {
    clearErrors(mcForm, mcSummary);
    mcStatus.textContent = '';
    try {
      const req = mcRequest();
      const r = await job(mcLong, 'montecarlo', req, `Submitting ${f.num(req.paths)} paths…`);
      showMc(r);
    } catch (e) { fail(e, mcForm, mcSummary, mcStatus, 'Monte Carlo run'); }
  }

  async function runSt() {
    clearErrors(stForm, stSummary);
    clearErrors(mcForm, mcSummary);
    stStatus.textContent = '';
    try {
      const req = stRequest();
      const r = await job(stLong, 'stochastic', req, 'Submitting the stochastic plan…');
      showSt(r);
    } catch (e) {
      // errors about the shared problem belong to the form above
      if (!isAbort(e) && Array.isArray(e.errors)) {
        const isProblem = x => (x.field || '').startsWith('problem');
        const pe = e.errors.filter(isProblem);
        if (pe.length) showErrors(mcForm, mcSummary, pe, e.detail || e.message);
        e.errors = e.errors.filter(x => !isProblem(x));
      }
      fail(e, stForm, stSummary, stStatus, 'stochastic plan');
    }
  }

  // ---- answers
  function showMc(r) {
    const plans = r.plans;
    const words = h('ul', { class: 'plain-words', id: 'mc-words' }, plans.map((p, i) => {
      if (p.status !== 'EVALUATED' || !p.npvUsd) return h('li', {}, `${planLabel(p.name)}: not evaluated (${p.status}). ${p.explanation || ''}`);
      if (BASELINE.test(p.name)) {
        return h('li', {}, `${planLabel(p.name)}: P10 NPV `, val(`plans[${i}].npvUsd.p10`, p.npvUsd.p10, f.usd), ', P50 ', val(`plans[${i}].npvUsd.p50`, p.npvUsd.p50, f.usd),
          ', P90 ', val(`plans[${i}].npvUsd.p90`, p.npvUsd.p90, f.usd), '.');
      }
      const loss = p.probIncrementalNpvBelowZero;
      return h('li', {}, `${planLabel(p.name)} `, loss > 0 ? ['loses money against staying on Bitcoin in ', val(`plans[${i}].probIncrementalNpvBelowZero`, loss, v => f.pct(v, 0))]
        : 'does no worse than staying on Bitcoin on any', ` of ${f.num(r.paths)} paths; P10 NPV `, val(`plans[${i}].npvUsd.p10`, p.npvUsd.p10, f.usd),
      ', P50 ', val(`plans[${i}].npvUsd.p50`, p.npvUsd.p50, f.usd), '; cash is lowest around ', p.lowestCashMedianMonth || '–', '.');
    }));
    const head = ['Plan', 'Mean NPV', 'P10', 'P50', 'P90', 'Probability of loss', 'Worst month of cash', 'Usually in'];
    const rows = plans.map((p, i) => {
      const s = p.npvUsd;
      return h('tr', { 'data-plan': p.name }, h('th', { scope: 'row' }, p.name),
        ...(s ? [s.mean, s.p10, s.p50, s.p90].map((v, k) => h('td', { class: 'n' }, val(`plans[${i}].npvUsd.${['mean', 'p10', 'p50', 'p90'][k]}`, v, f.usd)))
          : [1, 2, 3, 4].map(() => h('td', { class: 'n' }, '–'))),
        h('td', { class: 'n' }, p.probIncrementalNpvBelowZero == null ? '–' : val(`plans[${i}].probIncrementalNpvBelowZero`, p.probIncrementalNpvBelowZero, v => f.pct(v, 0))),
        h('td', { class: 'n' }, p.lowestCashUsd ? val(`plans[${i}].lowestCashUsd.p50`, p.lowestCashUsd.p50, f.usd) : '–'),
        h('td', {}, p.lowestCashMedianMonth || '–'));
    });
    const note = h('p', { class: 'table-note', id: 'mc-table-note' }, `NPV over ${f.num(r.paths)} paths, ${r.months} months from ${r.startMonth} (seed ${r.seed}). Probability of loss: paths where the plan does worse than staying on Bitcoin. Worst month of cash: the lowest cumulative cash, median over the paths.`);
    const table = h('div', { class: 'scroll' }, h('table', { id: 'mc-table', class: 'compare-table', 'aria-describedby': 'mc-table-note' },
      h('thead', {}, h('tr', {}, head.map((t, i) => h('th', { scope: 'col', class: i && i < 7 ? 'n' : null }, t)))), h('tbody', {}, rows)));
    const withHist = plans.filter(p => p.npvHistogram);
    const figs = withHist.map((p, i) => {
      const fig = figure(p.name, `NPV of ${p.name} on each of ${f.num(r.paths)} paths: how many paths fall in each NPV range.`);
      fig.box.id = `mc-hist-${i}`;
      fig.box.classList.add('mc-hist');
      return fig;
    });
    const mcTables = () => [{ name: 'Monte Carlo NPV',
      columns: ['plan', 'status', 'mean NPV (USD)', 'P10 NPV (USD)', 'P50 NPV (USD)', 'P90 NPV (USD)', 'probability of loss (fraction)', 'worst cash, median (USD)', 'worst cash month, median'],
      rows: plans.map(p => [p.name, p.status, p.npvUsd?.mean, p.npvUsd?.p10, p.npvUsd?.p50, p.npvUsd?.p90, p.probIncrementalNpvBelowZero, p.lowestCashUsd?.p50, p.lowestCashMedianMonth]) }];
    mcResults.replaceChildren(h('div', { class: 'results-head' }, h('h3', {}, 'NPV distributions'), exportButtons('mc-export', 'gridpivot-montecarlo', mcTables, mcStatus)), words, h('div', { class: 'figures mc-figures' }, figs), note, table,
      modelLine(r));
    offerFeeSd(r.model?.feeCalibration?.feeSd);
    withHist.forEach((p, i) => histogram(figs[i].box, p.npvHistogram, `${p.name}: NPV (USD)`, COLORS[i % COLORS.length]));
    mcResults.dataset.status = 'DONE';
    mcStatus.textContent = `Monte Carlo ready: ${plans.length} plans on ${f.num(r.paths)} paths.`;
  }

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

  function showSt(r) {
    const v = r.valueMeasures || {};
    const starts = (r.decisions || []).filter(d => d.kind === 'aiStart' && d.amount > 1e-6);
    const other = (r.decisions || []).filter(d => d.kind !== 'aiStart' && d.amount > 1e-6);
    const words = h('ul', { class: 'plain-words', id: 'st-words' },
      r.expectedNpvUsd == null ? h('li', {}, `No plan: the solver answered ${r.status}. ${r.explanation || ''}`) : [
        h('li', {}, 'The plan shared by all scenarios is worth ', val('expectedNpvUsd', r.expectedNpvUsd, f.usd), ' of NPV on average',
          r.cvar ? [', with CVaR', ` ${f.pct(1 - r.cvar.alpha, 0)} worst `, val('cvar.cvarUsd', r.cvar.cvarUsd, f.usd)] : '', '.'),
        h('li', {}, v.vssUsd == null ? `Planning for “${v.baseScenario}” alone breaks a limit in some scenario, so the value of the stochastic solution is unbounded.`
          : Math.abs(v.vssUsd) < 0.5 ? ['Planning for the uncertainty is worth no more than planning for “', v.baseScenario, '” alone: ', val('valueMeasures.vssUsd', v.vssUsd, usd0), ' (VSS).']
            : ['Planning for the uncertainty rather than for “', v.baseScenario, '” alone is worth ', val('valueMeasures.vssUsd', v.vssUsd, usd0), ' (VSS).']),
        h('li', {}, 'Knowing in advance which scenario comes true would be worth ', v.evpiUsd == null ? '–' : val('valueMeasures.evpiUsd', v.evpiUsd, usd0), ' more (EVPI).'),
      ]);
    const decisions = h('div', {}, h('p', { class: 'table-note', id: 'st-decisions-note' }, 'First-stage decisions: AI starts by month, the same in every scenario.'),
      h('div', { class: 'scroll' }, h('table', { id: 'st-decisions', 'aria-describedby': 'st-decisions-note' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Month'), h('th', { scope: 'col' }, 'AI option'), h('th', { scope: 'col', class: 'n' }, 'AI IT MW started'))),
      h('tbody', {}, starts.length ? starts.map(d => h('tr', {}, h('td', {}, d.month), h('td', {}, d.name), h('td', { class: 'n' }, f.mw(d.amount, 1))))
        : h('tr', {}, h('td', { colspan: '3' }, 'No AI starts: stay on Bitcoin.'))))));
    const scen = h('div', {}, h('p', { class: 'table-note' }, 'Each scenario: NPV of this plan, and had the scenario been known in advance.'), h('div', { class: 'scroll' }, h('table', { id: 'st-scenarios' },
      h('thead', {}, h('tr', {}, ['Scenario', 'Probability', 'NPV of this plan', 'NPV had it been known', 'Lowest cash'].map((t, i) => h('th', { scope: 'col', class: i ? 'n' : null }, t)))),
      h('tbody', {}, (r.scenarios || []).map(s => h('tr', {}, h('th', { scope: 'row' }, s.name), h('td', { class: 'n' }, f.pct(s.probability, 0)),
        h('td', { class: 'n' }, f.usd(s.npvUsd)), h('td', { class: 'n' }, f.usd(s.perfectInformationNpvUsd)), h('td', { class: 'n' }, f.usd(s.lowestCashUsd))))))));
    const stTables = () => [
      { name: 'First-stage decisions', columns: ['kind', 'month', 'name', 'amount'], rows: (r.decisions || []).map(d => [d.kind, d.month, d.name, d.amount]) },
      { name: 'Scenarios', columns: ['scenario', 'probability (fraction)', 'NPV of this plan (USD)', 'NPV had it been known (USD)', 'lowest cash (USD)'],
        rows: (r.scenarios || []).map(x => [x.name, x.probability, x.npvUsd, x.perfectInformationNpvUsd, x.lowestCashUsd]) },
    ];
    stResults.replaceChildren(...[h('div', { class: 'results-head' }, h('h3', {}, 'The stochastic plan'), exportButtons('st-export', 'gridpivot-stochastic', stTables, stStatus)), words, h('div', { class: 'tables' }, decisions, scen),
      other.length ? h('p', { class: 'hint' }, `Other decisions: ${other.map(d => `${d.kind} ${d.name || ''} ${d.month} ${f.num(d.amount, 2)}`).join('; ')}.`) : null,
      v.note ? h('p', { class: 'hint' }, v.note) : null].filter(Boolean));
    stResults.dataset.status = r.status;
    stStatus.textContent = `Stochastic plan ready (${r.status}).`;
  }

  mcForm.addEventListener('submit', e => { e.preventDefault(); if (!mcLong.running) runMc(); });
  stForm.addEventListener('submit', e => { e.preventDefault(); if (!stLong.running) runSt(); });
}
