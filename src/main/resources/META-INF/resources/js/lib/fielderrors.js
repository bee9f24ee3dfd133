// Shows problem+json errors (errors[].field is a JSON path such as asicFleets[0].units) next to the form control
// whose data-field is that path, or the nearest enclosing path that has a control; the rest in the summary.
import { h } from './dom.js';
import { ApiError, keyRefusal } from './api.js';
import { isAbort } from './longrun.js';

/** A check the page makes before sending, reported like the API's field errors. */
export class ClientError extends Error {
  constructor(field, reason) { super(reason); this.errors = [{ field, reason }]; }
}

const visible = el => !!(el.offsetParent || el.getClientRects().length);

export function controlFor(form, path) {
  let p = path || '';
  for (;;) {
    const all = [...form.querySelectorAll(`[data-field="${CSS.escape(p)}"]`)];
    const el = all.find(visible) || all[0];
    if (el) return el;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return null;
    p = p.slice(0, cut);
  }
}

function labelOf(form, el) {
  const l = el.id ? form.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
  const group = el.closest('fieldset')?.querySelector('legend')?.textContent;
  const text = l ? l.textContent : el.getAttribute('aria-label') || el.dataset.field;
  return group ? `${group}: ${text}` : text;
}

export function clearErrors(form, summary) {
  for (const el of form.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
  summary.replaceChildren();
  summary.hidden = true;
}

/** errors: [{field, reason}]; detail: the problem's detail when no field is named. */
export function showErrors(form, summary, errors, detail) {
  clearErrors(form, summary);
  const items = [];
  for (const e of errors || []) {
    const el = controlFor(form, e.field);
    if (el) {
      el.setAttribute('aria-invalid', 'true');
      const msg = document.getElementById(`${el.id}-error`);
      const text = e.field && e.field !== el.dataset.field ? `${e.field}: ${e.reason}` : e.reason;
      if (msg) msg.textContent = msg.textContent ? `${msg.textContent}; ${text}` : text;
      items.push(h('li', {}, h('a', { href: `#${el.id}`, onclick: ev => { ev.preventDefault(); el.focus(); } }, labelOf(form, el)), ` — ${e.reason}`));
    } else {
      items.push(h('li', {}, e.field ? `${e.field}: ${e.reason}` : e.reason));
    }
  }
  if (!items.length && detail) items.push(h('li', {}, detail));
  const atFields = (errors || []).length;
  summary.append(h('h3', { tabindex: '-1' }, !atFields ? 'The request was not run' : items.length === 1 ? 'One input needs attention' : `${items.length} inputs need attention`),
    h('ul', {}, items));
  summary.hidden = false;
  summary.querySelector('h3').focus();
}

/** A refused request in words: the problem's detail, or what a refused key means (401/403). */
export const problemText = e => keyRefusal(e) || e.detail || e.message;

/** "The what-if did not run: …" — pointing at the marked inputs when the API named fields, else saying why. */
export function notRun(what, e) {
  return `The ${what} did not run: ${(e.errors || []).length && !keyRefusal(e) ? 'see the inputs marked above.' : problemText(e)}`;
}

/**
 * Says why a request did not come back with an answer: cancelled (the cancelled sentence in status); refused by the
 * API or by the page's own checks (the errors at their fields, passed through placeErrors first, and "The … did not
 * run" in status); anything else is a fault of the page, said in the summary.
 */
export function showFailure(e, { form, summary, status, what, cancelled, placeErrors = errors => errors }) {
  if (isAbort(e)) {
    status.textContent = cancelled;
  } else if (e instanceof ApiError || e instanceof ClientError) {
    showErrors(form, summary, placeErrors(e.errors || []), problemText(e));
    status.textContent = notRun(what, e);
  } else {
    showErrors(form, summary, [], `Something went wrong in the page: ${e.message}`);
  }
}
