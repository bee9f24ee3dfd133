// Plans: pick or create a scenario and a site, write fixed plans ("convert 50 MW in 2027-Q2"), compare them with the
// optimizer's plan and staying on Bitcoin (POST /api/v1/plans/compare), or run the optimizer as a durable job
// (POST /api/v1/plans/runs, polled, cancellable). This module lays the page out and wires its parts (plans/):
// scenario.js, site.js, fixed-plans.js (the form), results.js, charts.js, exports.js (the comparison), job.js.
import { h, field } from '../lib/dom.js';
import { getJson, postJson, getAll } from '../lib/api.js';
import { LongRun } from '../lib/longrun.js';
import { clearErrors, showFailure } from '../lib/fielderrors.js';
import { scenarioSection } from './plans/scenario.js';
import { siteSection } from './plans/site.js';
import { fixedPlansEditor } from './plans/fixed-plans.js';
import { showComparison } from './plans/results.js';
import { PlanCharts } from './plans/charts.js';
import { runOptimizerJob } from './plans/job.js';

let charts = null;
export function unmount() { charts?.disconnect(); charts = null; }

export async function mount(container) {
  const [scenarios, sites] = await Promise.all([getJson('/api/v1/scenarios'), getAll('/api/v1/sites', 100)]);
  const state = { site: null, lastRequest: null, comparison: null };
  charts = new PlanCharts();
  const pageCharts = charts;

  const form = h('form', { id: 'plans-form', novalidate: true, 'aria-labelledby': 'plans-title' });
  const summary = h('div', { id: 'form-errors', class: 'error-summary', role: 'alert', hidden: true });
  const optionNames = () => (state.site?.aiOptions || []).map(o => o.name);
  const scenario = scenarioSection({ scenarios, form, summary });
  const plans = fixedPlansEditor({ site: () => state.site });
  const site = siteSection({ sites, state, form, summary, onLoaded: () => plans.refreshOptions() });

  const compareButton = h('button', { type: 'submit', id: 'compare', class: 'primary' }, 'Compare');
  const jobButton = h('button', { type: 'button', id: 'run-job', class: 'secondary' }, 'Run the optimizer as a job');
  const progressHost = h('div', { class: 'progress-host' });
  const status = h('p', { id: 'result-status', class: 'result-status', 'aria-live': 'polite' });
  const jobOut = h('section', { id: 'job-result', 'aria-live': 'polite' });
  const results = h('section', { id: 'results', 'aria-labelledby': 'results-title' });
  const labelInput = h('input', { type: 'text', id: 'plan-run-label', 'data-field': 'label', maxlength: '200', autocomplete: 'off' });
  const bridgeInput = h('input', { type: 'checkbox', id: 'plan-run-bridge', 'data-field': 'explain.bridge' });
  form.append(summary, scenario.section, site.section, plans.section,
    field('Run label (optional)', labelInput, 'Names the plan run started as a job in the Runs list, beside the site.'),
    field('Explain the difference from the What-if', bridgeInput,
      'The job also answers why its value differs from the one-year What-if at the first month, step by step (up to twelve more LPs).'),
    h('div', { class: 'actions' }, compareButton, jobButton, progressHost));
  container.append(h('h1', { id: 'plans-title' }, 'Plans'),
    h('p', { class: 'lead' }, 'What is converting megawatts to AI worth against staying on Bitcoin, over years, and when is cash lowest? Write plans, compare them side by side with the optimizer\'s.'),
    form, status, jobOut, results);
  const longRun = new LongRun(progressHost);
  const problem = () => site.problem(scenario.pick);

  function fail(e, what) {
    showFailure(e, { form, summary, status, what, cancelled: `Cancelled: the ${what} was stopped. The inputs are unchanged.`,
      // the compare endpoint names the problem's fields under "problem."
      placeErrors: errors => errors.map(x => ({ ...x, field: (x.field || '').replace(/^problem\.?/, '') })) });
  }

  async function compare() {
    clearErrors(form, summary);
    status.textContent = '';
    try {
      const req = { problem: problem(), plans: plans.plans() };
      const out = await longRun.run('Comparing plans: one LP per plan…', signal => postJson('/api/v1/plans/compare', req, { signal }));
      state.lastRequest = req; state.comparison = out;
      showComparison(out, { results, status, charts: pageCharts, optionNames,
        printHeading: `site ${site.siteName()} · scenario ${scenario.pick.selectedOptions[0]?.textContent || ''}`,
        request: req, title: `Board pack: ${site.siteName() || 'the site'}, scenario ${scenario.pick.selectedOptions[0]?.textContent || ''}`.slice(0, 200) });
    } catch (e) { fail(e, 'comparison'); }
  }

  function runJob() {
    clearErrors(form, summary);
    status.textContent = '';
    const labelled = () => ({ ...problem(), ...(labelInput.value.trim() ? { label: labelInput.value } : {}),
      ...(bridgeInput.checked ? { explain: { bridge: true } } : {}) });
    return runOptimizerJob({ problem: labelled, longRun, jobOut, status, addPlan: plans.addPlan, fail: e => fail(e, 'plan run') });
  }

  form.addEventListener('submit', e => { e.preventDefault(); if (!longRun.running) compare(); });
  jobButton.addEventListener('click', () => { if (!longRun.running) runJob(); });

  // ---- initial content: the demo site (else the first), one plan converting 50 MW next year
  if (sites.length) site.load(sites.find(s => s.name === 'West Texas demo') || sites[0]);
  const y = new Date().getUTCFullYear() + 1;
  plans.addPlan({ name: `convert 50 MW in ${y}-Q2`, aiStartsMw: [{ name: optionNames()[0], month: `${y}-Q2`, amount: 50 }] });
}
