// Progress and cancel for anything that takes a while: a what-if solve today (one fetch, aborted with an
// AbortController), a plan job later (submit, then poll GET …/runs/{id} with pollJob until done).
import { h } from './dom.js';

export class LongRun {
  /** @param {HTMLElement} container where the progress panel lives (kept hidden while idle) */
  constructor(container) {
    this.bar = h('progress', { id: 'run-progress', max: '1', 'aria-label': 'Progress' });
    this.text = h('span', { class: 'progress-text', 'aria-live': 'polite' });
    this.clock = h('span', { class: 'progress-clock' });
    this.cancelButton = h('button', { type: 'button', id: 'cancel-run', class: 'secondary', onclick: () => this.cancel() }, 'Cancel');
    this.panel = h('div', { class: 'progress-panel', hidden: true, role: 'status' }, this.bar, h('div', {}, this.text, ' ', this.clock), this.cancelButton);
    container.append(this.panel);
    this.controller = null;
  }

  get running() { return this.controller !== null; }

  /**
   * Runs task(signal, report) with the panel shown. report(fraction|null, text) moves the bar (null: unknown).
   * Resolves to the task's value; rejects with an Error named AbortError when cancelled.
   */
  async run(label, task) {
    if (this.controller) this.controller.abort();
    const controller = this.controller = new AbortController();
    const started = performance.now();
    this.panel.hidden = false;
    this.cancelButton.disabled = false;
    const report = (fraction, text) => {
      if (fraction === null || fraction === undefined) this.bar.removeAttribute('value'); else this.bar.value = fraction;
      if (text) this.text.textContent = text;
    };
    report(null, label);
    const tick = () => { this.clock.textContent = `${((performance.now() - started) / 1000).toFixed(1)} s`; };
    tick();
    const timer = setInterval(tick, 200);
    try {
      return await task(controller.signal, report);
    } finally {
      clearInterval(timer);
      if (this.controller === controller) {
        this.controller = null;
        this.panel.hidden = true;
      }
    }
  }

  cancel() {
    if (this.controller) {
      this.cancelButton.disabled = true;
      this.text.textContent = 'Cancelling…';
      this.controller.abort();
    }
  }
}

export const isAbort = e => e && e.name === 'AbortError';

/** Sleeps ms, or rejects with AbortError when signal aborts. */
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); reject(new DOMException('cancelled', 'AbortError')); }, { once: true });
  });
}

/**
 * Polls a job until done(json) is true; progress(json) → [fraction|null, text] feeds report. For plan jobs
 * (issue 4): GET …/runs/{id} with LongRun.run(label, (signal, report) => pollJob(url, {signal, report, …})).
 */
export async function pollJob(url, { signal, report, done, progress, intervalMs = 1000, getJson }) {
  for (;;) {
    const json = await getJson(url, { signal });
    if (progress && report) report(...progress(json));
    if (done(json)) return json;
    await sleep(intervalMs, signal);
  }
}
