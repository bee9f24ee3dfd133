// Every result table of a sweep as the CSV and the XLSX write them: the points, the tornado, the pivot frontier (one
// input) or the AI MW grid (two inputs).
import { grid, pointRows } from './sweep-inputs.js';

/** @param {{req: object, result: object, view: object}} last the request, the answer and its view (sweep-inputs VIEWS) */
export function exportTables({ req, result: r, view }) {
  const ax = req.axes.map(a => a.input);
  const { keys, rows } = pointRows(r, ax, view);
  const tables = [{ name: 'Points', columns: keys, rows: rows.map(row => row.map(x => x.raw)) }];
  if (r.tornado?.length) {
    const v = view.valueLower;
    tables.push({ name: 'Tornado', columns: ['input', 'low value', 'high value', `${v} at low (USD)`, `${v} at high (USD)`, 'swing (USD)'],
      rows: [...r.tornado].sort((a, b) => b.swingUsd - a.swingUsd).map(t => [t.input, t.lowValue, t.highValue, t.netUsdLow, t.netUsdHigh, t.swingUsd]) });
  }
  if (ax.length === 1) {
    tables.push({ name: 'Pivot frontier', columns: ['input', 'value', 'AI IT below (MW)', 'AI IT above (MW)', 'description'],
      rows: (r.frontier || []).map(s => [s.input, s.value, s.aiItMwBelow, s.aiItMwAbove, s.description]) });
  } else {
    const { xs, ys, at } = grid(r, ax);
    tables.push({ name: 'AI MW grid', columns: [`${ax[0]} \\ ${ax[1]}`, ...ys.map(y => `${ax[1]} = ${y}`)],
      rows: xs.map(x => [x, ...ys.map(y => { const p = at(x, y); return p && Number.isFinite(view.ai(p)) ? view.ai(p) : p?.status ?? null; })]) });
  }
  return tables;
}
