// Runs: the history of allocation runs (/api/v1/allocation-runs), one run with its inputs and answer, re-run it,
// and compare two runs side by side; below, the durable runs (plans, sweeps, Monte Carlo, stochastic; /api/v1/runs),
// each with its site and label, filtered by site or label.
import { h, saveBlob, field } from '../lib/dom.js';
import { getJson, postJson, fetchBlob, getAll } from '../lib/api.js';
import { exportButtons } from '../lib/exports.js';
import { LongRun, isAbort } from '../lib/longrun.js';
import { resultView } from '../lib/result-view.js';
import { barChart, figure } from '../lib/charts.js';
import * as f from '../lib/format.js';

const PAGE_SIZE = 20;

export async function mount(container, { sub, query }) {
  const list = h('section', { id: 'runs-list', 'aria-labelledby': 'runs-title' });
  const detail = h('section', { id: 'run-detail', 'aria-live': 'polite' });
  container.append(h('h1', { id: 'runs-title' }, 'Runs'),
    h('p', { class: 'lead' }, 'Every what-if that was run, with its inputs. Open one to read it, run it again, or tick two to compare them.'), list, detail,
    jobsSection(query));
  await showList(list, detail, Number(query.get('page') || 0));
  if (sub) await openRun(detail, sub);
  else if (query.get('a') && query.get('b')) await compare(detail, query.get('a'), query.get('b'));
}

/** Stored sites by id (a run on a stored site names it by siteId). */
async function sitesById() {
  return new Map((await getAll('/api/v1/sites', 200)).map(s => [s.id, s]));
}

/** A what-if run's site: the name it was recorded with, else the stored site's now, else the inline request's. */
function siteOf(run, sites) {
  return run.siteName ?? (run.siteId != null ? sites.get(run.siteId)?.name ?? `stored site ${run.siteId}` : run.request?.site?.name);
}

/** A run's title: its number, its site and the label the caller gave it. */
export function runLabel(run, sites) {
  const site = siteOf(run, sites);
  return [`Run ${run.id}`, site, run.label ? `“${run.label}”` : null].filter(Boolean).join(' · ');
}

async function showList(list, detail, page) {
  const [p, sites] = await Promise.all([getJson(`/api/v1/allocation-runs?page=${page}&size=${PAGE_SIZE}`), sitesById()]);
  list.replaceChildren();
  if (!p.totalItems) {
    list.append(h('p', { class: 'empty' }, 'No runs are recorded yet. Run a what-if on the What-if page.'));
    return;
  }
  const compareBtn = h('button', { type: 'button', id: 'compare-runs', class: 'secondary', disabled: true }, 'Compare the two ticked runs');
  const boxes = [];
  const rows = p.items.map(r => {
    const cb = h('input', { type: 'checkbox', value: String(r.id), id: `pick-${r.id}`, 'aria-label': `Tick run ${r.id} to compare` });
    boxes.push(cb);
    return h('tr', {},
      h('td', {}, cb),
      h('th', { scope: 'row' }, h('a', { href: `#/runs/${r.id}`, id: `open-${r.id}` }, `Run ${r.id}`)),
      h('td', { class: 'run-site' }, siteOf(r, sites) ?? 'inline', r.siteId != null ? h('span', { class: 'hint' }, ' (stored)') : null),
      h('td', { class: 'run-label' }, r.label || '–'),
      h('td', {}, f.dateTime(r.createdAt)), h('td', {}, r.status || '–'),
      h('td', { class: 'n' }, r.objectiveUsd == null ? '–' : h('span', { class: 'num', 'data-value': String(r.objectiveUsd) }, f.usd(r.objectiveUsd))),
      h('td', {}, r.solverName || '–'), h('td', { class: 'n' }, r.wallMs == null ? '–' : `${f.num(r.wallMs)} ms`), h('td', {}, r.caller || '–'));
  });
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const update = () => { compareBtn.disabled = boxes.filter(b => b.checked).length !== 2; };
  boxes.forEach(b => b.addEventListener('change', update));
  compareBtn.addEventListener('click', () => {
    const [a, b] = boxes.filter(x => x.checked).map(x => x.value);
    location.hash = `#/runs?a=${a}&b=${b}`;
  });
  const nav = h('div', { class: 'pager' },
    page > 0 ? h('a', { href: `#/runs?page=${page - 1}` }, 'Newer runs') : null,
    h('span', {}, `Page ${page + 1} of ${p.totalPages} (${f.num(p.totalItems)} runs)`),
    page + 1 < p.totalPages ? h('a', { href: `#/runs?page=${page + 1}` }, 'Older runs') : null);
  list.append(h('div', { class: 'scroll' }, h('table', { id: 'runs-table' },
    h('thead', {}, h('tr', {}, ['Compare', 'Run', 'Site', 'Label', 'When (UTC)', 'Status', 'Net value', 'Solver', 'Solve time', 'Caller'].map((c, i) => h('th', { scope: 'col', class: i === 6 || i === 8 ? 'n' : null }, c)))),
    h('tbody', {}, rows))), h('div', { class: 'row' }, compareBtn, nav,
    exportButtons('runs-export', 'gridpivot-runs', allRunsTable, status, 'all runs ')), status);
}

/** Every recorded run (all pages of the list), newest first, as the runs table shows them. */
async function allRunsTable() {
  const all = await getAll('/api/v1/allocation-runs', 200);
  return [{ name: 'Runs', columns: ['run', 'created (UTC)', 'status', 'net value (USD)', 'solver', 'solve time (ms)', 'caller', 'site', 'label'],
    rows: all.map(r => [r.id, r.createdAt, r.status, r.objectiveUsd, r.solverName, r.wallMs, r.caller, r.siteName ?? null, r.label ?? null]) }];
}

/**
 * A run's inputs in words. A run on a stored site (request.siteId) names no fleets or options itself: they are taken
 * from the request as it was solved (resolved, with its market data), or, for a run recorded without it, from the site
 * as stored now.
 */
function inputsSummary(req, sites = new Map(), resolved = null) {
  const stored = req.siteId != null ? sites.get(req.siteId) : null;
  let origin = null;
  if (req.siteId != null && resolved?.site) {
    origin = `Stored site ${stored ? `“${stored.name}” ` : ''}(id ${req.siteId}): its fleets and options as they were at the run`;
    req = { ...req, site: resolved.site, asicFleets: resolved.asicFleets, aiOptions: resolved.aiOptions, market: resolved.market ?? req.market };
  } else if (stored) {
    origin = `Stored site “${stored.name}” (id ${stored.id}, version ${stored.version ?? '–'}): its fleets and options as stored now`;
    req = { ...req, site: { name: stored.name, interconnectMw: stored.interconnectMw, maxAiItMw: stored.maxAiItMw, capexBudgetUsd: stored.capexBudgetUsd },
      asicFleets: stored.asicFleets, aiOptions: stored.aiOptions };
  } else if (req.siteId != null) {
    origin = `Stored site ${req.siteId}, since deleted: its fleets and options are not known`;
  }
  const m = req.market || {};
  const hoursT = Array.isArray(m.energyPricesUsdPerMwh) ? m.energyPricesUsdPerMwh.length : m.hours;
  const price = Array.isArray(m.energyPricesUsdPerMwh)
    ? `hourly prices, mean ${f.usdPerMwh(m.energyPricesUsdPerMwh.reduce((a, b) => a + b, 0) / Math.max(1, m.energyPricesUsdPerMwh.length))}`
    : m.energyPriceUsdPerMwh != null ? `a flat ${f.usdPerMwh(m.energyPriceUsdPerMwh)}` : 'prices by reference';
  const hp = typeof m.hashpriceUsdPerPhDay === 'number' ? f.usdPerPhDay(m.hashpriceUsdPerPhDay)
    : Array.isArray(m.hashpriceUsdPerPhDay) ? `${f.num(m.hashpriceUsdPerPhDay.length)} hashprice values` : 'hashprice by reference';
  return h('ul', { class: 'inputs' }, origin ? h('li', { class: 'stored-site' }, origin) : null,
    h('li', {}, `Site ${req.site?.name ?? '(unnamed)'}: interconnect ${f.mw(req.site?.interconnectMw)}`,
      req.site?.maxAiItMw != null ? `, AI at most ${f.mw(req.site.maxAiItMw)}` : '', req.site?.capexBudgetUsd != null ? `, capex budget ${f.usd(req.site.capexBudgetUsd)}` : ''),
    h('li', {}, `ASIC fleets: ${(req.asicFleets || []).map(x => `${x.name} (${x.model || 'custom'}, ${f.num(x.units)} units)`).join('; ') || 'none'}`),
    h('li', {}, `AI options: ${(req.aiOptions || []).map(x => x.name + (x.offering ? ` (${x.offering})` : '')).join('; ') || 'none'}`),
    h('li', {}, `Market: ${f.horizon(hoursT)}, ${price}, hashprice ${hp}`));
}

async function openRun(detail, id) {
  const [run, sites] = await Promise.all([getJson(`/api/v1/allocation-runs/${encodeURIComponent(id)}`), sitesById()]);
  const req = run.request || {};
  const rerunHost = h('div', { class: 'progress-host' });
  const rerunOut = h('div', { id: 'rerun-result' });
  const longRun = new LongRun(rerunHost);
  const download = async kind => saveBlob(await fetchBlob(`/api/v1/allocation-runs/${run.id}/export.${kind}`), `gridpivot-run-${run.id}.${kind}`);
  const rerun = async () => {
    rerunOut.replaceChildren();
    try {
      const result = await longRun.run(`Running run ${run.id} again…`, signal => postJson('/api/v1/allocations', req, { signal }));
      rerunOut.append(h('h3', {}, 'Run again: stored answer against the new one'));
      rerunOut.append(comparison({ label: `Run ${run.id} (stored)`, result: run.result }, { label: 'Run again now', result }, 'rerun-compare'));
    } catch (e) {
      rerunOut.append(h('p', { class: 'error', role: 'alert' }, isAbort(e) ? 'Cancelled before an answer came back.' : `The run could not be repeated: ${e.message}`));
    }
  };
  const view = run.result ? resultView(run.result, req, { onCsv: async t => saveBlob(await fetchBlob(`/api/v1/allocation-runs/${run.id}/export.csv?table=${t}`), `gridpivot-run-${run.id}-${t}.csv`) }) : h('p', {}, 'This run has no stored answer.');
  detail.replaceChildren(h('h2', { id: 'run-title', tabindex: '-1' }, runLabel(run, sites)),
    h('p', {}, `${f.dateTime(run.createdAt)} · ${run.status} · ${run.solverName || ''} · ${run.caller || ''}`),
    h('h3', {}, 'Inputs'), inputsSummary(req, sites, run.resolvedRequest),
    h('div', { class: 'export-buttons' },
      h('button', { type: 'button', id: 'rerun', class: 'primary', onclick: rerun }, 'Run again'),
      h('a', { class: 'button secondary', href: `#/whatif?run=${run.id}`, id: 'edit-run' }, 'Edit in What-if'),
      h('button', { type: 'button', id: 'run-export-xlsx', class: 'secondary', onclick: () => download('xlsx') }, 'Download XLSX'),
      h('button', { type: 'button', id: 'run-export-csv', class: 'secondary', onclick: () => download('csv') }, 'Download CSV'),
      h('button', { type: 'button', class: 'secondary', onclick: () => window.print() }, 'Print summary')),
    rerunHost, rerunOut, h('h3', {}, 'Answer'), view);
  view.drawCharts?.();
  detail.querySelector('#run-title').focus();
}

function metrics(r) {
  const a = r?.allocation || {}, e = r?.economics || {}, y = f.years(r?.solver?.hours);
  const usd = 'USD', mw = 'MW';
  return [
    ['Net value over the horizon', e.netUsd, f.usd, usd], ['Net value per year', y ? e.netUsd / y : null, f.usd, usd],
    ['Mining revenue', e.miningRevenueUsd, f.usd, usd], ['AI revenue', e.aiRevenueUsd, f.usd, usd], ['Energy cost', e.energyCostUsd, f.usd, usd],
    ['Capex charge', e.capexChargeUsd, f.usd, usd], ['Operating cost', e.opexUsd, f.usd, usd],
    ['ASIC IT load', a.totalAsicItMw, f.mw, mw], ['AI IT load', a.totalAiItMw, f.mw, mw], ['Peak site power', a.peakFacilityMw, f.mw, mw],
    ['One more MW of interconnect, per year', y && r?.shadowPrices ? r.shadowPrices.interconnectUsdPerMw / y : null, f.usd, usd],
    ['Horizon', r?.solver?.hours, f.hours, 'h'],
  ];
}

/** Side-by-side table of two answers with the difference (exported as one table), and a chart of MW by use. */
function comparison(A, B, idPrefix) {
  const ma = metrics(A.result), mb = metrics(B.result);
  const diffOf = (va, vb) => (typeof va === 'number' && typeof vb === 'number' ? vb - va : null);
  const cell = (v, fmt, text) => h('td', { class: 'n' }, v == null ? '–' : h('span', { class: 'num', 'data-value': String(v) }, text ?? fmt(v)));
  const rows = ma.map(([label, va, fmt], i) => {
    const vb = mb[i][1];
    const diff = diffOf(va, vb);
    return h('tr', {}, h('th', { scope: 'row' }, label), cell(va, fmt), cell(vb, fmt), cell(diff, fmt, diff == null ? null : (diff > 0 ? '+' : '') + fmt(diff)));
  });
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const tables = () => [{ name: 'Comparison', columns: ['measure', 'unit', A.label, B.label, 'difference'],
    rows: ma.map(([label, va, , unit], i) => [label, unit, va ?? null, mb[i][1] ?? null, diffOf(va, mb[i][1])]) }];
  const wrap = h('div', { class: 'comparison' }, exportButtons(idPrefix, `gridpivot-${idPrefix}`, tables, status, 'comparison '), status,
    h('div', { class: 'scroll' }, h('table', { class: 'compare-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Measure'), h('th', { scope: 'col', class: 'n' }, A.label), h('th', { scope: 'col', class: 'n' }, B.label), h('th', { scope: 'col', class: 'n' }, 'Difference'))),
    h('tbody', {}, rows))));
  const uses = [...new Set([A, B].flatMap(x => [...Object.keys(x.result?.allocation?.asicItMw || {}), ...Object.keys(x.result?.allocation?.aiItMw || {})]))];
  if (uses.length) {
    const fig = figure('MW by use', 'IT megawatts by use in each run, side by side.');
    fig.box.classList.add('compare-chart');
    wrap.append(fig);
    const mwOf = (x, u) => x.result?.allocation?.asicItMw?.[u] ?? x.result?.allocation?.aiItMw?.[u] ?? 0;
    requestAnimationFrame(() => barChart(fig.box, { title: 'IT load by use (MW)', categories: uses, yLabel: 'IT load (MW)', yFmt: v => f.num(v, 1),
      series: [{ label: A.label, values: uses.map(u => mwOf(A, u)) }, { label: B.label, values: uses.map(u => mwOf(B, u)) }],
      description: `IT megawatts by use: ${A.label} against ${B.label}.` }));
  }
  return wrap;
}

async function compare(detail, a, b) {
  const [ra, rb, sites] = await Promise.all([getJson(`/api/v1/allocation-runs/${encodeURIComponent(a)}`), getJson(`/api/v1/allocation-runs/${encodeURIComponent(b)}`), sitesById()]);
  detail.replaceChildren(h('h2', { id: 'compare-title', tabindex: '-1' }, `Run ${ra.id} against run ${rb.id}`),
    h('div', { class: 'two-col' },
      h('div', { id: 'compare-inputs-a' }, h('h3', {}, `${runLabel(ra, sites)}: inputs`), inputsSummary(ra.request || {}, sites, ra.resolvedRequest)),
      h('div', { id: 'compare-inputs-b' }, h('h3', {}, `${runLabel(rb, sites)}: inputs`), inputsSummary(rb.request || {}, sites, rb.resolvedRequest))),
    comparison({ label: `Run ${ra.id}`, result: ra.result }, { label: `Run ${rb.id}`, result: rb.result }, 'runs-compare'));
  detail.querySelector('#compare-title').focus();
}

const KIND_WORDS = { PLAN: 'Plan', SWEEP: 'What-if sweep', PLAN_SWEEP: 'Plan sweep', MONTE_CARLO: 'Monte Carlo', STOCHASTIC_PLAN: 'Stochastic plan' };

/**
 * The durable runs (GET /api/v1/runs): kind, site and label, status, when; filtered by site and label (the API's
 * site= and label= match a part of the name, ignoring case). The filter travels in the hash (#/runs?site=…&label=…).
 */
function jobsSection(query) {
  const section = h('section', { id: 'jobs-list', 'aria-labelledby': 'jobs-title' });
  const siteIn = h('input', { type: 'search', id: 'jobs-site', 'data-field': 'site', value: query.get('site') || '', autocomplete: 'off' });
  const labelIn = h('input', { type: 'search', id: 'jobs-label', 'data-field': 'label', value: query.get('label') || '', autocomplete: 'off' });
  const out = h('div', { id: 'jobs-out', 'aria-live': 'polite' });
  const form = h('form', { class: 'row filters', id: 'jobs-filter', role: 'search' },
    field('Site contains', siteIn), field('Label contains', labelIn), h('button', { type: 'submit', class: 'secondary' }, 'Filter'));
  const load = async () => {
    const params = new URLSearchParams({ size: '50' });
    if (siteIn.value.trim()) params.set('site', siteIn.value.trim());
    if (labelIn.value.trim()) params.set('label', labelIn.value.trim());
    try {
      const p = await getJson(`/api/v1/runs?${params}`);
      out.replaceChildren(...[!p.items.length ? h('p', { class: 'empty' }, params.has('site') || params.has('label')
        ? 'No plan, sweep or risk run matches the filter.' : 'No plan, sweep or risk run yet. Start one on the Plans or Risk page.')
        : h('div', { class: 'scroll' }, h('table', { id: 'jobs-table' },
          h('thead', {}, h('tr', {}, ['Run', 'Kind', 'Site', 'Label', 'Status', 'When (UTC)'].map(c => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, p.items.map(j => h('tr', { 'data-run': String(j.id) },
            h('th', { scope: 'row' }, `Run ${j.id}`), h('td', {}, KIND_WORDS[j.kind] ?? j.kind), h('td', { class: 'run-site' }, j.siteName || '–'),
            h('td', { class: 'run-label' }, j.label || '–'), h('td', {}, j.status), h('td', {}, f.dateTime(j.createdAt))))))),
        p.totalItems > p.items.length ? h('p', { class: 'hint' }, `The newest ${f.num(p.items.length)} of ${f.num(p.totalItems)}.`) : null]
        .filter(Boolean));
    } catch (e) {
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, `The runs could not be listed: ${e.message}`));
    }
  };
  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  section.append(h('h2', { id: 'jobs-title' }, 'Plan, sweep and risk runs'),
    h('p', {}, 'Every plan run, sweep, Monte Carlo and stochastic run, with the site it is about and the label it was given.'), form, out);
  load();
  return section;
}
