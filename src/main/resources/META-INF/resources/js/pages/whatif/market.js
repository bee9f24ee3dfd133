// Market and finance of the What-if: hourly energy prices from a stored series (node + year), a flat price, or the
// prices of a loaded run; hashprice from a stored daily series, a flat value, or the loaded run's; discount rate,
// capex recovery and the solver. market() fetches what the choices need and builds the request's market.
import { h, field, numberInput, select, nextId } from '../../lib/dom.js';
import { getJson } from '../../lib/api.js';
import { ClientError } from '../../lib/fielderrors.js';
import * as f from '../../lib/format.js';
import { num } from './values.js';

/** @param {{series: object[]}} o the stored series (GET /api/v1/series) */
export function marketSection({ series }) {
  const energy = series.filter(s => s.kind === 'ENERGY_PRICE');
  const hashprices = series.filter(s => s.kind === 'HASHPRICE');
  // the hourly prices and hashprice of a loaded run, when it carried them
  const loaded = { prices: null, hashprice: null };

  const nodeSel = select('market.energyPricesUsdPerMwh', energy.map(s => ({ value: String(s.id), label: `${s.key} (${s.unit})` })), { id: 'price-node' });
  const yearSel = select('market.year', [], { id: 'price-year' });
  const flatPrice = numberInput('market.energyPriceUsdPerMwh', { id: 'price-flat' });
  const flatHours = numberInput('market.hours', { id: 'price-hours' });
  const hashFlat = numberInput('market.hashpriceUsdPerPhDay', { id: 'hashprice-flat' });
  const hashSel = select('market.hashpriceUsdPerPhDay', hashprices.map(s => ({ value: String(s.id), label: `${s.key} (${s.unit}, daily)` })), { id: 'hashprice-series' });
  const radio = (name, value, label, checked) => {
    const id = nextId(name);
    return h('span', { class: 'radio' }, h('input', { type: 'radio', name, value, id, checked }), h('label', { for: id }, label));
  };
  const priceRunRadio = h('input', { type: 'radio', name: 'price-source', value: 'run', id: 'price-source-run' });
  const priceRunLabel = h('label', { for: 'price-source-run', id: 'price-run-label' }, 'Prices of the loaded run');
  const priceRunChoice = h('span', { class: 'radio', id: 'price-run-choice', hidden: true }, priceRunRadio, priceRunLabel);
  const priceRadios = h('div', { class: 'radios', role: 'radiogroup', 'aria-label': 'Energy prices from' },
    radio('price-source', 'series', 'Stored hourly prices', energy.length > 0), radio('price-source', 'flat', 'A flat price', energy.length === 0), priceRunChoice);
  const hashRunRadio = h('input', { type: 'radio', name: 'hash-source', value: 'run', id: 'hash-source-run' });
  const hashRunChoice = h('span', { class: 'radio', id: 'hash-run-choice', hidden: true }, hashRunRadio, h('label', { for: 'hash-source-run' }, 'Hashprice of the loaded run'));
  const hashRadios = h('div', { class: 'radios', role: 'radiogroup', 'aria-label': 'Hashprice from' },
    radio('hash-source', 'series', 'Stored daily hashprice', hashprices.length > 0), radio('hash-source', 'flat', 'A flat hashprice', hashprices.length === 0), hashRunChoice);
  const seriesBox = h('div', { class: 'grid', 'data-when': 'price-series' },
    energy.length ? [field('Node', nodeSel), field('Year (UTC)', yearSel)] : h('p', { class: 'hint' }, 'No energy price series is stored yet; use a flat price or import prices.'));
  const flatBox = h('div', { class: 'grid', 'data-when': 'price-flat' }, field('Energy price (USD/MWh)', flatPrice), field('Hours in the horizon', flatHours));
  const hashSeriesBox = h('div', { class: 'grid', 'data-when': 'hash-series' },
    hashprices.length ? field('Hashprice series', hashSel, 'Each hour gets its UTC day\'s hashprice') : h('p', { class: 'hint' }, 'No hashprice series is stored yet.'));
  const hashFlatBox = h('div', { class: 'grid', 'data-when': 'hash-flat' }, field('Hashprice (USD per PH/s per day)', hashFlat));
  const discount = numberInput('finance.discountRate', { id: 'finance-rate' });
  const recovery = numberInput('finance.capexRecoveryYears', { id: 'finance-years' });
  const solver = select('solver', [{ value: 'GLOP', label: 'GLOP (default)' }, { value: 'CLP', label: 'CLP' }, { value: 'PDLP', label: 'PDLP' }], { id: 'solver' });
  const section = h('fieldset', { class: 'box' }, h('legend', {}, 'Market and finance'),
    h('h3', { class: 'sub' }, 'Energy prices'), priceRadios, seriesBox, flatBox,
    h('h3', { class: 'sub' }, 'Hashprice'), hashRadios, hashSeriesBox, hashFlatBox,
    h('h3', { class: 'sub' }, 'Finance and solver'),
    h('div', { class: 'grid' }, field('Discount rate (fraction per year)', discount, 'Empty: 0.10'), field('Capex recovery (years)', recovery, 'Empty: 5'), field('Solver', solver)));

  const checked = name => section.querySelector(`input[name="${name}"]:checked`)?.value;
  const check = (name, value) => { section.querySelector(`input[name="${name}"][value="${value}"]`).checked = true; };

  /** Shows the controls of the chosen sources only. */
  function toggle() {
    const ps = checked('price-source');
    const hs = checked('hash-source');
    seriesBox.hidden = ps !== 'series'; flatBox.hidden = ps !== 'flat';
    hashSeriesBox.hidden = hs !== 'series'; hashFlatBox.hidden = hs !== 'flat';
  }
  section.addEventListener('change', e => { if (e.target.name === 'price-source' || e.target.name === 'hash-source') toggle(); });

  /** The node's years; the latest with (nearly) a whole year of prices is picked. */
  function fillYears() {
    const s = energy.find(x => String(x.id) === nodeSel.value);
    yearSel.replaceChildren();
    if (!s || !s.firstStart) return;
    const y0 = new Date(s.firstStart).getUTCFullYear(), y1 = new Date(s.lastStart).getUTCFullYear();
    let best = y1;
    for (let y = y1; y >= y0; y--) {
      const from = Math.max(Date.parse(s.firstStart), Date.UTC(y, 0, 1)), to = Math.min(Date.parse(s.lastStart), Date.UTC(y + 1, 0, 1));
      if ((to - from) / 864e5 >= 360) { best = y; break; }
    }
    for (let y = y0; y <= y1; y++) yearSel.append(h('option', { value: String(y), selected: y === best }, String(y)));
  }
  nodeSel.addEventListener('change', fillYears);
  fillYears();
  toggle();

  /** Picks the stored series of a site's market node, when there is one. */
  function pickNode(marketNode) {
    const node = energy.find(s => s.key === marketNode);
    if (node) { nodeSel.value = String(node.id); fillYears(); }
  }

  /** The key of the node picked (a saved site's market node). */
  const nodeKey = () => energy.find(x => String(x.id) === nodeSel.value)?.key;

  /** Takes a stored run's market, finance and solver; label names the run in the prices' choice. */
  function fill(req, label) {
    const m = req.market || {};
    if (Array.isArray(m.energyPricesUsdPerMwh)) {
      loaded.prices = m.energyPricesUsdPerMwh;
      priceRunChoice.hidden = false;
      priceRunLabel.textContent = `Prices of ${label} (${f.num(m.energyPricesUsdPerMwh.length)} hours)`;
      priceRunRadio.checked = true;
    } else if (m.energyPriceUsdPerMwh != null) {
      flatPrice.value = m.energyPriceUsdPerMwh; flatHours.value = m.hours ?? '';
      check('price-source', 'flat');
    }
    if (Array.isArray(m.hashpriceUsdPerPhDay)) {
      loaded.hashprice = m.hashpriceUsdPerPhDay;
      hashRunChoice.hidden = false;
      hashRunRadio.checked = true;
    } else if (typeof m.hashpriceUsdPerPhDay === 'number') {
      hashFlat.value = m.hashpriceUsdPerPhDay;
      check('hash-source', 'flat');
    }
    discount.value = req.finance?.discountRate ?? ''; recovery.value = req.finance?.capexRecoveryYears ?? '';
    if (req.solver) solver.value = req.solver;
    toggle();
  }

  /** The request's finance (none when both are empty) and solver. */
  function financeAndSolver() {
    const finance = { discountRate: num(discount), capexRecoveryYears: num(recovery) };
    return { finance: finance.discountRate === undefined && finance.capexRecoveryYears === undefined ? undefined : finance, solver: solver.value };
  }

  async function hourlyPrices(signal, report) {
    const s = energy.find(x => String(x.id) === nodeSel.value);
    if (!s) throw new ClientError('market.energyPricesUsdPerMwh', 'choose a node with stored prices');
    const y = Number(yearSel.value);
    report(null, `Loading ${s.key} hourly prices for ${y}…`);
    const res = await getJson(`/api/v1/series/${s.id}/points?from=${y}-01-01&to=${y + 1}-01-01&resolution=hourly`, { signal });
    const pts = res.points;
    if (!pts.length) throw new ClientError('market.energyPricesUsdPerMwh', `${s.key} has no prices in ${y}`);
    for (let i = 1; i < pts.length; i++) {
      if (Date.parse(pts[i].intervalStart) - Date.parse(pts[i - 1].intervalStart) !== 3600e3) {
        throw new ClientError('market.energyPricesUsdPerMwh', `${s.key} has no prices from ${f.dateTime(pts[i - 1].intervalEnd)} to ${f.dateTime(pts[i].intervalStart)}; pick another year or node`);
      }
    }
    return { values: pts.map(p => p.value), start: Date.parse(pts[0].intervalStart) / 1000, label: `${s.key} ${y}` };
  }

  async function hourlyHashprice(start, count, signal, report) {
    const s = hashprices.find(x => String(x.id) === hashSel.value);
    if (!s) throw new ClientError('market.hashpriceUsdPerPhDay', 'choose a hashprice series');
    report(null, `Loading hashprice ${s.key}…`);
    const day = t => new Date(t * 1000).toISOString().slice(0, 10);
    const from = day(start), to = new Date((start + 3600 * count + 86400) * 1000).toISOString().slice(0, 10);
    const res = await getJson(`/api/v1/series/${s.id}/points?from=${from}&to=${to}&resolution=daily`, { signal });
    const byDay = new Map(res.points.map(p => [p.intervalStart.slice(0, 10), p.value]));
    const out = new Array(count);
    for (let t = 0; t < count; t++) {
      const d = day(start + 3600 * t);
      if (!byDay.has(d)) throw new ClientError('market.hashpriceUsdPerPhDay', `the hashprice series has no value for ${d}`);
      out[t] = byDay.get(d);
    }
    return out;
  }

  /** The request's market, fetching stored series as chosen; start: the first hour (epoch seconds) of stored prices, else null. */
  async function market(signal, report) {
    const out = {};
    const ps = checked('price-source');
    const hs = checked('hash-source');
    let start = null;
    if (ps === 'series') {
      const p = await hourlyPrices(signal, report);
      out.energyPricesUsdPerMwh = p.values; start = p.start;
    } else if (ps === 'run') {
      out.energyPricesUsdPerMwh = loaded.prices;
    } else {
      out.energyPriceUsdPerMwh = num(flatPrice); out.hours = num(flatHours);
    }
    if (hs === 'series') {
      if (start === null) throw new ClientError('market.hashpriceUsdPerPhDay', 'a stored hashprice needs stored hourly prices (their dates); use a flat hashprice with a flat energy price');
      out.hashpriceUsdPerPhDay = await hourlyHashprice(start, out.energyPricesUsdPerMwh.length, signal, report);
    } else if (hs === 'run') {
      out.hashpriceUsdPerPhDay = loaded.hashprice;
    } else {
      out.hashpriceUsdPerPhDay = num(hashFlat);
    }
    return { market: out, start };
  }

  return { section, fill, pickNode, nodeKey, financeAndSolver, market };
}
