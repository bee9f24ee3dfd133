// What a sweep can vary and how its points read: the inputs (label with unit, axis words, format, default range) and
// the two views of a point, a what-if's (SweepPointResult) and a plan's (PlanSweepPointResult).
import * as f from '../../lib/format.js';

/** The inputs a sweep can vary: label with unit, how values read, a default range. */
export const INPUTS = {
  BTC_PRICE_USD: { label: 'BTC price (USD)', axis: 'BTC price (USD)', fmt: v => f.usd(v, 0), range: [40000, 150000] },
  BTC_PRICE_SCALE: { label: 'BTC price (× the scenario\'s path)', axis: 'BTC price (× scenario path)', fmt: v => `${f.num(v, 2)}×`, range: [0.5, 1.5] },
  HASHPRICE_SCALE: { label: 'Hashprice level (× the given hashprice)', axis: 'hashprice (× given)', fmt: v => `${f.num(v, 2)}×`, range: [0.5, 1.5] },
  GPU_LEASE_SCALE: { label: 'GPU lease rate (× the given rate)', axis: 'GPU lease rate (× given)', fmt: v => `${f.num(v, 2)}×`, range: [0.5, 1.5] },
  COLOCATION_SCALE: { label: 'Colocation rate (× the given rate)', axis: 'colocation rate (× given)', fmt: v => `${f.num(v, 2)}×`, range: [0.5, 1.5] },
  ENERGY_PRICE_SCALE: { label: 'Energy price level (× the given price)', axis: 'energy price (× given)', fmt: v => `${f.num(v, 2)}×`, range: [0.5, 1.5] },
  CAPEX_SCALE: { label: 'AI capex (× the given capex)', axis: 'AI capex (× given)', fmt: v => `${f.num(v, 2)}×`, range: [0.5, 1.5] },
  DISCOUNT_RATE: { label: 'Discount rate (fraction per year)', axis: 'discount rate (per year)', fmt: v => f.pct(v, 1), range: [0.05, 0.2] },
};
/** A what-if sweeps a BTC price in USD (with the base price its hashprice holds at); a plan scales its BTC price path. */
export const inputOptions = mode => Object.entries(INPUTS).filter(([value]) => value !== (mode === 'plan' ? 'BTC_PRICE_USD' : 'BTC_PRICE_SCALE'))
  .map(([value, i]) => ({ value, label: i.label }));
export const mwf = v => f.num(v, 2);
export const fmtOf = input => (INPUTS[input] || { fmt: v => f.num(v, 4) }).fmt;
export const labelOf = input => (INPUTS[input] || { label: input }).label;
/** The input's words on a chart axis. */
export const axisOf = input => INPUTS[input]?.axis || input;

/**
 * How the points of a what-if sweep and of a plan sweep read (SweepPointResult, PlanSweepPointResult): the value
 * (net value or plan NPV, USD; valueLower inside a sentence), the AI MW the frontier and heat map follow, the lines of the pivot chart, the columns of
 * the points table (key = the API's field, also the CSV/XLSX header) and the per-option and per-fleet maps.
 */
export const VIEWS = {
  whatIf: {
    noun: 'what-ifs', file: 'gridpivot-sweep', value: 'Net value', valueLower: 'net value', valueWords: 'net value (NPV over the horizon, USD)',
    net: p => p.netUsd, ai: p => p.totalAiItMw,
    lines: [{ label: 'AI IT MW', get: p => p.totalAiItMw }, { label: 'ASIC IT MW', get: p => p.totalAsicItMw }],
    columns: [{ key: 'netUsd', label: 'Net value (USD)', fmt: f.usd }, { key: 'totalAiItMw', label: 'AI IT (MW)', fmt: mwf },
      { key: 'totalAsicItMw', label: 'ASIC IT (MW)', fmt: mwf }],
    byOption: 'aiItMw', byFleet: 'asicItMw',
  },
  plan: {
    noun: 'plans', file: 'gridpivot-plan-sweep', value: 'Plan NPV', valueLower: 'plan NPV', valueWords: 'NPV of the optimal plan (USD)',
    net: p => p.npvUsd, ai: p => p.aiItMwEnd,
    lines: [{ label: 'AI IT MW online at the end', get: p => p.aiItMwEnd }, { label: 'AI IT MW started by the end', get: p => p.aiItMwStartedEnd, dash: [6, 4] },
      { label: 'ASIC IT MW at the end', get: p => p.asicItMwEnd }],
    columns: [{ key: 'npvUsd', label: 'Plan NPV (USD)', fmt: f.usd }, { key: 'aiItMwEnd', label: 'AI IT online at end (MW)', fmt: mwf },
      { key: 'aiItMwStartedEnd', label: 'AI IT started (MW)', fmt: mwf }, { key: 'asicItMwEnd', label: 'ASIC IT at end (MW)', fmt: mwf },
      { key: 'asicItMwPeak', label: 'ASIC IT peak (MW)', fmt: mwf }, { key: 'firstAiOnlineMonth', label: 'First AI month', fmt: v => v || '–' }],
    byOption: 'aiItMwEndByOption', byFleet: 'asicItMwEndByFleet',
  },
};

/** The grid of a two-input sweep: rows by the first input, columns by the second, at(x, y) the point there. */
export function grid(r, ax) {
  const xs = [...new Set(r.points.map(p => p.values[ax[0]]))];
  const ys = [...new Set(r.points.map(p => p.values[ax[1]]))];
  const at = (x, y) => r.points.find(p => p.values[ax[0]] === x && p.values[ax[1]] === y);
  return { xs, ys, at };
}

/**
 * The points as rows of {raw, text, key}: raw goes to the CSV and XLSX, key (the API's field) heads their column;
 * head is the page's column titles.
 */
export function pointRows(r, ax, view) {
  const ai = [...new Set(r.points.flatMap(p => Object.keys(p[view.byOption] || {})))];
  const asic = [...new Set(r.points.flatMap(p => Object.keys(p[view.byFleet] || {})))];
  const head = [...ax.map(labelOf), 'Status', ...view.columns.map(c => c.label), ...ai.map(k => `AI ${k} (MW)`), ...asic.map(k => `ASIC ${k} (MW)`)];
  const keys = [...ax, 'status', ...view.columns.map(c => c.key), ...ai.map(k => `${view.byOption}.${k}`), ...asic.map(k => `${view.byFleet}.${k}`)];
  const c = (raw, fmt) => ({ raw, text: fmt(raw) });
  const rows = r.points.map(p => [...ax.map(a => c(p.values[a], fmtOf(a))), { raw: p.status, text: p.status }, ...view.columns.map(col => c(p[col.key], col.fmt)),
    ...ai.map(k => c(p[view.byOption]?.[k], mwf)), ...asic.map(k => c(p[view.byFleet]?.[k], mwf))]
    .map((x, i) => ({ ...x, key: keys[i] })));
  return { head, keys, rows };
}
