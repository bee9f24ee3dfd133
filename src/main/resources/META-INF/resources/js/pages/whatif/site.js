// The What-if's site: a stored site picked and loaded, its name and limits edited, saved (PUT when it keeps the loaded
// site's name, else POST as a new site) with the fleets, AI options and market node of the form.
import { h, field, numberInput, select } from '../../lib/dom.js';
import { postJson, putJson } from '../../lib/api.js';
import { showErrors, clearErrors } from '../../lib/fielderrors.js';
import { num } from './values.js';

const LIMITS = ['interconnectMw', 'maxAiItMw', 'minAiItMw', 'capexBudgetUsd'];

/**
 * @param {{sites: object[], onLoad: (site: object) => void}} o the stored sites (a saved new one is added); onLoad(site)
 *        fills the rest of the form from a stored site when Load site is pressed
 */
export function siteSection({ sites, onLoad }) {
  const pick = select('', [{ value: '', label: sites.length ? 'Choose a stored site' : 'No stored sites yet' },
    ...sites.map(s => ({ value: String(s.id), label: s.name }))], { id: 'site-pick' });
  pick.removeAttribute('data-field');
  const inputs = {
    name: h('input', { type: 'text', id: 'site-name', 'data-field': 'site.name', autocomplete: 'off' }),
    interconnectMw: numberInput('site.interconnectMw', { id: 'site-interconnect' }),
    maxAiItMw: numberInput('site.maxAiItMw', { id: 'site-max-ai' }),
    minAiItMw: numberInput('site.minAiItMw', { id: 'site-min-ai' }),
    capexBudgetUsd: numberInput('site.capexBudgetUsd', { id: 'site-capex' }),
  };
  const status = h('p', { id: 'site-status', class: 'hint', 'aria-live': 'polite' });
  const saveButton = h('button', { type: 'button', id: 'save-site', class: 'secondary' }, 'Save site');
  const section = h('fieldset', { class: 'box' }, h('legend', {}, 'Site'),
    h('div', { class: 'row' }, field('Stored site', pick),
      h('button', { type: 'button', id: 'load-site', class: 'secondary', onclick: () => pick.value && onLoad(sites.find(s => String(s.id) === pick.value)) }, 'Load site'),
      saveButton),
    h('div', { class: 'grid' },
      field('Site name', inputs.name), field('Interconnect (MW of site power)', inputs.interconnectMw),
      field('Largest AI IT load (MW)', inputs.maxAiItMw, 'Empty: no limit'), field('Contracted AI IT load (MW)', inputs.minAiItMw, 'Empty: none'),
      field('Capex budget (USD)', inputs.capexBudgetUsd, 'Empty: no limit')),
    status);
  // the stored site the form was loaded from (a save of the same name updates it)
  let loadedSite = null;

  /** Sets the name and limits (a stored site, or a stored run's request.site). */
  function set(s) {
    inputs.name.value = s.name ?? '';
    for (const k of LIMITS) inputs[k].value = s[k] ?? '';
  }

  /** Sets them from a stored site and remembers it. */
  function loaded(site) {
    loadedSite = site;
    set(site);
    pick.value = String(site.id);
  }

  /** The request's site: the name, and the limits (empty: left out). */
  function values() {
    const site = { name: inputs.name.value.trim() || undefined };
    for (const k of LIMITS) site[k] = num(inputs[k]);
    return site;
  }

  /**
   * Saves the form's site. request() gives the form's request (its site, fleets and AI options); marketNode the
   * picked node's key; errors of the save go next to the form's controls (form, summary).
   */
  async function save({ request, marketNode, form, summary }) {
    clearErrors(form, summary);
    try {
      const r = request();
      const body = { ...r.site, marketNode: marketNode() || loadedSite?.marketNode, notes: loadedSite?.notes,
        asicFleets: r.asicFleets, aiOptions: r.aiOptions.map(o => ({ ...o, kind: undefined })), version: loadedSite?.version };
      const same = loadedSite && loadedSite.name === body.name;
      const saved = same ? await putJson(`/api/v1/sites/${loadedSite.id}`, body) : await postJson('/api/v1/sites', body);
      loadedSite = saved;
      if (!sites.find(s => s.id === saved.id)) { sites.push(saved); pick.append(h('option', { value: String(saved.id) }, saved.name)); }
      pick.value = String(saved.id);
      status.textContent = `Saved site “${saved.name}”.`;
    } catch (e) {
      const errors = (e.errors || []).map(x => ({ ...x, field: /^(asicFleets|aiOptions)/.test(x.field) ? x.field : x.field === 'marketNode' ? 'market.energyPricesUsdPerMwh' : `site.${x.field}` }));
      showErrors(form, summary, errors, e.detail || e.message);
      status.textContent = 'The site was not saved.';
    }
  }

  return { section, status, saveButton, set, loaded, values, save };
}
