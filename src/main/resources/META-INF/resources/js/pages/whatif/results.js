// The What-if answer (POST /api/v1/allocations): the heading with the export and print buttons, a print-only line
// about the site, the answer itself (lib/result-view.js: headline, plain words, charts, tables), and the status line.
// Exports are written by the API from the request (POST /api/v1/allocations/export.xlsx|csv).
import { h, saveBlob } from '../../lib/dom.js';
import { fetchBlob } from '../../lib/api.js';
import { resultView } from '../../lib/result-view.js';
import * as f from '../../lib/format.js';
import { valueStackFigure } from '../../lib/waterfall.js';

/** Saves the export of req (the whole answer, or one table as CSV); a failure is said in status. */
async function download(req, kind, table, status) {
  try {
    const blob = await fetchBlob(`/api/v1/allocations/export.${kind}${table ? `?table=${table}` : ''}`, { method: 'POST', body: req });
    saveBlob(blob, `gridpivot-what-if${table ? `-${table}` : ''}.${kind}`);
  } catch (e) {
    status.textContent = `The export failed: ${e.message}`;
  }
}

/**
 * Shows the answer to req in results and says so in status.
 * @param start the first hour of the prices (epoch seconds) when they came from a stored series, else null
 */
export function showAnswer(result, req, start, { results, status }) {
  const view = resultView(result, req, { onCsv: t => download(req, 'csv', t, status), startEpochSeconds: start ?? undefined });
  results.replaceChildren(
    h('div', { class: 'results-head' }, h('h2', { id: 'results-title' }, 'Answer'),
      h('div', { class: 'export-buttons' },
        h('button', { type: 'button', id: 'export-xlsx', class: 'secondary', onclick: () => download(req, 'xlsx', null, status) }, 'Download XLSX'),
        h('button', { type: 'button', id: 'export-csv', class: 'secondary', onclick: () => download(req, 'csv', null, status) }, 'Download CSV'),
        h('button', { type: 'button', id: 'print-summary', class: 'secondary', onclick: () => window.print() }, 'Print summary'))),
    h('p', { class: 'print-only' }, `Site ${req.site?.name || ''}: interconnect ${f.mw(req.site?.interconnectMw)}; ${req.asicFleets.length} ASIC fleets, ${req.aiOptions.length} AI options; ${new Date().toISOString().slice(0, 10)}.`),
    view,
    valueStackFigure(result.economics?.valueStack));
  view.drawCharts();
  results.dataset.status = result.status;
  status.textContent = result.economics
    ? `Answer ready: net value ${f.usd(result.economics.netUsd)} over ${f.horizon(result.solver?.hours)}.`
    : `The solver answered ${result.status}.`;
}
