// The sweep form: what to sweep (a what-if on a stored site at flat prices, or a plan on a stored scenario and site),
// one or two inputs with their ranges, and the tornado. request() builds the body of POST /api/v1/sweeps/runs;
// place(errors) moves errors about the stored site's own fields next to its pick.
import { h, field, numberInput, select, runLabelField } from '../../lib/dom.js';
import { ClientError, clearErrors } from '../../lib/fielderrors.js';
import { planProblemControls } from '../../lib/plan-problem.js';
import { INPUTS, inputOptions } from './sweep-inputs.js';

/** The controls of one axis k: the input, from, to, points; defaults() sets the input's default range. */
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

/** A number of the form; empty is null (required: the API names it) or undefined (left out); bad input is refused here. */
function num(el, { required = true } = {}) {
  if (el.validity && el.validity.badInput) throw new ClientError(el.dataset.field, 'is not a number');
  const v = el.value.trim();
  if (v === '') return required ? null : undefined;
  return Number(v);
}
const axis = a => ({ input: a.input.value, from: num(a.from), to: num(a.to), points: num(a.points) });

/**
 * @param {{sites: object[], scenarios: object[]}} o the stored sites and scenarios
 * @returns {{form, summary, progressHost, request: () => object, place: (errors) => object[], picks: object}}
 */
export function sweepForm({ sites, scenarios }) {
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
  const axis0 = axisControls(0);
  axis0.input.value = 'BTC_PRICE_USD'; axis0.defaults(); axis0.points.value = '23';
  const axis1 = axisControls(1);
  axis1.input.value = 'GPU_LEASE_SCALE'; axis1.defaults(); axis1.points.value = '5';
  const second = h('input', { type: 'checkbox', id: 'axis1-on' });
  const axis1Box = h('div', { id: 'axis1-box', hidden: true }, axis1.grid);
  second.addEventListener('change', () => { axis1Box.hidden = !second.checked; });
  const axes = h('fieldset', { class: 'box' }, h('legend', {}, 'Inputs to sweep'), axis0.grid,
    h('div', { class: 'field check' }, second, h('label', { for: 'axis1-on' }, 'Sweep a second input too (a grid)')), axis1Box);

  // ---- tornado
  const tornadoOn = h('input', { type: 'checkbox', id: 'tornado-on', checked: true });
  const delta = numberInput('tornado.deltaFraction', { id: 'tornado-delta', value: '20' });
  const tornado = h('fieldset', { class: 'box' }, h('legend', {}, 'Tornado'),
    h('div', { class: 'grid' },
      h('div', { class: 'field check' }, tornadoOn, h('label', { for: 'tornado-on' }, 'Move each input up and down')),
      field('By ± (%)', delta, 'Sent as a fraction: 20% → 0.2')));

  const runButton = h('button', { type: 'submit', id: 'run', class: 'primary' }, 'Run sweep');
  const progressHost = h('div', { class: 'progress-host' });
  const label = runLabelField('sweep-label');
  form.append(summary, modes, whatIf, planBox, axes, tornado, label.field, h('div', { class: 'actions' }, runButton, progressHost));

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
  modes.addEventListener('change', () => { clearErrors(form, summary); setMode(mode()); });

  function request() {
    const d = num(delta);
    const axesAndTornado = {
      axes: second.checked ? [axis(axis0), axis(axis1)] : [axis(axis0)],
      tornado: tornadoOn.checked ? { deltaFraction: d === null ? null : d / 100 } : undefined,
    };
    if (mode() === 'plan') return { plan: pp.problem(), ...axesAndTornado, label: label.value() };
    if (!sitePick.value) throw new ClientError('allocation.siteId', 'store a site first (What-if page, Save site)');
    return {
      allocation: {
        siteId: Number(sitePick.value),
        market: { energyPriceUsdPerMwh: num(energy), hours: num(hours), hashpriceUsdPerPhDay: num(hashprice) },
      },
      baseBtcPriceUsd: num(btc, { required: false }),
      ...axesAndTornado,
      label: label.value(),
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

  return { form, summary, progressHost, request, place, picks: { site: sitePick, planSite: pp.sitePick, planScenario: pp.scenarioPick } };
}
