// Risk page, second half: Monte Carlo of fixed plans over BTC price paths (POST /api/v1/risk/montecarlo/runs) and a
// two-stage stochastic plan over 2–3 BTC price scenarios (POST /api/v1/risk/stochastic/runs). Both are durable jobs
// (lib/jobs.js) on one small plan problem (problem-box.js); this module wires the forms to the jobs and the answers.
import { isAbort } from '../../lib/longrun.js';
import { runJob } from '../../lib/jobs.js';
import { showErrors, clearErrors, showFailure } from '../../lib/fielderrors.js';
import * as f from '../../lib/format.js';
import { problemBox } from './problem-box.js';
import { monteCarloForm } from './mc-form.js';
import { stochasticForm } from './stochastic-form.js';
import { showMonteCarlo } from './mc-results.js';
import { showStochastic } from './stochastic-results.js';

const HAS_RESULT = ['OPTIMAL', 'FEASIBLE', 'INFEASIBLE', 'TIMED_OUT'];

/** Submits req as a risk job of kind (montecarlo, stochastic), polls it, fetches its result; Cancel sends DELETE. */
function job(longRun, kind, req, label) {
  return runJob(longRun, label, { runsUrl: `/api/v1/risk/${kind}/runs`, req, intervalMs: 300, what: 'run',
    hasResult: s => HAS_RESULT.includes(s),
    progress: j => [j.progressPercent / 100, `Run ${j.id}: ${j.status === 'QUEUED' ? 'queued' : 'running'}, ${j.progressPercent}%`] });
}

function fail(e, part, what) {
  showFailure(e, { form: part.form, summary: part.summary, status: part.status, what,
    cancelled: `Cancelled: the ${what} was stopped on the server too. The inputs are unchanged.` });
}

/** Appends the Monte Carlo and stochastic-plan sections to container; scenarios and sites as stored. */
export function mountMonteCarlo(container, { scenarios, sites }) {
  const { pp, box } = problemBox({ scenarios, sites });
  const mc = monteCarloForm({ pp, problemBox: box, sites });
  const st = stochasticForm({ pp, scenarios });
  container.append(mc.section, st.section);

  async function runMc() {
    clearErrors(mc.form, mc.summary);
    mc.status.textContent = '';
    try {
      const req = mc.request();
      const r = await job(mc.longRun, 'montecarlo', req, `Submitting ${f.num(req.paths)} paths…`);
      showMonteCarlo(r, mc);
    } catch (e) { fail(e, mc, 'Monte Carlo run'); }
  }

  async function runSt() {
    clearErrors(st.form, st.summary);
    clearErrors(mc.form, mc.summary);
    st.status.textContent = '';
    try {
      const req = st.request();
      const r = await job(st.longRun, 'stochastic', req, 'Submitting the stochastic plan…');
      showStochastic(r, st);
    } catch (e) {
      // errors about the shared problem belong to the form above
      if (!isAbort(e) && Array.isArray(e.errors)) {
        const isProblem = x => (x.field || '').startsWith('problem');
        const pe = e.errors.filter(isProblem);
        if (pe.length) showErrors(mc.form, mc.summary, pe, e.detail || e.message);
        e.errors = e.errors.filter(x => !isProblem(x));
      }
      fail(e, st, 'stochastic plan');
    }
  }

  mc.form.addEventListener('submit', e => { e.preventDefault(); if (!mc.longRun.running) runMc(); });
  st.form.addEventListener('submit', e => { e.preventDefault(); if (!st.longRun.running) runSt(); });
}
