// The Monte Carlo form: two fixed plans (one AI start each), paths, seed, the BTC price model and the spread of fees;
// it holds the shared plan problem box above them. request() builds the body of POST /api/v1/risk/montecarlo/runs.
import { h, field, numberInput, select, numOrNull, runLabelField } from '../../lib/dom.js';
import { LongRun } from '../../lib/longrun.js';
import * as f from '../../lib/format.js';

/** Two fixed plans of one step each; their AI options follow the stored site picked in the problem. */
function planRows(sites, sitePick) {
  const optionsOf = () => (sites.find(s => String(s.id) === sitePick.value)?.aiOptions || []).map(o => o.name);
  const rows = [0, 1].map(k => {
    const name = h('input', { type: 'text', id: `mc-plan-${k}-name`, 'data-field': `plans[${k}].name`, autocomplete: 'off' });
    const opt = select(`plans[${k}].aiStartsMw[0].name`, [], { id: `mc-plan-${k}-option` });
    const month = h('input', { type: 'text', id: `mc-plan-${k}-month`, 'data-field': `plans[${k}].aiStartsMw[0].month`, placeholder: '2027-Q2', autocomplete: 'off' });
    const amount = numberInput(`plans[${k}].aiStartsMw[0].amount`, { id: `mc-plan-${k}-amount` });
    return { name, opt, month, amount,
      grid: h('div', { class: 'grid' }, field(`Plan ${k + 1} name`, name, k ? 'Empty: only one plan' : null), field('AI option', opt), field('Month or quarter', month), field('AI IT MW started', amount)) };
  });
  const fillOptions = () => {
    for (const r of rows) {
      const keep = r.opt.value;
      r.opt.replaceChildren(...optionsOf().map(n => h('option', { value: n }, n)));
      if (optionsOf().includes(keep)) r.opt.value = keep;
    }
  };
  sitePick.addEventListener('change', fillOptions);
  fillOptions();
  const y = new Date().getUTCFullYear() + 1;
  rows[0].name.value = `convert 20 MW in ${y}-Q2`; rows[0].month.value = `${y}-Q2`; rows[0].amount.value = '20';
  rows[1].name.value = `convert 40 MW in ${y}-Q4`; rows[1].month.value = `${y}-Q4`; rows[1].amount.value = '40';
  return rows;
}

/**
 * @param {{pp: object, problemBox: HTMLElement, sites: object[]}} o the shared plan problem (planProblemControls) and its box
 * @returns the section's elements, its LongRun, request() and offerFeeSd(sd) (offers the fee history's sd after a run)
 */
export function monteCarloForm({ pp, problemBox, sites }) {
  const plans = planRows(sites, pp.sitePick);
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
    plans.map(r => r.grid),
    h('div', { class: 'grid' }, field('Paths', paths, 'BTC price paths, e.g. 500'), field('Seed', seed, 'The same seed gives the same answer')),
    h('div', { class: 'grid' }, field('BTC price model', priceModel, 'How the paths wander around the scenario'), blockField, feeField));

  const form = h('form', { id: 'mc-form', novalidate: true, 'aria-labelledby': 'mc-title' });
  const summary = h('div', { id: 'mc-errors', class: 'error-summary', role: 'alert', hidden: true });
  const run = h('button', { type: 'submit', id: 'mc-run', class: 'primary' }, 'Run Monte Carlo');
  const progress = h('div', { class: 'progress-host' });
  const status = h('p', { id: 'mc-status', class: 'result-status', 'aria-live': 'polite' });
  const results = h('section', { id: 'mc-results', 'aria-label': 'Monte Carlo answer' });
  const label = runLabelField('mc-label');
  form.append(summary, problemBox, mcBox, label.field, h('div', { class: 'actions' }, run, progress));
  const longRun = new LongRun(progress);
  longRun.bar.id = 'mc-progress'; longRun.cancelButton.id = 'mc-cancel';
  const section = h('section', { id: 'mc-section', class: 'risk-part', 'aria-labelledby': 'mc-title' }, h('h2', { id: 'mc-title' }, 'Monte Carlo'),
    h('p', { class: 'lead' }, 'How often does a plan lose money against staying on Bitcoin when the BTC price wanders?'), form, status, results);

  function request() {
    const list = plans.filter((r, k) => k === 0 || r.name.value.trim()).map(r => ({ name: r.name.value.trim(),
      aiStartsMw: [{ name: r.opt.value || null, month: r.month.value.trim() || null, amount: numOrNull(r.amount) }] }));
    const bootstrap = priceModel.value === 'BOOTSTRAP';
    return { problem: pp.problem(), plans: list, paths: numOrNull(paths), seed: numOrNull(seed), priceModel: priceModel.value,
      blockLengthMonths: bootstrap ? numOrNull(blockLength) : undefined, feeSd: numOrNull(feeSd), label: label.value() };
  }

  return { section, form, summary, status, results, longRun, request, offerFeeSd };
}
