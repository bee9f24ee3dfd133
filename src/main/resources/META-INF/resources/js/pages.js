// The dashboard's pages, in nav order. A page is one ES module exporting mount(container, params) and,
// optionally, unmount(). Plans (issue 4) and Risk (issue 5) add one entry and one module each.
export const PAGES = [
  { id: 'market', title: 'Market', load: () => import('./pages/market.js') },
  { id: 'whatif', title: 'What-if', load: () => import('./pages/whatif.js') },
  { id: 'risk', title: 'Risk', load: () => import('./pages/risk.js') },
  { id: 'plans', title: 'Plans', load: () => import('./pages/plans.js') },
  { id: 'runs', title: 'Runs', load: () => import('./pages/runs.js') },
];
