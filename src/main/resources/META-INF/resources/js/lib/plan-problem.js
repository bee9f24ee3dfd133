// A stored site's fleets and AI options as a plan problem takes them (POST /api/v1/plans/compare, /api/v1/plans/runs,
// /api/v1/risk/montecarlo/runs, /api/v1/risk/stochastic/runs, a plan sweep's plan): the same fields, nothing of the
// stored record's own; and the controls that pick a stored scenario and site for such a problem (Risk page).
import { h, field, numberInput, select, numOrNull } from './dom.js';
import { ClientError } from './fielderrors.js';

/** @param site a stored site (GET /api/v1/sites/{id}) */
export const planAsicFleets = site => site.asicFleets.map(x => ({ name: x.name, model: x.model, units: x.units,
  hashrateThPerUnit: x.hashrateThPerUnit, powerWPerUnit: x.powerWPerUnit, pue: x.pue, poolFeeFraction: x.poolFeeFraction,
  variableOpexUsdPerMwh: x.variableOpexUsdPerMwh, fixedOpexUsdPerMwYear: x.fixedOpexUsdPerMwYear }));

/** @param site a stored site (GET /api/v1/sites/{id}) */
export const planAiOptions = site => site.aiOptions.map(o => ({ name: o.name, offering: o.offering, kwPerGpu: o.kwPerGpu,
  leaseUsdPerGpuHour: o.leaseUsdPerGpuHour, utilization: o.utilization, colocationUsdPerKwMonth: o.colocationUsdPerKwMonth,
  revenueUsdPerMwh: o.revenueUsdPerMwh, tenantPaysPower: o.tenantPaysPower, pue: o.pue, maxItMw: o.maxItMw,
  capexUsdPerMw: o.capexUsdPerMw, variableOpexUsdPerMwh: o.variableOpexUsdPerMwh, fixedOpexUsdPerMwYear: o.fixedOpexUsdPerMwYear,
  leadTimeMonths: o.leadTimeMonths }));

/**
 * The controls of a small plan problem on a stored scenario and a stored site (its fleets and AI options as stored):
 * scenario, site, first month, horizon and starting cash, each labelled, data-field = `${fieldPrefix}.…` (the JSON path
 * under which the request carries the problem), ids `${idPrefix}-scenario`, -site, -start, -months, -cash.
 * problem() builds the body of POST /api/v1/plans/runs, or throws a ClientError naming the pick that is missing.
 */
export function planProblemControls({ scenarios, sites, idPrefix, fieldPrefix, months = '36' }) {
  const now = new Date();
  const scenarioPick = select(`${fieldPrefix}.scenarioId`, scenarios.length ? scenarios.map(s => ({ value: String(s.id), label: s.name }))
    : [{ value: '', label: 'No stored scenarios yet (Plans page)' }], { id: `${idPrefix}-scenario` });
  const sitePick = select(`${fieldPrefix}.site`, sites.length ? sites.map(s => ({ value: String(s.id), label: s.name }))
    : [{ value: '', label: 'No stored sites yet' }], { id: `${idPrefix}-site` });
  const start = h('input', { type: 'text', id: `${idPrefix}-start`, 'data-field': `${fieldPrefix}.startMonth`, inputmode: 'numeric', placeholder: '2026-07',
    autocomplete: 'off', value: `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}` });
  const horizon = numberInput(`${fieldPrefix}.months`, { id: `${idPrefix}-months`, value: months });
  const cash = numberInput(`${fieldPrefix}.finance.startingCashUsd`, { id: `${idPrefix}-cash`, value: '20000000' });
  const credit = numberInput(`${fieldPrefix}.finance.creditLineUsd`, { id: `${idPrefix}-credit`, value: '1000000000' });
  const grid = h('div', { class: 'grid' }, field('Stored scenario', scenarioPick, 'Its BTC path, energy prices and discount rate'), field('Stored site', sitePick),
    field('First month', start, 'e.g. 2026-07'), field('Horizon (months)', horizon, '1 to 120'), field('Starting cash (USD)', cash),
    field('Credit line (USD)', credit, 'Cash may fall below 0 only this far (no free money)'));
  const site = () => sites.find(x => String(x.id) === sitePick.value);
  function problem() {
    const s = site();
    if (!scenarioPick.value) throw new ClientError(`${fieldPrefix}.scenarioId`, 'store a scenario first (Plans page)');
    if (!s) throw new ClientError(`${fieldPrefix}.site`, 'store a site first (What-if page)');
    return {
      scenarioId: Number(scenarioPick.value),
      site: { name: s.name, interconnectMw: s.interconnectMw, maxAiItMw: s.maxAiItMw },
      asicFleets: planAsicFleets(s),
      aiOptions: planAiOptions(s),
      finance: { startingCashUsd: numOrNull(cash), creditLineUsd: numOrNull(credit) },
      startMonth: start.value.trim() || null,
      months: numOrNull(horizon),
    };
  }
  return { scenarioPick, sitePick, start, months: horizon, cash, grid, site, problem };
}
