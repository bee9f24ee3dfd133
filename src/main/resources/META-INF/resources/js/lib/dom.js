// h('div', {class: 'x', onclick: fn, dataset: {a: 1}}, child, 'text', [more]) → an element.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    // through the CSSOM: the Content-Security-Policy (style-src 'self') refuses style attributes
    else if (k === 'style') el.style.cssText = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

let uid = 0;
export const nextId = prefix => `${prefix}-${++uid}`;

/**
 * A labelled form control: <div class="field"><label for>…</label><input><p class="field-error"></p><p class="hint"></p></div>.
 * The error comes right under the control (empty, it takes no room), before the hint, so that a message never sits a
 * hint's height below the field it is about.
 */
export function field(label, control, hint) {
  const id = control.id || (control.id = nextId('f'));
  const err = h('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  control.setAttribute('aria-describedby', [hintEl ? hintEl.id : null, err.id].filter(Boolean).join(' '));
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, err, hintEl);
}

export function numberInput(dataField, attrs = {}) {
  return h('input', { type: 'number', step: 'any', inputmode: 'decimal', 'data-field': dataField, ...attrs });
}

export function select(dataField, options, attrs = {}) {
  const s = h('select', { 'data-field': dataField, ...attrs });
  for (const o of options) s.append(h('option', { value: o.value }, o.label));
  return s;
}

/** Starts a download of a Blob under a file name. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(url); a.remove(); }, 1000);
}

/** An input's number, or null when it is left empty (the API then takes its default or names the field). */
export const numOrNull = el => (el.value.trim() === '' ? null : Number(el.value));

/**
 * A number taken from an API answer, shown formatted: class num, data-key (the answer's field, as the page names it;
 * none when null), data-value (the raw number) and, for a value derived per year, data-per="year". Tests read these to
 * check that the page says what the API said.
 */
export function valueSpan(key, value, fmt, per) {
  return h('span', { class: 'num', 'data-key': key, 'data-value': String(value), 'data-per': per || null }, fmt(value));
}

/**
 * The optional run label of a durable run's form: a text input (data-field "label", at most 200 characters, its errors
 * under it) in a field with its hint; value() is the label, or undefined when empty (the service then names the run by
 * its site only).
 */
export function runLabelField(id) {
  const input = h('input', { type: 'text', id, 'data-field': 'label', maxlength: '200', autocomplete: 'off' });
  return { input, field: field('Run label (optional)', input, 'Names the stored run in the Runs list and the board pack pickers, beside the site.'),
    value: () => (input.value.trim() ? input.value : undefined) };
}
