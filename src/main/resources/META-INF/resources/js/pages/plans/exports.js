// The comparison's tables as the CSV and the XLSX export both write them: the plans, revenue per MWh of IT energy, and
// every plan's months (cash flow, cumulative cash, mining MW, AI MW online per option).

/** @param c the comparison (POST /api/v1/plans/compare); @param options the loaded site's AI option names */
export function exportTables(c, options) {
  return [
    { name: 'Plans', columns: ['plan', 'status', 'npv (USD)', 'npv against stay on Bitcoin (USD)', 'irr against stay on Bitcoin (fraction per year)', 'payback month', 'payback months', 'lowest cash month', 'lowest cash (USD)'],
      rows: c.plans.map(p => [p.name, p.status, p.npvUsd, p.incrementalNpvUsd, p.incrementalIrrAnnual, p.paybackMonth, p.paybackMonths, p.lowestCashMonth, p.lowestCashUsd]) },
    { name: 'Revenue per MWh of IT energy', columns: ['plan', 'use', 'revenue (USD/MWh)'],
      rows: c.plans.flatMap(p => Object.entries(p.revenuePerItMwhUsd || {}).map(([u, v]) => [p.name, u, v])) },
    { name: 'Monthly', columns: ['plan', 'month', 'cash flow (USD)', 'cumulative cash (USD)', 'mining (MW)', ...options.map(o => `AI online: ${o} (MW)`)],
      rows: c.plans.flatMap(p => (p.monthly || []).map(r => [p.name, r.month, r.cashFlowUsd, r.cumulativeCashUsd, r.miningMw, ...options.map(o => r.aiOnlineMw?.[o] ?? 0)])) },
  ];
}
