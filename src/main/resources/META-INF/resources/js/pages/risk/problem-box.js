// The small plan problem shared by the Monte Carlo run and the stochastic plan: a stored scenario, a stored site (its
// fleets and AI options as stored), a first month, a horizon and starting cash (lib/plan-problem.js builds it).
import { h } from '../../lib/dom.js';
import { planProblemControls } from '../../lib/plan-problem.js';

/** The controls (pp: planProblemControls) and their fieldset, box. */
export function problemBox({ scenarios, sites }) {
  const pp = planProblemControls({ scenarios, sites, idPrefix: 'mc', fieldPrefix: 'problem' });
  const box = h('fieldset', { class: 'box' }, h('legend', {}, 'Plan problem'),
    h('p', { class: 'hint' }, 'The stored site\'s fleets and AI options as stored; edit scenarios and sites on the Plans page. Both runs below use this problem.'),
    pp.grid);
  return { pp, box };
}
