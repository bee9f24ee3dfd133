// Reading the What-if form: a number control (empty: left out; not a number: refused here, like the API would), and
// the values of one fleet or AI option row by their data-prop (controls in hidden fields are left out).
import { ClientError } from '../../lib/fielderrors.js';

export function num(el) {
  if (el.validity && el.validity.badInput) throw new ClientError(el.dataset.field, 'is not a number');
  const v = el.value.trim();
  return v === '' ? undefined : Number(v);
}

export function rowValues(row, props) {
  const o = {};
  for (const p of props) {
    const el = row.querySelector(`[data-prop="${p}"]:not(.field)`);
    if (!el || el.closest('.field')?.hidden) continue;
    o[p] = el.type === 'text' || el.tagName === 'SELECT' ? (el.value.trim() || undefined) : num(el);
  }
  return o;
}

/** Names the rows of a list (fleets, AI options) by position: legend "ASIC fleet 2", controls data-field "asicFleets[1].units". */
export function indexRows(list, legend, key) {
  [...list.children].forEach((row, i) => {
    row.querySelector('legend').textContent = `${legend} ${i + 1}`;
    for (const el of row.querySelectorAll('[data-prop]')) if (!el.classList.contains('field')) el.dataset.field = `${key}[${i}].${el.dataset.prop}`;
  });
}
