// Scenarios: the editor of one scenario, every field of POST/PUT /api/v1/scenarios under the JSON path the API names in
// its field errors (btc.priceUsd, energy.node, …); fields it does not edit (per-option AI overrides) are kept as loaded.
import { h, field, numberInput, numOrNull } from '../../lib/dom.js';
import { ClientError } from '../../lib/fielderrors.js';

const text = (path, id, attrs = {}) => h('input', { type: 'text', id, 'data-field': path, autocomplete: 'off', ...attrs });
const num = (path, id) => numberInput(path, { id });
const str = v => (v === null || v === undefined ? '' : String(v));

/** "2026-02 69070" lines ↔ {"2026-02": 69070}; a line that does not read is a ClientError at btc.pricePointsUsd. */
export function parsePoints(textValue) {
  const out = {};
  for (const [i, raw] of textValue.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{4}-\d{2})\s*[:=,\s]\s*([0-9.eE+-]+)$/.exec(line);
    if (!m || !Number.isFinite(Number(m[2]))) throw new ClientError('btc.pricePointsUsd', `line ${i + 1} (“${line}”) is not “YYYY-MM price”`);
    out[m[1]] = Number(m[2]);
  }
  return Object.keys(out).length ? out : null;
}
export const formatPoints = points => Object.entries(points || {}).map(([m, v]) => `${m} ${v}`).join('\n');

/**
 * @returns {{section: HTMLElement, fill: (content: object) => void, body: () => object}} the editor's fieldsets; fill
 *          from a stored scenario's content; body() the request body (throws a ClientError on an unreadable path)
 */
export function scenarioEditor() {
  const c = {
    name: text('name', 'scn-name'),
    description: h('textarea', { id: 'scn-description', 'data-field': 'description', rows: 3 }),
    priceUsd: num('btc.priceUsd', 'scn-btc-price'),
    annualGrowth: num('btc.annualGrowth', 'scn-btc-growth'),
    points: h('textarea', { id: 'scn-btc-points', 'data-field': 'btc.pricePointsUsd', rows: 4, spellcheck: 'false' }),
    difficulty: num('btc.startDifficulty', 'scn-difficulty'),
    difficultyGrowth: num('btc.difficultyGrowthPerMonth', 'scn-difficulty-growth'),
    fees: num('btc.feesBtcPerBlock', 'scn-fees'),
    node: text('energy.node', 'scn-energy-node'),
    replayYear: num('energy.replayYear', 'scn-energy-year'),
    flat: num('energy.flatPriceUsdPerMwh', 'scn-energy-flat'),
    escalation: num('energy.annualEscalation', 'scn-energy-escalation'),
    adder: num('energy.adderUsdPerMwh', 'scn-energy-adder'),
    gpuDecline: num('ai.gpuRateDeclinePerYear', 'scn-gpu-decline'),
    coloDecline: num('ai.colocationRateDeclinePerYear', 'scn-colo-decline'),
    salvage: num('asic.salvageUsdPerTh', 'scn-salvage'),
    newPrice: num('asic.newPriceUsdPerTh', 'scn-new-price'),
    discount: num('discountRate', 'scn-discount'),
  };
  let aiOptions = null;
  const overrides = h('p', { class: 'hint', id: 'scn-ai-options' });
  const box = (legend, ...fields) => h('fieldset', { class: 'box' }, h('legend', {}, legend), h('div', { class: 'grid' }, fields));
  const section = h('div', { class: 'scenario-editor' },
    box('Name', field('Scenario name', c.name), field('Description and sources', c.description)),
    box('Bitcoin', field('BTC price in the first month (USD)', c.priceUsd, 'Or a path below, not both'),
      field('BTC price growth (fraction per year)', c.annualGrowth),
      field('BTC price path (one “YYYY-MM price” per line)', c.points, 'Each price holds until the next month listed'),
      field('Network difficulty at the start', c.difficulty), field('Difficulty growth (fraction per month)', c.difficultyGrowth),
      field('Fees (BTC per block)', c.fees)),
    box('Energy', field('Stored node', c.node, 'e.g. HB_WEST, with a year to replay'), field('Year replayed', c.replayYear),
      field('Or a flat price (USD/MWh)', c.flat), field('Escalation (fraction per year)', c.escalation), field('Adder (USD/MWh)', c.adder)),
    box('AI and ASICs', field('GPU rate decline (fraction per year)', c.gpuDecline), field('Colocation rate decline (fraction per year)', c.coloDecline),
      field('Salvage of retired ASICs (USD per TH/s)', c.salvage), field('New ASICs (USD per TH/s)', c.newPrice), overrides),
    box('Finance', field('Discount rate (fraction per year)', c.discount)));

  function fill(s) {
    const b = s.btc || {}, e = s.energy || {}, ai = s.ai || {}, a = s.asic || {};
    c.name.value = str(s.name); c.description.value = str(s.description);
    c.priceUsd.value = str(b.priceUsd); c.annualGrowth.value = str(b.annualGrowth); c.points.value = formatPoints(b.pricePointsUsd);
    c.difficulty.value = str(b.startDifficulty); c.difficultyGrowth.value = str(b.difficultyGrowthPerMonth); c.fees.value = str(b.feesBtcPerBlock);
    c.node.value = str(e.node); c.replayYear.value = str(e.replayYear); c.flat.value = str(e.flatPriceUsdPerMwh);
    c.escalation.value = str(e.annualEscalation); c.adder.value = str(e.adderUsdPerMwh);
    c.gpuDecline.value = str(ai.gpuRateDeclinePerYear); c.coloDecline.value = str(ai.colocationRateDeclinePerYear);
    c.salvage.value = str(a.salvageUsdPerTh); c.newPrice.value = str(a.newPriceUsdPerTh); c.discount.value = str(s.discountRate);
    aiOptions = ai.options || null;
    overrides.textContent = aiOptions && Object.keys(aiOptions).length
      ? `Per-option overrides kept as stored: ${Object.keys(aiOptions).join(', ')} (edit them through the API).` : 'No per-option AI overrides.';
  }

  function body() {
    const trimmed = el => el.value.trim() || null;
    return {
      name: c.name.value.trim(),
      description: trimmed(c.description),
      btc: { priceUsd: numOrNull(c.priceUsd), annualGrowth: numOrNull(c.annualGrowth), pricePointsUsd: parsePoints(c.points.value),
        startDifficulty: numOrNull(c.difficulty), difficultyGrowthPerMonth: numOrNull(c.difficultyGrowth), feesBtcPerBlock: numOrNull(c.fees) },
      energy: { node: trimmed(c.node), replayYear: numOrNull(c.replayYear), flatPriceUsdPerMwh: numOrNull(c.flat),
        annualEscalation: numOrNull(c.escalation), adderUsdPerMwh: numOrNull(c.adder) },
      ai: { gpuRateDeclinePerYear: numOrNull(c.gpuDecline), colocationRateDeclinePerYear: numOrNull(c.coloDecline), options: aiOptions },
      asic: { salvageUsdPerTh: numOrNull(c.salvage), newPriceUsdPerTh: numOrNull(c.newPrice) },
      discountRate: numOrNull(c.discount),
    };
  }
  return { section, fill, body };
}
