// Scenarios: the stored assumption sets of the plans (/api/v1/scenarios) — list, view, edit (PUT), clone (POST of a
// copy), delete (DELETE, after a confirmation in the page). The editor is scenarios/form.js; a refused save shows the
// API's field errors next to their fields, as every form of the dashboard does.
import { h } from '../lib/dom.js';
import { getJson, postJson, putJson, deleteNoContent } from '../lib/api.js';
import { clearErrors, showFailure, problemText } from '../lib/fielderrors.js';
import * as f from '../lib/format.js';
import { scenarioEditor } from './scenarios/form.js';

/** The BTC assumption in words: a flat or growing price, or a path from its first to its last point. */
export function btcWords(b = {}) {
  const pts = Object.entries(b.pricePointsUsd || {}).sort(([x], [y]) => x.localeCompare(y));
  if (pts.length) return `path of ${pts.length} points, ${f.usd(pts[0][1], 0)} (${pts[0][0]}) to ${f.usd(pts[pts.length - 1][1], 0)} (${pts[pts.length - 1][0]})`;
  if (b.priceUsd == null) return '–';
  return `${f.usd(b.priceUsd, 0)}${b.annualGrowth ? `, ${b.annualGrowth > 0 ? '+' : ''}${f.pct(b.annualGrowth)}/year` : ', flat'}`;
}

export function energyWords(e = {}) {
  const basis = e.flatPriceUsdPerMwh != null ? `flat ${f.usdPerMwh(e.flatPriceUsdPerMwh)}` : e.node ? `${e.node} ${e.replayYear ?? ''} replayed` : '–';
  return basis + (e.annualEscalation ? `, ${f.pct(e.annualEscalation)}/year` : '') + (e.adderUsdPerMwh ? `, + ${f.usdPerMwh(e.adderUsdPerMwh)}` : '');
}

/** A name not yet taken: "Base case (copy)", then "Base case (copy 2)", … */
export function copyName(name, taken) {
  for (let k = 1; ; k++) {
    const candidate = `${name} (copy${k > 1 ? ` ${k}` : ''})`;
    if (!taken.includes(candidate)) return candidate;
  }
}

export async function mount(container, { sub, query }) {
  const status = h('p', { id: 'scenarios-status', class: 'result-status', 'aria-live': 'polite' });
  const list = h('section', { id: 'scenarios-list', 'aria-labelledby': 'scenarios-list-title' });
  const detail = h('section', { id: 'scenario-detail', 'aria-live': 'polite' });
  container.append(h('h1', { id: 'scenarios-title' }, 'Scenarios'),
    h('p', { class: 'lead' }, 'The assumptions a plan is valued under: BTC price path, difficulty, fees, energy prices, AI rates, ASIC prices and the discount rate. The Plans and Risk pages run on these.'),
    status, list, detail);
  let scenarios = await getJson('/api/v1/scenarios');

  /** Stores content (a stored scenario's, or the editor's) under a new name and opens the copy. */
  async function clone(name, content, onRefused = e => { status.textContent = `The copy was not stored: ${problemText(e)}`; }) {
    clearStatus();
    try {
      const copy = await postJson('/api/v1/scenarios', { ...content, name: copyName(name, scenarios.map(x => x.name)) });
      location.hash = `#/scenarios/${copy.id}?said=${encodeURIComponent(`Stored “${copy.name}”, a copy of “${name}”.`)}`;
    } catch (e) { onRefused(e); }
  }

  /** Asks in the page (no browser dialog) before deleting; onDone after a delete. */
  function deleteControls(s, onDone, idPrefix) {
    const wrap = h('span', { class: 'delete-controls' });
    const ask = h('button', { type: 'button', class: 'secondary danger', id: `${idPrefix}-delete`, 'aria-label': `Delete scenario ${s.name}` }, 'Delete');
    const confirmIt = h('button', { type: 'button', class: 'danger', id: `${idPrefix}-confirm-delete` }, `Yes, delete “${s.name}”`);
    const keep = h('button', { type: 'button', class: 'secondary', id: `${idPrefix}-keep` }, 'Keep it');
    ask.addEventListener('click', () => { wrap.replaceChildren(h('span', {}, 'Runs keep their copy. '), confirmIt, keep); confirmIt.focus(); });
    keep.addEventListener('click', () => { wrap.replaceChildren(ask); ask.focus(); });
    confirmIt.addEventListener('click', async () => {
      try {
        await deleteNoContent(`/api/v1/scenarios/${s.id}`);
        scenarios = scenarios.filter(x => x.id !== s.id);
        status.textContent = `Deleted “${s.name}”.`;
        onDone(status.textContent);
      } catch (e) { status.textContent = `“${s.name}” was not deleted: ${problemText(e)}`; }
    });
    wrap.append(ask);
    return wrap;
  }

  function clearStatus() { status.textContent = ''; }

  function showList() {
    list.replaceChildren(h('div', { class: 'table-head' }, h('h2', { id: 'scenarios-list-title' }, 'Stored scenarios'),
      h('a', { class: 'button secondary', href: '#/scenarios/new', id: 'scenario-new' }, 'New scenario')));
    if (!scenarios.length) {
      list.append(h('p', { class: 'empty' }, 'No scenarios are stored yet. Write one with “New scenario”.'));
      return;
    }
    list.append(h('div', { class: 'scroll' }, h('table', { id: 'scenarios-table' },
      h('thead', {}, h('tr', {}, ['Name', 'BTC price', 'Difficulty growth', 'Energy', 'Discount rate', 'Updated (UTC)', 'Actions'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, scenarios.map(s => {
        const c = s.scenario || {};
        const row = h('tr', { 'data-id': String(s.id) },
          h('th', { scope: 'row' }, h('a', { href: `#/scenarios/${s.id}`, id: `scenario-open-${s.id}` }, s.name)),
          h('td', {}, btcWords(c.btc)), h('td', {}, c.btc?.difficultyGrowthPerMonth == null ? '–' : `${f.pct(c.btc.difficultyGrowthPerMonth, 2)}/month`),
          h('td', {}, energyWords(c.energy)), h('td', {}, c.discountRate == null ? '–' : f.pct(c.discountRate)),
          h('td', {}, f.dateTime(s.updatedAt)),
          h('td', { class: 'actions-cell' },
            h('a', { class: 'button secondary', href: `#/scenarios/${s.id}`, id: `scenario-edit-${s.id}`, 'aria-label': `Edit scenario ${s.name}` }, 'Edit'),
            h('button', { type: 'button', class: 'secondary', id: `scenario-clone-${s.id}`, 'aria-label': `Clone scenario ${s.name}`, onclick: () => clone(s.name, s.scenario) }, 'Clone'),
            deleteControls(s, () => { row.remove(); if (!scenarios.length) showList(); }, `scenario-${s.id}`)));
        return row;
      })))));
  }

  function showDetail(s) {
    const editor = scenarioEditor();
    const form = h('form', { id: 'scenario-form', novalidate: true, 'aria-labelledby': 'scenario-title' });
    const summary = h('div', { id: 'form-errors', class: 'error-summary', role: 'alert', hidden: true });
    const save = h('button', { type: 'submit', id: 'scenario-save', class: 'primary' }, s ? 'Save changes' : 'Store the scenario');
    form.append(summary, editor.section, h('div', { class: 'actions' }, save,
      s ? h('button', { type: 'button', id: 'scenario-clone', class: 'secondary', onclick: () => saveCopy() }, 'Save as a copy') : null,
      s ? deleteControls(s, said => { location.hash = `#/scenarios?said=${encodeURIComponent(said)}`; }, 'scenario') : null));
    /** The form as it is now, stored under a new name (the scenario opened is unchanged). */
    function saveCopy() {
      clearErrors(form, summary);
      let body;
      try { body = editor.body(); } catch (e) { showFailure(e, { form, summary, status, what: 'copy', cancelled: '' }); return; }
      clone(body.name || s.name, body, e => showFailure(e, { form, summary, status, what: 'copy', cancelled: '' }));
    }
    if (s) editor.fill(s.scenario || {});
    form.addEventListener('submit', async e => {
      e.preventDefault();
      clearErrors(form, summary);
      clearStatus();
      try {
        const body = editor.body();
        const saved = s ? await putJson(`/api/v1/scenarios/${s.id}`, body) : await postJson('/api/v1/scenarios', body);
        scenarios = s ? scenarios.map(x => (x.id === saved.id ? saved : x)) : [...scenarios, saved].sort((a, b) => a.name.localeCompare(b.name));
        status.textContent = `Saved “${saved.name}” (version ${saved.version}).`;
        showList();
        if (!s) location.hash = `#/scenarios/${saved.id}`;
        else { s = saved; title.textContent = saved.name; view.replaceChildren(...viewItems(saved)); }
      } catch (err) {
        showFailure(err, { form, summary, status, what: 'save', cancelled: '' });
      }
    });
    const title = h('h2', { id: 'scenario-title', tabindex: '-1' }, s ? s.name : 'New scenario');
    const view = h('ul', { id: 'scenario-view', class: 'inputs' }, s ? viewItems(s) : []);
    detail.replaceChildren(title, view, form);
  }

  function viewItems(s) {
    const c = s.scenario || {};
    return [
      h('li', {}, `Stored ${f.dateTime(s.createdAt)}, updated ${f.dateTime(s.updatedAt)}, version ${s.version}`),
      c.description ? h('li', { class: 'scenario-description' }, c.description) : null,
      h('li', {}, `BTC: ${btcWords(c.btc)}; difficulty ${c.btc?.startDifficulty == null ? '–' : `${f.num(c.btc.startDifficulty / 1e12, 2)}T`}`,
        c.btc?.difficultyGrowthPerMonth == null ? '' : `, ${f.pct(c.btc.difficultyGrowthPerMonth, 2)}/month`,
        c.btc?.feesBtcPerBlock == null ? '' : `; fees ${f.num(c.btc.feesBtcPerBlock, 3)} BTC/block`),
      h('li', {}, `Energy: ${energyWords(c.energy)}`),
      h('li', {}, `Discount rate: ${c.discountRate == null ? 'the default (10%)' : f.pct(c.discountRate)}`),
    ];
  }

  showList();
  if (query?.get('said')) status.textContent = query.get('said');
  if (sub === 'new') showDetail(null);
  else if (sub) {
    const s = scenarios.find(x => String(x.id) === sub) || await getJson(`/api/v1/scenarios/${encodeURIComponent(sub)}`);
    showDetail(s);
    detail.querySelector('#scenario-title').focus();
  }
}
