// The AI options editor: one row per option, a catalog offering filling its figures, a revenue basis (GPU lease,
// colocation, or revenue per MWh) showing only the fields it needs; controls named by their JSON path (aiOptions[i].…).
import { h, field, numberInput, select, nextId } from '../../lib/dom.js';
import { rowValues, indexRows } from './values.js';

const AI_BASIS = {
  gpu: ['kwPerGpu', 'leaseUsdPerGpuHour', 'utilization'],
  colo: ['colocationUsdPerKwMonth'],
  flat: ['revenueUsdPerMwh'],
};
const AI_FIELDS = [
  ['name', 'Name', 'text'], ['kwPerGpu', 'IT load per GPU (kW)'], ['leaseUsdPerGpuHour', 'Lease rate (USD per GPU-hour)'],
  ['utilization', 'Utilization (fraction of GPU-hours leased)'], ['colocationUsdPerKwMonth', 'Colocation rate (USD per kW-month)'],
  ['revenueUsdPerMwh', 'Revenue (USD per MWh of IT load)'], ['pue', 'PUE (site power per IT power)'], ['maxItMw', 'Largest IT load (MW)'],
  ['capexUsdPerMw', 'Capex (USD per MW of IT)'], ['variableOpexUsdPerMwh', 'Variable opex (USD/MWh)'], ['fixedOpexUsdPerMwYear', 'Fixed opex (USD per MW-year)'],
];

/** @param {{offerings: object[]}} o the catalog's AI offerings (GET /api/v1/catalog/ai-offerings) */
export function aiOptionsEditor({ offerings }) {
  const list = h('div', { id: 'ai-options' });
  const section = h('fieldset', { class: 'box' }, h('legend', {}, 'AI options'), list,
    h('button', { type: 'button', id: 'add-ai', class: 'secondary', onclick: () => { add({}); reindex(); } }, 'Add an AI option'));

  /** Adds a row for option d (a stored or requested AI option; {} for an empty one). */
  function add(d) {
    const row = h('fieldset', { class: 'item ai' });
    const offering = select('', [{ value: '', label: 'Custom (enter the figures)' }, ...offerings.map(o => ({ value: o.name, label: o.name }))], { 'data-prop': 'offering' });
    offering.value = d.offering || '';
    const basis = select('', [{ value: 'gpu', label: 'GPU cloud (lease per GPU-hour)' }, { value: 'colo', label: 'Colocation (USD per kW-month)' },
      { value: 'flat', label: 'Revenue per MWh' }], { 'data-prop': 'basis' });
    basis.value = d.revenueUsdPerMwh != null ? 'flat' : (d.colocationUsdPerKwMonth != null || d.kind === 'COLOCATION') ? 'colo' : 'gpu';
    const tenant = h('input', { type: 'checkbox', 'data-prop': 'tenantPaysPower', checked: !!d.tenantPaysPower });
    const controls = [];
    for (const [el, label] of [[offering, 'Catalog offering'], [basis, 'Revenue basis']]) {
      el.id = nextId('f');
      el.setAttribute('aria-describedby', `${el.id}-error`);
      controls.push(h('div', { class: 'field' }, h('label', { for: el.id }, label), el, h('p', { class: 'field-error', id: `${el.id}-error` })));
    }
    for (const [prop, label, type] of AI_FIELDS) {
      const input = type === 'text' ? h('input', { type: 'text', 'data-prop': prop, autocomplete: 'off' }) : numberInput('', { 'data-prop': prop });
      if (d[prop] !== undefined && d[prop] !== null) input.value = d[prop];
      const fl = field(label, input);
      fl.dataset.prop = prop;
      controls.push(fl);
    }
    tenant.id = nextId('f');
    controls.push(h('div', { class: 'field check' }, tenant, h('label', { for: tenant.id }, 'Tenant pays for the energy')));
    const showBasis = () => {
      const shown = AI_BASIS[basis.value];
      for (const [b, props] of Object.entries(AI_BASIS)) {
        for (const p of props) row.querySelector(`.field[data-prop="${p}"]`).hidden = b !== basis.value && !shown.includes(p);
      }
    };
    basis.addEventListener('change', showBasis);
    offering.addEventListener('change', () => {
      const o = offerings.find(x => x.name === offering.value);
      if (!o) return;
      const set = (p, v) => { const el = row.querySelector(`[data-prop="${p}"]`); if (v !== null && v !== undefined) el.value = v; };
      basis.value = o.kind === 'COLOCATION' ? 'colo' : 'gpu';
      ['kwPerGpu', 'leaseUsdPerGpuHour', 'colocationUsdPerKwMonth', 'pue', 'capexUsdPerMw'].forEach(p => set(p, o[p]));
      tenant.checked = !!o.tenantPaysPower;
      if (!row.querySelector('[data-prop="name"]').value) set('name', o.name);
      showBasis();
    });
    row.append(h('legend', {}), h('div', { class: 'grid' }, controls),
      h('button', { type: 'button', class: 'link remove', onclick: () => { row.remove(); reindex(); } }, 'Remove this option'));
    list.append(row);
    showBasis();
  }

  /** Names the rows' legends and controls (data-field) by position. */
  const reindex = () => indexRows(list, 'AI option', 'aiOptions');

  /** Replaces the rows by one per option. */
  function fill(options) {
    list.replaceChildren();
    (options || []).forEach(add);
    reindex();
  }

  /** The AI options as the API takes them (only the fields of each row's revenue basis). */
  const values = () => [...list.children].map(row => {
    const o = rowValues(row, ['name', 'offering', ...AI_FIELDS.map(x => x[0]).filter(p => p !== 'name')]);
    o.tenantPaysPower = row.querySelector('[data-prop="tenantPaysPower"]').checked;
    return o;
  });

  return { section, add, reindex, fill, values };
}
