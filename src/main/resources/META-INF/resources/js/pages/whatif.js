// What-if: edit a site, its ASIC fleets and AI options (catalog pick-lists), pick hourly prices from a stored
// series (node + year) or a flat price, run the allocation LP, and read the answer in words, charts and tables.
// This module lays the page out and wires its parts (whatif/): site.js, fleets.js, ai-options.js, market.js (the
// form), values.js (reading it), results.js (the answer).
import { h, field } from '../lib/dom.js';
import { getJson, postJson, getAll } from '../lib/api.js';
import { LongRun } from '../lib/longrun.js';
import { clearErrors, showFailure } from '../lib/fielderrors.js';
import * as f from '../lib/format.js';
import { siteSection } from './whatif/site.js';
import { fleetsEditor } from './whatif/fleets.js';
import { aiOptionsEditor } from './whatif/ai-options.js';
import { marketSection } from './whatif/market.js';
import { showAnswer } from './whatif/results.js';

export async function mount(container, { query }) {
  const [models, offerings, sites, series] = await Promise.all([
    getJson('/api/v1/catalog/asic-models'), getJson('/api/v1/catalog/ai-offerings'), getAll('/api/v1/sites', 100), getAll('/api/v1/series', 200),
  ]);

  const form = h('form', { id: 'whatif-form', novalidate: true, 'aria-labelledby': 'whatif-title' });
  const summary = h('div', { id: 'form-errors', class: 'error-summary', role: 'alert', hidden: true });
  const site = siteSection({ sites, onLoad: fillSite });
  const fleets = fleetsEditor({ models });
  const options = aiOptionsEditor({ offerings });
  const market = marketSection({ series });

  const runButton = h('button', { type: 'submit', id: 'run', class: 'primary' }, 'Run what-if');
  const labelInput = h('input', { type: 'text', id: 'run-label', 'data-field': 'label', maxlength: '200', autocomplete: 'off' });
  const progressHost = h('div', { class: 'progress-host' });
  const status = h('p', { id: 'result-status', class: 'result-status', 'aria-live': 'polite' });
  const results = h('section', { id: 'results', 'aria-labelledby': 'results-title' });

  form.append(summary, site.section, fleets.section, options.section, market.section,
    field('Run label (optional)', labelInput, 'Names the recorded run in the Runs list and in comparisons, beside the site.'),
    h('div', { class: 'actions' }, runButton, progressHost));
  container.append(h('h1', { id: 'whatif-title' }, 'What-if'),
    h('p', { class: 'lead' }, 'Split the site\'s megawatts between Bitcoin mining and AI racks. Change an input and run again to see the answer move.'),
    form, status, results);
  const longRun = new LongRun(progressHost);

  /** Fills the form from a stored site: its limits, fleets, AI options and market node. */
  function fillSite(s) {
    site.loaded(s);
    fleets.fill(s.asicFleets);
    options.fill(s.aiOptions);
    market.pickNode(s.marketNode);
    site.status.textContent = `Loaded site “${s.name}”.`;
  }

  /** Fills the form from a stored run's request; label names the run. */
  function fillRequest(req, label) {
    site.set(req.site || {});
    fleets.fill(req.asicFleets);
    options.fill(req.aiOptions);
    market.fill(req, label);
  }

  /** The request without its market (filled by run(), which may fetch stored series). */
  function formRequest() {
    const s = site.values();
    const asicFleets = fleets.values();
    const aiOptions = options.values();
    const { finance, solver } = market.financeAndSolver();
    const label = labelInput.value.trim() ? labelInput.value : undefined;
    return { site: s, asicFleets, aiOptions, market: {}, finance, solver, label };
  }

  async function run() {
    clearErrors(form, summary);
    status.textContent = '';
    try {
      const out = await longRun.run('Preparing the what-if…', async (signal, report) => {
        const req = formRequest();
        const { market: m, start } = await market.market(signal, report);
        req.market = m;
        report(null, `Solving the allocation LP for ${f.num(req.market.energyPricesUsdPerMwh?.length ?? req.market.hours ?? 0)} hours…`);
        const result = await postJson('/api/v1/allocations', req, { signal });
        return { req, start, result };
      });
      showAnswer(out.result, out.req, out.start, { results, status });
    } catch (e) {
      showFailure(e, { form, summary, status, what: 'what-if',
        cancelled: 'Cancelled: the what-if was stopped before an answer came back. The inputs are unchanged.' });
    }
  }

  site.saveButton.addEventListener('click', () => site.save({ request: formRequest, marketNode: market.nodeKey, form, summary }));
  form.addEventListener('submit', e => { e.preventDefault(); if (!longRun.running) run(); });

  // ---- initial content: a run to edit, else a stored site, else one empty fleet and option
  const runId = query.get('run');
  if (runId) {
    try {
      const stored = await getJson(`/api/v1/allocation-runs/${encodeURIComponent(runId)}`);
      // a run on a stored site names only its id: its inputs are the request as it was solved (resolved)
      fillRequest(stored.resolvedRequest || stored.request || {}, `run ${runId}`);
      labelInput.value = stored.label || '';
      status.textContent = `Loaded the inputs of run ${runId}. Change them and run again.`;
    } catch (e) {
      status.textContent = `Run ${runId} could not be loaded: ${e.message}`;
    }
  } else if (sites.length) {
    fillSite(sites.find(s => s.name === 'West Texas demo') || sites[0]);
  } else {
    fleets.add({}); options.add({}); fleets.reindex(); options.reindex();
  }
}
