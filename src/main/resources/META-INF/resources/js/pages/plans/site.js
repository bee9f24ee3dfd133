// The site, horizon and finance of the plans: a stored site loaded (its fleets and AI options are used as stored),
// its interconnect and AI limits edited, saved as a new site; first month, horizon, starting cash, credit line and
// treasury. problem() builds the plan problem the compare and the job take.
import { h, field, numberInput, select, numOrNull } from '../../lib/dom.js';
import { postJson } from '../../lib/api.js';
import { planAsicFleets, planAiOptions } from '../../lib/plan-problem.js';
import { showErrors, clearErrors, ClientError } from '../../lib/fielderrors.js';
import * as f from '../../lib/format.js';

/**
 * @param {{sites: object[], state: {site: object|null}, form: HTMLFormElement, summary: HTMLElement,
 *          onLoaded: (site: object) => void}} o the stored sites (a saved one is added); state.site is the loaded
 *        site; the page's form and error summary; onLoaded runs after a site is loaded
 */
export function siteSection({ sites, state, form, summary, onLoaded }) {
  const pick = select('', [{ value: '', label: sites.length ? 'Choose a stored site' : 'No stored sites yet' },
    ...sites.map(s => ({ value: String(s.id), label: s.name }))], { id: 'site-pick' });
  pick.removeAttribute('data-field');
  const si = {
    name: h('input', { type: 'text', id: 'site-name', 'data-field': 'site.name', autocomplete: 'off' }),
    interconnect: numberInput('site.interconnectMw', { id: 'site-interconnect' }),
    maxAi: numberInput('site.maxAiItMw', { id: 'site-max-ai' }),
    maxConv: numberInput('site.maxConversionMwPerMonth', { id: 'site-max-conversion' }),
    start: h('input', { type: 'text', id: 'start-month', 'data-field': 'startMonth', inputmode: 'numeric', placeholder: '2026-07', autocomplete: 'off' }),
    months: numberInput('months', { id: 'months', value: '60' }),
    cash: numberInput('finance.startingCashUsd', { id: 'finance-cash', value: '20000000' }),
    credit: numberInput('finance.creditLineUsd', { id: 'finance-credit', value: '1000000000' }),
    treasury: numberInput('finance.treasuryBtc', { id: 'finance-treasury', value: '0' }),
  };
  const now = new Date();
  si.start.value = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const status = h('p', { id: 'site-status', class: 'hint', 'aria-live': 'polite' });
  const fleetsText = h('p', { id: 'site-uses', class: 'hint', 'data-field': 'asicFleets' });
  const section = h('fieldset', { class: 'box' }, h('legend', {}, 'Site, horizon and finance'),
    h('div', { class: 'row' }, field('Stored site', pick),
      h('button', { type: 'button', id: 'load-site', class: 'secondary', onclick: () => pick.value && load(sites.find(s => String(s.id) === pick.value)) }, 'Load site'),
      h('button', { type: 'button', id: 'save-site', class: 'secondary', onclick: () => save() }, 'Save as a new site')),
    fleetsText,
    h('div', { class: 'grid' },
      field('Site name', si.name), field('Interconnect (MW of site power)', si.interconnect), field('Largest AI IT load (MW)', si.maxAi, 'Empty: no limit'),
      field('Most AI MW started per month', si.maxConv, 'Empty: no limit'), field('First month', si.start, 'e.g. 2026-07'),
      field('Horizon (months)', si.months, '1 to 120'), field('Starting cash (USD)', si.cash), field('Credit line (USD)', si.credit, 'Cash may fall below 0 only this far (empty: 0, no free money)'),
      field('Treasury BTC that may be sold', si.treasury)),
    status);

  function load(s) {
    state.site = s;
    si.name.value = s.name;
    si.interconnect.value = s.interconnectMw ?? '';
    si.maxAi.value = s.maxAiItMw ?? '';
    pick.value = String(s.id);
    fleetsText.textContent = `ASIC fleets: ${s.asicFleets.map(x => `${x.name} (${f.num(x.units)} × ${x.model || 'custom'})`).join('; ') || 'none'}. `
      + `AI options: ${s.aiOptions.map(x => x.name).join('; ') || 'none'}.`;
    onLoaded(s);
    status.textContent = `Loaded site “${s.name}”.`;
  }

  /** Saves the loaded site, with the limits edited here, as a new stored site and loads it. */
  async function save() {
    clearErrors(form, summary);
    if (!state.site) { showErrors(form, summary, [{ field: 'site.name', reason: 'load a stored site first: its fleets and AI options are copied' }]); return; }
    const s = state.site;
    const body = { name: si.name.value.trim(), interconnectMw: numOrNull(si.interconnect), maxAiItMw: numOrNull(si.maxAi), minAiItMw: s.minAiItMw,
      capexBudgetUsd: s.capexBudgetUsd, marketNode: s.marketNode, notes: s.notes, asicFleets: s.asicFleets, aiOptions: s.aiOptions };
    try {
      const saved = await postJson('/api/v1/sites', body);
      sites.push(saved);
      pick.append(h('option', { value: String(saved.id) }, saved.name));
      load(saved);
      status.textContent = `Saved site “${saved.name}”.`;
    } catch (e) {
      const errors = (e.errors || []).map(x => ({ ...x, field: /^(asicFleets|aiOptions)/.test(x.field) ? 'asicFleets' : `site.${x.field}` }));
      showErrors(form, summary, errors, e.detail || e.message);
      status.textContent = 'The site was not saved.';
    }
  }

  /** The plan problem (POST /api/v1/plans/compare's problem, POST /api/v1/plans/runs) on the scenario picked in scenarioPick. */
  function problem(scenarioPick) {
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

  /** The site's name as the print heading gives it. */
  const siteName = () => si.name.value || state.site?.name || '';

  return { section, load, problem, siteName };
}
