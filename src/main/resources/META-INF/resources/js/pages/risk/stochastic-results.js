// The stochastic plan's answer: expected NPV (and CVaR), VSS (against the base scenario and the textbook form) and EVPI in words, the first-stage AI starts, each
// scenario's NPV against perfect information, and the CSV/XLSX export.
import { h, valueSpan as val } from '../../lib/dom.js';
import { exportButtons } from '../../lib/exports.js';
import * as f from '../../lib/format.js';

const usd0 = v => f.usd(Math.abs(v) < 0.5 ? 0 : v, 0);

function words(r) {
  const v = r.valueMeasures || {};
  return h('ul', { class: 'plain-words', id: 'st-words' },
    r.expectedNpvUsd == null ? h('li', {}, `No plan: the solver answered ${r.status}. ${r.explanation || ''}`) : [
      h('li', {}, 'The plan shared by all scenarios is worth ', val('expectedNpvUsd', r.expectedNpvUsd, f.usd), ' of NPV on average',
        r.cvar ? [', with CVaR', ` ${f.pct(1 - r.cvar.alpha, 0)} worst `, val('cvar.cvarUsd', r.cvar.cvarUsd, f.usd)] : '', '.'),
      h('li', {}, v.vssUsd == null ? `Planning for “${v.baseScenario}” alone breaks a limit in some scenario, so the value of the stochastic solution is unbounded.`
        : Math.abs(v.vssUsd) < 0.5 ? ['Planning for the uncertainty is worth no more than planning for “', v.baseScenario, '” alone: ', val('valueMeasures.vssUsd', v.vssUsd, usd0), ' (VSS).']
          : ['Planning for the uncertainty rather than for “', v.baseScenario, '” alone is worth ', val('valueMeasures.vssUsd', v.vssUsd, usd0), ' (VSS).']),
      h('li', { id: 'st-vss-textbook' }, v.evUsd == null ? 'The expected-value scenario (every input at its mean) has no plan, so the textbook VSS is not defined.'
        : v.vssExpectedValueUsd == null ? 'The plan for the expected-value scenario (every input at its mean) breaks a limit in some scenario: the textbook VSS is unbounded.'
          : ['Planning for the uncertainty rather than for the average scenario (every input at its mean) is worth ', val('valueMeasures.vssExpectedValueUsd', v.vssExpectedValueUsd, usd0),
            ' (textbook VSS: that plan is worth ', val('valueMeasures.eevExpectedValueUsd', v.eevExpectedValueUsd, f.usd), ' on average over the scenarios, against ',
            val('valueMeasures.evUsd', v.evUsd, f.usd), ' on the average scenario itself).']),
      h('li', {}, 'Knowing in advance which scenario comes true would be worth ', v.evpiUsd == null ? '–' : val('valueMeasures.evpiUsd', v.evpiUsd, usd0), ' more (EVPI).'),
    ]);
}

function decisionsTable(starts) {
  return h('div', {}, h('p', { class: 'table-note', id: 'st-decisions-note' }, 'First-stage decisions: AI starts by month, the same in every scenario.'),
    h('div', { class: 'scroll' }, h('table', { id: 'st-decisions', 'aria-describedby': 'st-decisions-note' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Month'), h('th', { scope: 'col' }, 'AI option'), h('th', { scope: 'col', class: 'n' }, 'AI IT MW started'))),
      h('tbody', {}, starts.length ? starts.map(d => h('tr', {}, h('td', {}, d.month), h('td', {}, d.name), h('td', { class: 'n' }, f.mw(d.amount, 1))))
        : h('tr', {}, h('td', { colspan: '3' }, 'No AI starts: stay on Bitcoin.'))))));
}

function scenariosTable(r) {
  return h('div', {}, h('p', { class: 'table-note' }, 'Each scenario: NPV of this plan, and had the scenario been known in advance.'), h('div', { class: 'scroll' }, h('table', { id: 'st-scenarios' },
    h('thead', {}, h('tr', {}, ['Scenario', 'Probability', 'NPV of this plan', 'NPV had it been known', 'Lowest cash'].map((t, i) => h('th', { scope: 'col', class: i ? 'n' : null }, t)))),
    h('tbody', {}, (r.scenarios || []).map(s => h('tr', {}, h('th', { scope: 'row' }, s.name), h('td', { class: 'n' }, f.pct(s.probability, 0)),
      h('td', { class: 'n' }, f.usd(s.npvUsd)), h('td', { class: 'n' }, f.usd(s.perfectInformationNpvUsd)), h('td', { class: 'n' }, f.usd(s.lowestCashUsd))))))));
}

/** The answer's tables as the CSV and the XLSX write them. */
const exportTables = r => () => [
  { name: 'First-stage decisions', columns: ['kind', 'month', 'name', 'amount'], rows: (r.decisions || []).map(d => [d.kind, d.month, d.name, d.amount]) },
  { name: 'Scenarios', columns: ['scenario', 'probability (fraction)', 'NPV of this plan (USD)', 'NPV had it been known (USD)', 'lowest cash (USD)'],
    rows: (r.scenarios || []).map(x => [x.name, x.probability, x.npvUsd, x.perfectInformationNpvUsd, x.lowestCashUsd]) },
];

/** Shows the answer r in results and says so in status. */
export function showStochastic(r, { results, status }) {
  const v = r.valueMeasures || {};
  const starts = (r.decisions || []).filter(d => d.kind === 'aiStart' && d.amount > 1e-6);
  const other = (r.decisions || []).filter(d => d.kind !== 'aiStart' && d.amount > 1e-6);
  results.replaceChildren(...[h('div', { class: 'results-head' }, h('h3', {}, 'The stochastic plan'), exportButtons('st-export', 'gridpivot-stochastic', exportTables(r), status)),
    words(r), h('div', { class: 'tables' }, decisionsTable(starts), scenariosTable(r)),
    other.length ? h('p', { class: 'hint' }, `Other decisions: ${other.map(d => `${d.kind} ${d.name || ''} ${d.month} ${f.num(d.amount, 2)}`).join('; ')}.`) : null,
    v.note ? h('p', { class: 'hint' }, v.note) : null].filter(Boolean));
  results.dataset.status = r.status;
  status.textContent = `Stochastic plan ready (${r.status}).`;
}
