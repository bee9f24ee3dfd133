// Risk: sweep a what-if (a stored site with a flat energy price and hashprice) or a plan (a stored scenario and site over
// a horizon of months, the body of POST /api/v1/plans/runs) over one or two inputs with POST /api/v1/sweeps/runs (a
// durable job, polled), and show the pivot curve (optimal AI and ASIC MW against the input) with the frontier steps,
// NPV against the input, a tornado of NPV against ±X% on each input, and for two axes a heat map of AI MW.
// Below it, Monte Carlo NPV distributions of fixed plans and a stochastic plan (risk/monte-carlo.js).
// This module lays the page out and wires its parts (risk/): sweep-form.js, sweep-results.js, sweep-charts.js,
// sweep-exports.js, sweep-inputs.js, and the Monte Carlo and stochastic modules.
import { h } from '../lib/dom.js';
import { getAll, getJson } from '../lib/api.js';
import { LongRun } from '../lib/longrun.js';
import { runJob } from '../lib/jobs.js';
import { clearErrors, showFailure } from '../lib/fielderrors.js';
import * as f from '../lib/format.js';
import { VIEWS } from './risk/sweep-inputs.js';
import { sweepForm } from './risk/sweep-form.js';
import { showSweep } from './risk/sweep-results.js';
import { mountMonteCarlo } from './risk/monte-carlo.js';

export async function mount(container) {
  const [sites, scenarios] = await Promise.all([getAll('/api/v1/sites', 100), getJson('/api/v1/scenarios')]);
  const sweep = sweepForm({ sites, scenarios });
  const { form, summary } = sweep;
  const status = h('p', { id: 'result-status', class: 'result-status', 'aria-live': 'polite' });
  const results = h('section', { id: 'results', 'aria-labelledby': 'results-title' });
  container.append(h('h1', { id: 'risk-title' }, 'Risk'),
    h('p', { class: 'lead' }, 'At which BTC price, hashprice or GPU rate does converting the next megawatts to AI pay, and which input moves the value most?'),
    form, status, results);
  const longRun = new LongRun(sweep.progressHost);

  async function run() {
    clearErrors(form, summary);
    status.textContent = '';
    try {
      const req = sweep.request();
      const points = req.axes.reduce((n, a) => n * (a.points || 1), 1);
      const view = req.plan ? VIEWS.plan : VIEWS.whatIf;
      // A durable job: the bar follows the server's progress, Cancel stops the run on the server too.
      const result = await runJob(longRun, `Sweeping ${f.num(points)} ${view.noun}…`, { runsUrl: '/api/v1/sweeps/runs', req, intervalMs: 250, what: 'sweep',
        hasResult: s => s === 'OPTIMAL',
        progress: j => [j.progressPercent / 100, `${j.status === 'QUEUED' ? 'Queued' : 'Solving'}: ${j.progressPercent}% of ${f.num(points)} points`] });
      showSweep(req, result, view, { results, status, picks: sweep.picks });
    } catch (e) {
      showFailure(e, { form, summary, status, what: 'sweep', placeErrors: sweep.place,
        cancelled: 'Cancelled: the sweep was stopped before an answer came back. The inputs are unchanged.' });
    }
  }
  form.addEventListener('submit', e => { e.preventDefault(); if (!longRun.running) run(); });

  // ---- Monte Carlo and the stochastic plan (risk/monte-carlo.js), below the sweep
  mountMonteCarlo(container, { scenarios, sites });
}
