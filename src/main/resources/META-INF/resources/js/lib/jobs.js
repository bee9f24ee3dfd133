// A durable job run from a page (a sweep, a Monte Carlo run, a stochastic plan): POST the request to …/runs, poll
// GET …/runs/{id} until the job leaves QUEUED and RUNNING, then GET …/runs/{id}/result. Cancel (the LongRun's button)
// sends DELETE …/runs/{id}, also when it is pressed while the submit is still in flight.
import { getJson, postJson, deleteJson, ApiError } from './api.js';
import { pollJob } from './longrun.js';

const ACTIVE = ['QUEUED', 'RUNNING'];

/**
 * Runs the job with longRun's progress panel and resolves to its result; a job that ended without one (FAILED,
 * CANCELLED, or a status hasResult refuses) rejects with an ApiError 409 whose detail is the job's reason.
 * @param {{runsUrl: string, req: object, intervalMs: number, progress: (job) => [number|null, string],
 *          hasResult: (status: string) => boolean, what: string}} o what names the job in "The … ended FAILED."
 */
export function runJob(longRun, label, { runsUrl, req, intervalMs, progress, hasResult, what }) {
  return longRun.run(label, async (signal, report) => {
    // the submit is not aborted: a Cancel pressed while it is in flight still needs the job's id to DELETE it
    const run = await postJson(runsUrl, req);
    const url = `${runsUrl}/${run.id}`;
    const cancel = () => { deleteJson(url).catch(() => {}); };
    if (signal.aborted) { cancel(); throw new DOMException('cancelled', 'AbortError'); }
    signal.addEventListener('abort', cancel, { once: true });
    const end = await pollJob(url, { signal, report, getJson, intervalMs, done: j => !ACTIVE.includes(j.status), progress });
    if (!hasResult(end.status)) throw new ApiError(409, end.status, end.reason || `The ${what} ended ${end.status}.`);
    return getJson(`${url}/result`, { signal });
  });
}
