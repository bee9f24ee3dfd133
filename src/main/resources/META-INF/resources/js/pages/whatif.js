// What-if: edit a site, its ASIC fleets and AI options (catalog pick-lists), pick hourly prices from a stored
// series (node + year) or a flat price, run the allocation LP, and read the answer in words, charts and tables.
import { h, field, numberInput, select, nextId, saveBlob } from '../lib/dom.js';
import { getJson, postJson, putJson, fetchBlob, getAll } from '../lib/api.js';
import { LongRun } from '../lib/longrun.js';
import { showErrors, clearErrors, showFailure, ClientError } from '../lib/fielderrors.js';
import { resultView } from '../lib/result-view.js';
import * as f from '../lib/format.js';

let state;

const FLEET_FIELDS = [
  ['name', 'Name', 'text'], ['units', 'Units (machines)'], ['hashrateThPerUnit', 'Hashrate per unit (TH/s)'],
  ['powerWPerUnit', 'Power per unit (W)'], ['pue', 'PUE (site power per IT power)'], ['poolFeeFraction', 'Pool fee (fraction of revenue)'],
  ['variableOpexUsdPerMwh', 'Variable opex (USD/MWh)'], ['fixedOpexUsdPerMwYear', 'Fixed opex (USD per MW-year)'],
];
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

export async function mount(container, { query }) {
  const [models, offerings, sites, series] = await Promise.all([
    getJson('/api/v1/catalog/asic-models'), getJson('/api/v1/catalog/ai-offerings'), getAll('/api/v1/sites', 100), getAll('/api/v1/series', 200),
  ]);
  state = { models, offerings, sites, series, loadedSite: null, runPrices: null, runHashprice: null, lastRequest: null, lastStart: null };
  const energy = series.filter(s => s.kind === 'ENERGY_PRICE');
  const hashprices = series.filter(s => s.kind === 'HASHPRICE');

  const form = h('form', { id: 'whatif-form', novalidate: true, 'aria-labelledby': 'whatif-title' });
  const summary = h('div', { id: 'form-errors', class: 'error-summary', role: 'alert', hidden: true });
  const fleets = h('div', { id: 'fleets' });
  const options = h('div', { id: 'ai-options' });

  // ---- site
  const sitePick = select('', [{ value: '', label: sites.length ? 'Choose a stored site' : 'No stored sites yet' },
    ...sites.map(s => ({ value: String(s.id), label: s.name }))], { id: 'site-pick' });
  sitePick.removeAttribute('data-field');
  const siteInputs = {
    name: h('input', { type: 'text', id: 'site-name', 'data-field': 'site.name', autocomplete: 'off' }),
    interconnectMw: numberInput('site.interconnectMw', { id: 'site-interconnect' }),
    maxAiItMw: numberInput('site.maxAiItMw', { id: 'site-max-ai' }),
    minAiItMw: numberInput('site.minAiItMw', { id: 'site-min-ai' }),
    capexBudgetUsd: numberInput('site.capexBudgetUsd', { id: 'site-capex' }),
  };
  const siteSection = h('fieldset', { class: 'box' }, h('legend', {}, 'Site'),
    h('div', { class: 'row' }, field('Stored site', sitePick),
      h('button', { type: 'button', id: 'load-site', class: 'secondary', onclick: () => sitePick.value && fillSite(sites.find(s => String(s.id) === sitePick.value)) }, 'Load site'),
      h('button', { type: 'button', id: 'save-site', class: 'secondary', onclick: () => saveSite() }, 'Save site')),
    h('div', { class: 'grid' },
      field('Site name', siteInputs.name), field('Interconnect (MW of site power)', siteInputs.interconnectMw),
      field('Largest AI IT load (MW)', siteInputs.maxAiItMw, 'Empty: no limit'), field('Contracted AI IT load (MW)', siteInputs.minAiItMw, 'Empty: none'),
      field('Capex budget (USD)', siteInputs.capexBudgetUsd, 'Empty: no limit')),
    h('p', { id: 'site-status', class: 'hint', 'aria-live': 'polite' }));

  // ---- fleets and options
  const fleetSection = h('fieldset', { class: 'box' }, h('legend', {}, 'ASIC fleets'), fleets,
    h('button', { type: 'button', id: 'add-fleet', class: 'secondary', onclick: () => { addFleet({}); reindex(); } }, 'Add a fleet'));
  const aiSection = h('fieldset', { class: 'box' }, h('legend', {}, 'AI options'), options,
    h('button', { type: 'button', id: 'add-ai', class: 'secondary', onclick: () => { addAi({}); reindex(); } }, 'Add an AI option'));

  // ---- market
  const nodeSel = select('market.energyPricesUsdPerMwh', energy.map(s => ({ value: String(s.id), label: `${s.key} (${s.unit})` })), { id: 'price-node' });
  const yearSel = select('market.year', [], { id: 'price-year' });
  const flatPrice = numberInput('market.energyPriceUsdPerMwh', { id: 'price-flat' });
  const flatHours = numberInput('market.hours', { id: 'price-hours' });
  const hashFlat = numberInput('market.hashpriceUsdPerPhDay', { id: 'hashprice-flat' });
  const hashSel = select('market.hashpriceUsdPerPhDay', hashprices.map(s => ({ value: String(s.id), label: `${s.key} (${s.unit}, daily)` })), { id: 'hashprice-series' });
  const radio = (name, value, label, checked) => {
    const id = nextId(name);
    return h('span', { class: 'radio' }, h('input', { type: 'radio', name, value, id, checked }), h('label', { for: id }, label));
  };
  const priceRadios = h('div', { class: 'radios', role: 'radiogroup', 'aria-label': 'Energy prices from' },
    radio('price-source', 'series', 'Stored hourly prices', energy.length > 0), radio('price-source', 'flat', 'A flat price', energy.length === 0),
    h('span', { class: 'radio', id: 'price-run-choice', hidden: true }, h('input', { type: 'radio', name: 'price-source', value: 'run', id: 'price-source-run' }),
      h('label', { for: 'price-source-run', id: 'price-run-label' }, 'Prices of the loaded run')));
  const hashRadios = h('div', { class: 'radios', role: 'radiogroup', 'aria-label': 'Hashprice from' },
    radio('hash-source', 'series', 'Stored daily hashprice', hashprices.length > 0), radio('hash-source', 'flat', 'A flat hashprice', hashprices.length === 0),
    h('span', { class: 'radio', id: 'hash-run-choice', hidden: true }, h('input', { type: 'radio', name: 'hash-source', value: 'run', id: 'hash-source-run' }),
      h('label', { for: 'hash-source-run' }, 'Hashprice of the loaded run')));
  const seriesBox = h('div', { class: 'grid', 'data-when': 'price-series' },
    energy.length ? [field('Node', nodeSel), field('Year (UTC)', yearSel)] : h('p', { class: 'hint' }, 'No energy price series is stored yet; use a flat price or import prices.'));
  const flatBox = h('div', { class: 'grid', 'data-when': 'price-flat' }, field('Energy price (USD/MWh)', flatPrice), field('Hours in the horizon', flatHours));
  const hashSeriesBox = h('div', { class: 'grid', 'data-when': 'hash-series' },
    hashprices.length ? field('Hashprice series', hashSel, 'Each hour gets its UTC day\'s hashprice') : h('p', { class: 'hint' }, 'No hashprice series is stored yet.'));
  const hashFlatBox = h('div', { class: 'grid', 'data-when': 'hash-flat' }, field('Hashprice (USD per PH/s per day)', hashFlat));
  const discount = numberInput('finance.discountRate', { id: 'finance-rate' });
  const recovery = numberInput('finance.capexRecoveryYears', { id: 'finance-years' });
  const solver = select('solver', [{ value: 'GLOP', label: 'GLOP (default)' }, { value: 'CLP', label: 'CLP' }, { value: 'PDLP', label: 'PDLP' }], { id: 'solver' });
  const marketSection = h('fieldset', { class: 'box' }, h('legend', {}, 'Market and finance'),
    h('h3', { class: 'sub' }, 'Energy prices'), priceRadios, seriesBox, flatBox,
    h('h3', { class: 'sub' }, 'Hashprice'), hashRadios, hashSeriesBox, hashFlatBox,
    h('h3', { class: 'sub' }, 'Finance and solver'),
    h('div', { class: 'grid' }, field('Discount rate (fraction per year)', discount, 'Empty: 0.10'), field('Capex recovery (years)', recovery, 'Empty: 5'), field('Solver', solver)));

  const runButton = h('button', { type: 'submit', id: 'run', class: 'primary' }, 'Run what-if');
  const progressHost = h('div', { class: 'progress-host' });
  const status = h('p', { id: 'result-status', class: 'result-status', 'aria-live': 'polite' });
  const results = h('section', { id: 'results', 'aria-labelledby': 'results-title' });

  form.append(summary, siteSection, fleetSection, aiSection, marketSection, h('div', { class: 'actions' }, runButton, progressHost));
  container.append(h('h1', { id: 'whatif-title' }, 'What-if'),
    h('p', { class: 'lead' }, 'Split the site\'s megawatts between Bitcoin mining and AI racks. Change an input and run again to see the answer move.'),
    form, status, results);
  const longRun = new LongRun(progressHost);

  // ---- behaviour
  function toggle() {
    const ps = form.querySelector('input[name="price-source"]:checked')?.value;
    const hs = form.querySelector('input[name="hash-source"]:checked')?.value;
    seriesBox.hidden = ps !== 'series'; flatBox.hidden = ps !== 'flat';
    hashSeriesBox.hidden = hs !== 'series'; hashFlatBox.hidden = hs !== 'flat';
  }
  form.addEventListener('change', e => { if (e.target.name === 'price-source' || e.target.name === 'hash-source') toggle(); });
  function fillYears() {
    const s = energy.find(x => String(x.id) === nodeSel.value);
    yearSel.replaceChildren();
    if (!s || !s.firstStart) return;
    const y0 = new Date(s.firstStart).getUTCFullYear(), y1 = new Date(s.lastStart).getUTCFullYear();
    let best = y1;
    for (let y = y1; y >= y0; y--) {
      const from = Math.max(Date.parse(s.firstStart), Date.UTC(y, 0, 1)), to = Math.min(Date.parse(s.lastStart), Date.UTC(y + 1, 0, 1));
      if ((to - from) / 864e5 >= 360) { best = y; break; }
    }
    for (let y = y0; y <= y1; y++) yearSel.append(h('option', { value: String(y), selected: y === best }, String(y)));
  }
  nodeSel.addEventListener('change', fillYears);
  fillYears();
  toggle();

  function addFleet(d) {
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
    fleets.append(row);
  }

  function addAi(d) {
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
    options.append(row);
    showBasis();
  }

  function reindex() {
    [...fleets.children].forEach((row, i) => {
      row.querySelector('legend').textContent = `ASIC fleet ${i + 1}`;
      for (const el of row.querySelectorAll('[data-prop]')) if (!el.classList.contains('field')) el.dataset.field = `asicFleets[${i}].${el.dataset.prop}`;
    });
    [...options.children].forEach((row, i) => {
      row.querySelector('legend').textContent = `AI option ${i + 1}`;
      for (const el of row.querySelectorAll('[data-prop]')) if (!el.classList.contains('field')) el.dataset.field = `aiOptions[${i}].${el.dataset.prop}`;
    });
  }

  function setSite(s) {
    siteInputs.name.value = s.name ?? '';
    for (const k of ['interconnectMw', 'maxAiItMw', 'minAiItMw', 'capexBudgetUsd']) siteInputs[k].value = s[k] ?? '';
  }

  function fillSite(site) {
    state.loadedSite = site;
    setSite(site);
    fleets.replaceChildren(); options.replaceChildren();
    (site.asicFleets || []).forEach(addFleet);
    (site.aiOptions || []).forEach(addAi);
    reindex();
    const node = energy.find(s => s.key === site.marketNode);
    if (node) { nodeSel.value = String(node.id); fillYears(); }
    sitePick.value = String(site.id);
    document.getElementById('site-status').textContent = `Loaded site “${site.name}”.`;
  }

  function fillRequest(req, label) {
    setSite(req.site || {});
    fleets.replaceChildren(); options.replaceChildren();
    (req.asicFleets || []).forEach(addFleet);
    (req.aiOptions || []).forEach(addAi);
    reindex();
    const m = req.market || {};
    if (Array.isArray(m.energyPricesUsdPerMwh)) {
      state.runPrices = m.energyPricesUsdPerMwh;
      document.getElementById('price-run-choice').hidden = false;
      document.getElementById('price-run-label').textContent = `Prices of ${label} (${f.num(m.energyPricesUsdPerMwh.length)} hours)`;
      document.getElementById('price-source-run').checked = true;
    } else if (m.energyPriceUsdPerMwh != null) {
      flatPrice.value = m.energyPriceUsdPerMwh; flatHours.value = m.hours ?? '';
      form.querySelector('input[name="price-source"][value="flat"]').checked = true;
    }
    if (Array.isArray(m.hashpriceUsdPerPhDay)) {
      state.runHashprice = m.hashpriceUsdPerPhDay;
      document.getElementById('hash-run-choice').hidden = false;
      document.getElementById('hash-source-run').checked = true;
    } else if (typeof m.hashpriceUsdPerPhDay === 'number') {
      hashFlat.value = m.hashpriceUsdPerPhDay;
      form.querySelector('input[name="hash-source"][value="flat"]').checked = true;
    }
    discount.value = req.finance?.discountRate ?? ''; recovery.value = req.finance?.capexRecoveryYears ?? '';
    if (req.solver) solver.value = req.solver;
    toggle();
  }

  // ---- request building
  function num(el) {
    if (el.validity && el.validity.badInput) throw new ClientError(el.dataset.field, 'is not a number');
    const v = el.value.trim();
    return v === '' ? undefined : Number(v);
  }
  function rowValues(row, props) {
    const o = {};
    for (const p of props) {
      const el = row.querySelector(`[data-prop="${p}"]:not(.field)`);
      if (!el || el.closest('.field')?.hidden) continue;
      o[p] = el.type === 'text' || el.tagName === 'SELECT' ? (el.value.trim() || undefined) : num(el);
    }
    return o;
  }
  function formRequest() {
    const site = { name: siteInputs.name.value.trim() || undefined };
    for (const k of ['interconnectMw', 'maxAiItMw', 'minAiItMw', 'capexBudgetUsd']) site[k] = num(siteInputs[k]);
    const asicFleets = [...fleets.children].map(row => rowValues(row, ['name', 'model', ...FLEET_FIELDS.map(x => x[0]).filter(p => p !== 'name')]));
    const aiOptions = [...options.children].map(row => {
      const o = rowValues(row, ['name', 'offering', ...AI_FIELDS.map(x => x[0]).filter(p => p !== 'name')]);
      o.tenantPaysPower = row.querySelector('[data-prop="tenantPaysPower"]').checked;
      return o;
    });
    const finance = { discountRate: num(discount), capexRecoveryYears: num(recovery) };
    return { site, asicFleets, aiOptions, market: {}, finance: finance.discountRate === undefined && finance.capexRecoveryYears === undefined ? undefined : finance, solver: solver.value };
  }

  async function hourlyPrices(signal, report) {
    const s = energy.find(x => String(x.id) === nodeSel.value);
    if (!s) throw new ClientError('market.energyPricesUsdPerMwh', 'choose a node with stored prices');
    const y = Number(yearSel.value);
    report(null, `Loading ${s.key} hourly prices for ${y}…`);
    const res = await getJson(`/api/v1/series/${s.id}/points?from=${y}-01-01&to=${y + 1}-01-01&resolution=hourly`, { signal });
    const pts = res.points;
    if (!pts.length) throw new ClientError('market.energyPricesUsdPerMwh', `${s.key} has no prices in ${y}`);
    for (let i = 1; i < pts.length; i++) {
      if (Date.parse(pts[i].intervalStart) - Date.parse(pts[i - 1].intervalStart) !== 3600e3) {
        throw new ClientError('market.energyPricesUsdPerMwh', `${s.key} has no prices from ${f.dateTime(pts[i - 1].intervalEnd)} to ${f.dateTime(pts[i].intervalStart)}; pick another year or node`);
      }
    }
    return { values: pts.map(p => p.value), start: Date.parse(pts[0].intervalStart) / 1000, label: `${s.key} ${y}` };
  }

  async function hourlyHashprice(start, count, signal, report) {
    const s = hashprices.find(x => String(x.id) === hashSel.value);
    if (!s) throw new ClientError('market.hashpriceUsdPerPhDay', 'choose a hashprice series');
    report(null, `Loading hashprice ${s.key}…`);
    const day = t => new Date(t * 1000).toISOString().slice(0, 10);
    const from = day(start), to = new Date((start + 3600 * count + 86400) * 1000).toISOString().slice(0, 10);
    const res = await getJson(`/api/v1/series/${s.id}/points?from=${from}&to=${to}&resolution=daily`, { signal });
    const byDay = new Map(res.points.map(p => [p.intervalStart.slice(0, 10), p.value]));
    const out = new Array(count);
    for (let t = 0; t < count; t++) {
      const d = day(start + 3600 * t);
      if (!byDay.has(d)) throw new ClientError('market.hashpriceUsdPerPhDay', `the hashprice series has no value for ${d}`);
      out[t] = byDay.get(d);
    }
    return out;
  }

  async function buildRequest(signal, report) {
    const req = formRequest();
    const ps = form.querySelector('input[name="price-source"]:checked')?.value;
    const hs = form.querySelector('input[name="hash-source"]:checked')?.value;
    let start = null;
    if (ps === 'series') {
      const p = await hourlyPrices(signal, report);
      req.market.energyPricesUsdPerMwh = p.values; start = p.start;
    } else if (ps === 'run') {
      req.market.energyPricesUsdPerMwh = state.runPrices;
    } else {
      req.market.energyPriceUsdPerMwh = num(flatPrice); req.market.hours = num(flatHours);
    }
    if (hs === 'series') {
      if (start === null) throw new ClientError('market.hashpriceUsdPerPhDay', 'a stored hashprice needs stored hourly prices (their dates); use a flat hashprice with a flat energy price');
      req.market.hashpriceUsdPerPhDay = await hourlyHashprice(start, req.market.energyPricesUsdPerMwh.length, signal, report);
    } else if (hs === 'run') {
      req.market.hashpriceUsdPerPhDay = state.runHashprice;
    } else {
      req.market.hashpriceUsdPerPhDay = num(hashFlat);
    }
    return { req, start };
  }

  async function run() {
    clearErrors(form, summary);
    status.textContent = '';
    try {
      const out = await longRun.run('Preparing the what-if…', async (signal, report) => {
        const { req, start } = await buildRequest(signal, report);
        report(null, `Solving the allocation LP for ${f.num(req.market.energyPricesUsdPerMwh?.length ?? req.market.hours ?? 0)} hours…`);
        const result = await postJson('/api/v1/allocations', req, { signal });
        return { req, start, result };
      });
      state.lastRequest = out.req; state.lastStart = out.start;
      show(out.result, out.req, out.start);
    } catch (e) {
      showFailure(e, { form, summary, status, what: 'what-if',
        cancelled: 'Cancelled: the what-if was stopped before an answer came back. The inputs are unchanged.' });
    }
  }

  async function download(kind, table) {
    const req = state.lastRequest;
    try {
      const blob = await fetchBlob(`/api/v1/allocations/export.${kind}${table ? `?table=${table}` : ''}`, { method: 'POST', body: req });
      saveBlob(blob, `gridpivot-what-if${table ? `-${table}` : ''}.${kind}`);
    } catch (e) {
      status.textContent = `The export failed: ${e.message}`;
    }
  }

  function show(result, req, start) {
    const view = resultView(result, req, { onCsv: t => download('csv', t), startEpochSeconds: start ?? undefined });
    results.replaceChildren(
      h('div', { class: 'results-head' }, h('h2', { id: 'results-title' }, 'Answer'),
        h('div', { class: 'export-buttons' },
          h('button', { type: 'button', id: 'export-xlsx', class: 'secondary', onclick: () => download('xlsx') }, 'Download XLSX'),
          h('button', { type: 'button', id: 'export-csv', class: 'secondary', onclick: () => download('csv') }, 'Download CSV'),
          h('button', { type: 'button', id: 'print-summary', class: 'secondary', onclick: () => window.print() }, 'Print summary'))),
      h('p', { class: 'print-only' }, `Site ${req.site?.name || ''}: interconnect ${f.mw(req.site?.interconnectMw)}; ${req.asicFleets.length} ASIC fleets, ${req.aiOptions.length} AI options; ${new Date().toISOString().slice(0, 10)}.`),
      view);
    view.drawCharts();
    results.dataset.status = result.status;
    status.textContent = result.economics
      ? `Answer ready: net value ${f.usd(result.economics.netUsd)} over ${f.horizon(result.solver?.hours)}.`
      : `The solver answered ${result.status}.`;
  }

  async function saveSite() {
    const siteStatus = document.getElementById('site-status');
    clearErrors(form, summary);
    try {
      const r = formRequest();
      const energyKey = energy.find(x => String(x.id) === nodeSel.value)?.key;
      const body = { ...r.site, marketNode: energyKey || state.loadedSite?.marketNode, notes: state.loadedSite?.notes,
        asicFleets: r.asicFleets, aiOptions: r.aiOptions.map(o => ({ ...o, kind: undefined })), version: state.loadedSite?.version };
      const same = state.loadedSite && state.loadedSite.name === body.name;
      const saved = same ? await putJson(`/api/v1/sites/${state.loadedSite.id}`, body) : await postJson('/api/v1/sites', body);
      state.loadedSite = saved;
      if (!sites.find(s => s.id === saved.id)) { sites.push(saved); sitePick.append(h('option', { value: String(saved.id) }, saved.name)); }
      sitePick.value = String(saved.id);
      siteStatus.textContent = `Saved site “${saved.name}”.`;
    } catch (e) {
      const errors = (e.errors || []).map(x => ({ ...x, field: /^(asicFleets|aiOptions)/.test(x.field) ? x.field : x.field === 'marketNode' ? 'market.energyPricesUsdPerMwh' : `site.${x.field}` }));
      showErrors(form, summary, errors, e.detail || e.message);
      siteStatus.textContent = 'The site was not saved.';
    }
  }

  form.addEventListener('submit', e => { e.preventDefault(); if (!longRun.running) run(); });

  // ---- initial content: a run to edit, else a stored site, else one empty fleet and option
  const runId = query.get('run');
  if (runId) {
    try {
      const stored = await getJson(`/api/v1/allocation-runs/${encodeURIComponent(runId)}`);
      fillRequest(stored.request || {}, `run ${runId}`);
      status.textContent = `Loaded the inputs of run ${runId}. Change them and run again.`;
    } catch (e) {
      status.textContent = `Run ${runId} could not be loaded: ${e.message}`;
    }
  } else if (sites.length) {
    fillSite(sites.find(s => s.name === 'West Texas demo') || sites[0]);
  } else {
    addFleet({}); addAi({}); reindex();
  }
}
