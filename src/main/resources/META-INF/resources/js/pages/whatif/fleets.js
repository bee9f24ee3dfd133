// The ASIC fleets editor: one row per fleet, a catalog model filling hashrate and power, controls named by their JSON
// path (asicFleets[i].…) so that the API's field errors land next to them.
import { h, field, numberInput, select, nextId } from '../../lib/dom.js';
import { rowValues, indexRows } from './values.js';

const FLEET_FIELDS = [
  ['name', 'Name', 'text'], ['units', 'Units (machines)'], ['hashrateThPerUnit', 'Hashrate per unit (TH/s)'],
  ['powerWPerUnit', 'Power per unit (W)'], ['pue', 'PUE (site power per IT power)'], ['poolFeeFraction', 'Pool fee (fraction of revenue)'],
  ['variableOpexUsdPerMwh', 'Variable opex (USD/MWh)'], ['fixedOpexUsdPerMwYear', 'Fixed opex (USD per MW-year)'],
];

/** @param {{models: object[]}} o the catalog's ASIC models (GET /api/v1/catalog/asic-models) */
export function fleetsEditor({ models }) {
  const list = h('div', { id: 'fleets' });
  const section = h('fieldset', { class: 'box' }, h('legend', {}, 'ASIC fleets'), list,
    h('button', { type: 'button', id: 'add-fleet', class: 'secondary', onclick: () => { add({}); reindex(); } }, 'Add a fleet'));

  /** Adds a row for fleet d (a stored or requested fleet; {} for an empty one). */
  function add(d) {
    const row = h('fieldset', { class: 'item fleet' });
    const legend = h('legend', {});
    const model = select('', [{ value: '', label: 'Custom (enter the figures)' }, ...models.map(m => ({ value: m.name, label: `${m.name} (${m.jPerTh} J/TH)` }))], { 'data-prop': 'model' });
    model.value = d.model || '';
    model.addEventListener('change', () => {
      const m = models.find(x => x.name === model.value);
      if (m) { row.querySelector('[data-prop="hashrateThPerUnit"]').value = m.hashrateThPerUnit; row.querySelector('[data-prop="powerWPerUnit"]').value = m.powerWPerUnit; }
    });
    const controls = [h('div', { class: 'field' }, h('label', { for: model.id || (model.id = nextId('f')) }, 'Catalog model'), model, h('p', { class: 'field-error', id: `${model.id}-error` }))];
    model.setAttribute('aria-describedby', `${model.id}-error`);
    for (const [prop, label, type] of FLEET_FIELDS) {
      const input = type === 'text' ? h('input', { type: 'text', 'data-prop': prop, autocomplete: 'off' }) : numberInput('', { 'data-prop': prop });
      const m = models.find(x => x.name === d.model);
      const v = d[prop] ?? (m && (prop === 'hashrateThPerUnit' || prop === 'powerWPerUnit') ? m[prop] : undefined);
      if (v !== undefined && v !== null) input.value = v;
      controls.push(field(label, input));
    }
    row.append(legend, h('div', { class: 'grid' }, controls),
      h('button', { type: 'button', class: 'link remove', onclick: () => { row.remove(); reindex(); } }, 'Remove this fleet'));
    list.append(row);
  }

  /** Names the rows' legends and controls (data-field) by position. */
  const reindex = () => indexRows(list, 'ASIC fleet', 'asicFleets');

  /** Replaces the rows by one per fleet. */
  function fill(fleets) {
    list.replaceChildren();
    (fleets || []).forEach(add);
    reindex();
  }

  /** The fleets as the API takes them. */
  const values = () => [...list.children].map(row => rowValues(row, ['name', 'model', ...FLEET_FIELDS.map(x => x[0]).filter(p => p !== 'name')]));

  return { section, add, reindex, fill, values };
}
