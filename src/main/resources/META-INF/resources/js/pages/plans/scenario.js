// The scenario of the plans: a stored one picked, or a new one written and saved here (POST /api/v1/scenarios).
import { h, field, numberInput, select, numOrNull } from '../../lib/dom.js';
import { postJson } from '../../lib/api.js';
import { showErrors, clearErrors } from '../../lib/fielderrors.js';

/**
 * @param {{scenarios: object[], form: HTMLFormElement, summary: HTMLElement}} o the stored scenarios; the page's form
 *        and error summary, where a refused save shows its field errors
 * @returns {{section: HTMLElement, pick: HTMLSelectElement}}
 */
export function scenarioSection({ scenarios, form, summary }) {
  const pick = select('scenarioId', [{ value: '', label: scenarios.length ? 'Choose a stored scenario' : 'No stored scenarios yet' },
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
  const status = h('p', { id: 'scenario-status', class: 'hint', 'aria-live': 'polite' });
  const newScenario = h('details', { class: 'new-scenario', id: 'new-scenario' }, h('summary', {}, 'Create a scenario'),
    h('div', { class: 'grid' },
      field('Scenario name', sc.name), field('BTC price in the first month (USD)', sc.btcPrice), field('BTC price growth (fraction per year)', sc.btcGrowth),
      field('Network difficulty at the start', sc.difficulty), field('Difficulty growth (fraction per month)', sc.diffGrowth),
      field('Fees (BTC per block)', sc.fees), field('Energy price, flat (USD/MWh)', sc.energy), field('Energy escalation (fraction per year)', sc.escalation),
      field('GPU rate decline (fraction per year)', sc.gpuDecline), field('Discount rate (fraction per year)', sc.discount)),
    h('button', { type: 'button', id: 'save-scenario', class: 'secondary', onclick: () => save() }, 'Save scenario'));
  const section = h('fieldset', { class: 'box' }, h('legend', {}, 'Scenario'),
    h('div', { class: 'row' }, field('Stored scenario', pick, 'BTC price, difficulty, energy, AI rates, discount rate')), newScenario, status);

  /** Saves the new scenario and picks it; the API's field errors go next to its controls (scenario.…). */
  async function save() {
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
      pick.append(h('option', { value: String(saved.id) }, saved.name));
      pick.value = String(saved.id);
      status.textContent = `Saved scenario “${saved.name}”.`;
    } catch (e) {
      const errors = (e.errors || []).map(x => ({ ...x, field: `scenario.${x.field}` }));
      showErrors(form, summary, errors, e.detail || e.message);
      status.textContent = 'The scenario was not saved.';
    }
  }

  if (scenarios.length) pick.value = String(scenarios[0].id);
  return { section, pick };
}
