// A stored site's fleets and AI options as a plan problem takes them (POST /api/v1/plans/compare, /api/v1/plans/runs,
// /api/v1/risk/montecarlo/runs, /api/v1/risk/stochastic/runs): the same fields, nothing of the stored record's own.

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
