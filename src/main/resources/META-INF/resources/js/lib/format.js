// Numbers as people read them: thousands separators and units, a true minus sign.
const nf = (digits) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const cache = new Map();
function fmt(v, digits) {
  if (!cache.has(digits)) cache.set(digits, nf(digits));
  return cache.get(digits).format(v).replace('-', '−');
}
const ok = v => typeof v === 'number' && Number.isFinite(v);

export const num = (v, digits = 0) => ok(v) ? fmt(v, digits) : '–';
/** Whole dollars, or cents for amounts under $100, or four decimals for a value per dollar. */
export function usd(v, digits) {
  if (!ok(v)) return '–';
  const d = digits ?? (Math.abs(v) < 1 && v !== 0 ? 4 : Math.abs(v) < 100 ? 2 : 0);
  const s = fmt(Math.abs(v), d);
  return (v < 0 ? '−$' : '$') + s;
}
export const mw = (v, digits = 2) => ok(v) ? `${fmt(v, digits)} MW` : '–';
export const mwh = v => ok(v) ? `${fmt(v, 0)} MWh` : '–';
export const usdPerMwh = v => ok(v) ? `${usd(v, 2)}/MWh` : '–';
export const usdPerPhDay = v => ok(v) ? `${usd(v, 2)}/PH/day` : '–';
export const pct = (v, digits = 1) => ok(v) ? `${fmt(v * 100, digits)}%` : '–';
export const hours = v => ok(v) ? `${fmt(v, 0)} h` : '–';
export const dateTime = iso => iso ? new Date(iso).toISOString().replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC') : '–';
export const years = h => ok(h) && h > 0 ? h / 8760 : null;
/** "24 hours", "1 year", "2.0 years". */
export function horizon(h) {
  if (!ok(h)) return '–';
  if (h < 8760 - 24) return `${fmt(h, 0)} hours`;
  const y = h / 8760;
  return Math.abs(y - 1) < 0.01 ? '1 year' : `${fmt(y, 1)} years`;
}
/** "$1.2M", "−$350k": short enough for an axis. */
export function usdCompact(v) {
  const a = Math.abs(v);
  const s = a >= 1e9 ? `${num(a / 1e9, 1)}B` : a >= 1e6 ? `${num(a / 1e6, 1)}M` : a >= 1e3 ? `${num(a / 1e3, 0)}k` : num(a, 0);
  return `${v < 0 ? '−' : ''}$${s}`;
}
