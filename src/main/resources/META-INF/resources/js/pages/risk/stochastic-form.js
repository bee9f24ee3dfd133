// The stochastic-plan form: two or three BTC price scenarios with probabilities and an optional CVaR term, on the plan
// problem of the Monte Carlo form. request() builds the body of POST /api/v1/risk/stochastic/runs.
import { h, field, numberInput, numOrNull, runLabelField } from '../../lib/dom.js';
import { LongRun } from '../../lib/longrun.js';

/**
 * @param {{pp: object, scenarios: object[]}} o the shared plan problem (planProblemControls) and the stored scenarios
 * @returns the section's elements, its LongRun and request()
 */
export function stochasticForm({ pp, scenarios }) {
  const rows = [['bull', '0.4', '120000'], ['bear', '0.6', '50000'], ['', '', '']].map(([n, p, b], k) => {
    const name = h('input', { type: 'text', id: `st-sc-${k}-name`, 'data-field': `scenarios[${k}].name`, autocomplete: 'off', value: n });
    const prob = numberInput(`scenarios[${k}].probability`, { id: `st-sc-${k}-prob`, value: p });
    const btc = numberInput(`scenarios[${k}].scenario.btc.priceUsd`, { id: `st-sc-${k}-btc`, value: b });
    return { name, prob, btc, grid: h('div', { class: 'grid' }, field(`Scenario ${k + 1}`, name, k === 2 ? 'Empty: two scenarios' : null),
      field('Probability', prob), field('BTC price (USD)', btc, 'In the first month; the rest as in the stored scenario')) };
  });
  const alpha = numberInput('cvar.alpha', { id: 'st-alpha' });
  const weight = numberInput('cvar.weight', { id: 'st-weight' });
  const label = runLabelField('st-label');
  const form = h('form', { id: 'st-form', novalidate: true, 'aria-labelledby': 'st-title' });
  const summary = h('div', { id: 'st-errors', class: 'error-summary', role: 'alert', hidden: true });
  const run = h('button', { type: 'submit', id: 'st-run', class: 'primary' }, 'Plan for all scenarios');
  const progress = h('div', { class: 'progress-host' });
  const status = h('p', { id: 'st-status', class: 'result-status', 'aria-live': 'polite' });
  const results = h('section', { id: 'st-results', 'aria-label': 'Stochastic plan answer' });
  form.append(summary,
    h('fieldset', { class: 'box' }, h('legend', {}, 'Scenarios'),
      h('p', { class: 'hint' }, 'Uses the plan problem above. Probabilities must add up to 1.'), rows.map(r => r.grid)),
    h('fieldset', { class: 'box' }, h('legend', {}, 'Risk term (optional)'),
      h('div', { class: 'grid' }, field('CVaR α', alpha, '0.9 = the worst 10 %; empty: risk-neutral'), field('CVaR weight λ', weight, '0 to 1'))),
    label.field, h('div', { class: 'actions' }, run, progress));
  const longRun = new LongRun(progress);
  longRun.bar.id = 'st-progress'; longRun.cancelButton.id = 'st-cancel';
  const section = h('section', { id: 'st-section', class: 'risk-part', 'aria-labelledby': 'st-title' }, h('h2', { id: 'st-title' }, 'Stochastic plan'),
    h('p', { class: 'lead' }, 'One conversion plan for several BTC futures: what is planning for the uncertainty worth (VSS), and knowing the future (EVPI)?'),
    form, status, results);

  /** The plan problem without its scenario id: each scenario is the stored one with its own first-month BTC price. */
  function request() {
    const p = pp.problem();
    const stored = scenarios.find(s => String(s.id) === pp.scenarioPick.value)?.scenario || {};
    delete p.scenarioId;
    const list = rows.filter((r, k) => k < 2 || r.name.value.trim()).map(r => ({
      name: r.name.value.trim(), probability: numOrNull(r.prob),
      scenario: { ...stored, name: undefined, btc: { ...(stored.btc || {}), pricePointsUsd: undefined, priceUsd: numOrNull(r.btc) } },
    }));
    const a = numOrNull(alpha), w = numOrNull(weight);
    return { problem: p, scenarios: list, cvar: a == null && w == null ? undefined : { alpha: a, weight: w }, label: label.value() };
  }

  return { section, form, summary, status, results, longRun, request };
}
