// Result tables as files: CSV written in the browser, XLSX written by POST /api/v1/reports/export.xlsx.
// A table is { name (sheet name, ≤ 31 characters), columns: [header], rows: [[number | string | null]] }.
import { h, saveBlob } from './dom.js';
import { fetchBlob } from './api.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const cell = v => (v === undefined || v === null || (typeof v === 'number' && !Number.isFinite(v)) ? null : typeof v === 'number' ? v : String(v));

/** One CSV text: a lone table plain; several each after a line with its name and before an empty line. */
export function tablesCsv(tables) {
  const q = v => { v = cell(v); return v === null ? '' : typeof v === 'number' ? String(v) : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v; };
  const lines = [];
  tables.forEach((t, i) => {
    if (tables.length > 1) { if (i) lines.push(''); lines.push(q(t.name)); }
    lines.push(t.columns.map(q).join(','));
    for (const r of t.rows) lines.push(r.map(q).join(','));
  });
  return lines.join('\r\n') + '\r\n';
}

export function saveCsv(tables, fileName) {
  saveBlob(new Blob([tablesCsv(tables)], { type: 'text/csv' }), `${fileName}.csv`);
}

/** Posts the tables to the server and saves the workbook; throws the ApiError of a refused request. */
export async function saveXlsx(tables, fileName) {
  const body = { fileName, tables: tables.map(t => ({ name: t.name.slice(0, 31), columns: t.columns.map(String), rows: t.rows.map(r => r.map(cell)) })) };
  saveBlob(await fetchBlob('/api/v1/reports/export.xlsx', { method: 'POST', body, accept: XLSX_TYPE }), `${fileName}.xlsx`);
}

/**
 * "Download XLSX" and "Download CSV" buttons for tables() (called at click time; it may return a promise, e.g. to
 * fetch every page of a list); errors go to statusEl in words. what names the tables for screen readers and the
 * button text ("sweep " → "Download sweep XLSX").
 */
export function exportButtons(idPrefix, fileName, tables, statusEl, what = '') {
  const run = (button, kind, save) => async () => {
    button.disabled = true;
    try {
      await save(await tables(), fileName);
    } catch (e) {
      if (statusEl) statusEl.textContent = `The ${kind} export failed: ${e.detail || e.message}`;
    } finally {
      button.disabled = false;
    }
  };
  const xlsx = h('button', { type: 'button', id: `${idPrefix}-xlsx`, class: 'secondary' }, `Download ${what}XLSX`);
  const csv = h('button', { type: 'button', id: `${idPrefix}-csv`, class: 'secondary' }, `Download ${what}CSV`);
  xlsx.addEventListener('click', run(xlsx, 'XLSX', saveXlsx));
  csv.addEventListener('click', run(csv, 'CSV', saveCsv));
  return h('div', { class: 'export-buttons' }, xlsx, csv);
}
