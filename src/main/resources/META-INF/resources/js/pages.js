// The dashboard's pages, in nav order; the first is the start page. A page is one ES module exporting mount(container, params) and,
// optionally, unmount(); a new page is one entry here and one module in pages/.
export const PAGES = [
  { id: 'overview', title: 'Overview', load: () => import('./pages/overview.js') },
  { id: 'market', title: 'Market', load: () => import('./pages/market.js') },
  { id: 'whatif', title: 'What-if', load: () => import('./pages/whatif.js') },
  { id: 'plans', title: 'Plans', load: () => import('./pages/plans.js') },
  { id: 'scenarios', title: 'Scenarios', load: () => import('./pages/scenarios.js') },
  { id: 'risk', title: 'Risk', load: () => import('./pages/risk.js') },
  { id: 'runs', title: 'Runs', load: () => import('./pages/runs.js') },
];
