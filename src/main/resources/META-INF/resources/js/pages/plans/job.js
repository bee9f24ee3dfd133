// The optimizer as a durable job (POST /api/v1/plans/runs, polled, cancellable): its status, its answer in one
// paragraph, and a button that adds its decisions as a fixed plan. Cancel sends DELETE and says whether the job was
// stopped or had already finished.
import { h, valueSpan } from '../../lib/dom.js';
import { getJson, postJson, apiKey } from '../../lib/api.js';
import { isAbort, pollJob } from '../../lib/longrun.js';
import * as f from '../../lib/format.js';
import { bridgeFigure } from '../../lib/waterfall.js';

const FINAL = ['OPTIMAL', 'FEASIBLE', 'INFEASIBLE', 'TIMED_OUT', 'FAILED', 'CANCELLED'];
const val = (path, value, fmt) => valueSpan(JSON.stringify(path), value, fmt);

/** The job's answer in words; addPlan(plan) adds its decisions to the fixed plans. */
function jobSummary(r, addPlan) {
  const steps = r.decisions?.aiStartsMw || [];
  return h('div', { class: 'job-summary' },
    h('p', { class: 'headline' }, 'NPV ', val(['npvUsd'], r.npvUsd, f.usd), ', ', val(['incrementalNpvUsd'], r.incrementalNpvUsd, f.usd),
      ' against staying on Bitcoin; IRR ', r.incrementalIrrAnnual == null ? 'none' : val(['incrementalIrrAnnual'], r.incrementalIrrAnnual, f.pct),
      '; payback ', r.paybackMonth || `none (${r.paybackNote || 'no answer'})`, '; cash lowest in ', r.lowestCashMonth || '–', ' at ', val(['lowestCashUsd'], r.lowestCashUsd, f.usd), '.'),
    h('p', {}, steps.length ? `AI starts: ${steps.map(s => `${f.mw(s.amount, 1)} of ${s.name} in ${s.month}`).join('; ')}.` : 'It starts no AI megawatts.'),
    steps.length ? h('button', { type: 'button', id: 'add-job-plan', class: 'secondary', onclick: () => {
      const copy = list => (list || []).map(s => ({ name: s.name, month: s.month, amount: +s.amount.toFixed(3) }));
      const d = r.decisions;
      addPlan({ name: `optimizer's decisions (job ${r.name || ''})`.replace(' ()', ''), aiStartsMw: copy(steps),
        asicRetiredMw: copy(d.asicRetiredMw), asicBoughtMw: copy(d.asicBoughtMw), treasurySoldBtc: copy(d.treasurySoldBtc) });
    } }, 'Add these decisions as a fixed plan') : null);
}

/** Sends DELETE for the run and says in jobOut and status what became of it (409: it finished first). */
async function cancelRun(run, { jobOut, status }) {
  try {
    const res = await fetch(`/api/v1/plans/runs/${run.id}`, { method: 'DELETE', headers: { Accept: 'application/json', ...(apiKey() ? { 'X-API-Key': apiKey() } : {}) } });
    // 409: it finished before the cancel reached it
    const j = res.ok ? await res.json() : await getJson(`/api/v1/plans/runs/${run.id}`);
    jobOut.dataset.status = j.status;
    jobOut.replaceChildren(h('p', { id: 'job-status', class: 'result-status' }, res.ok
      ? `Plan run ${run.id} cancelled: ${j.status === 'CANCELLED' ? 'it will not run' : `${j.status}, stopping`}.`
      : `Plan run ${run.id} had already finished (${j.status}) when the cancel reached it.`));
    status.textContent = res.ok ? 'Cancelled: the plan run was stopped.' : '';
  } catch (e2) {
    status.textContent = `The cancel did not reach the service: ${e2.message}`;
  }
}

/**
 * Runs the optimizer on problem() as a job and shows it in jobOut.
 * @param {{problem: () => object, longRun: object, jobOut: HTMLElement, status: HTMLElement,
 *          addPlan: (plan: object) => void, fail: (e: Error) => void}} o fail shows any other failure
 */
export async function runOptimizerJob({ problem, longRun, jobOut, status, addPlan, fail }) {
  jobOut.replaceChildren();
  let run = null;
  try {
    const req = problem();
    const job = await longRun.run('Submitting the plan run…', async (signal, report) => {
      run = await postJson('/api/v1/plans/runs', req, { signal });
      const url = `/api/v1/plans/runs/${run.id}`;
      return pollJob(url, { signal, report, getJson, intervalMs: 700,
        done: j => FINAL.includes(j.status),
        progress: j => [j.progressPercent / 100, `Plan run ${j.id}: ${j.status}, ${j.progressPercent}%`] });
    });
    jobOut.dataset.status = job.status;
    const head = h('p', { id: 'job-status', class: 'result-status' }, `Plan run ${job.id} finished: ${job.status}${job.reason ? ` (${job.reason})` : ''}.`);
    jobOut.replaceChildren(h('h2', {}, 'The optimizer\'s plan (job)'), head);
    if (job.resultUrl) {
      const r = await getJson(job.resultUrl);
      jobOut.append(jobSummary(r, addPlan));
      const bridge = bridgeFigure(r.bridge);
      if (bridge) jobOut.append(bridge);
    }
  } catch (e) {
    if (isAbort(e) && run) await cancelRun(run, { jobOut, status });
    else fail(e);
  }
}
