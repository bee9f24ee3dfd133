// The fixed-plans editor: a list of plans, each with its decisions by month or quarter (AI starts, ASIC retirements
// and purchases, treasury sales); controls named by their JSON path (data-field) and by position (id), as the API names
// them, so that its field errors land next to them.
import { h, field, numberInput, select, numOrNull } from '../../lib/dom.js';

/**
 * The decisions a fixed plan fixes (api/plans/FixedPlanBody; models/PLANS.md): its JSON name, the id part of its
 * controls, what its name picks (none for treasury sales) and the unit of its amount. Decisions left out are zero.
 * names(site) lists what the pick offers on the loaded site.
 */
const DECISIONS = [
  { key: 'aiStartsMw', id: 'step', title: 'AI starts', pick: 'AI option', amount: 'AI IT MW started', add: 'Add an AI start', names: site => (site?.aiOptions || []).map(o => o.name) },
  { key: 'asicRetiredMw', id: 'retire', title: 'ASIC retirements (sold for salvage)', pick: 'ASIC fleet', amount: 'ASIC IT MW retired', add: 'Add a retirement',
    names: site => (site?.asicFleets || []).map(x => x.name) },
  { key: 'asicBoughtMw', id: 'buy', title: 'ASIC purchases', pick: 'ASIC fleet', amount: 'ASIC IT MW bought', add: 'Add a purchase', names: site => (site?.asicFleets || []).map(x => x.name),
    hint: 'Only when the scenario prices new machines (newPriceUsdPerTh); otherwise the service refuses the purchase.' },
  { key: 'treasurySoldBtc', id: 'sell', title: 'Treasury sales', pick: null, amount: 'BTC sold', add: 'Add a sale',
    hint: 'Sold from the treasury BTC given under finance.' },
];

/**
 * @param {{site: () => object|null}} o the loaded stored site (its AI options and fleets fill the picks)
 * @returns {{section: HTMLElement, addPlan: (plan?: object) => void, plans: () => object[], refreshOptions: () => void}}
 */
export function fixedPlansEditor({ site }) {
  const plansBox = h('div', { id: 'plan-list' });
  const section = h('fieldset', { class: 'box' }, h('legend', {}, 'Fixed plans'),
    h('p', { class: 'hint' }, 'Each plan fixes its decisions by month ("2027-06") or quarter ("2027-Q2", its first month): AI IT megawatts started per option, ASIC megawatts retired or bought per fleet, treasury BTC sold. Decisions not written are zero; only the dispatch is optimised. The optimizer\'s plan and staying on Bitcoin are always compared too.'),
    plansBox, h('button', { type: 'button', id: 'add-plan', class: 'secondary', onclick: () => { add(); reindex(); } }, 'Add a plan'));

  function addStep(list, d, step = {}) {
    const opt = d.pick ? select('', d.names(site()).map(n => ({ value: n, label: n })), { class: 'step-option' }) : null;
    if (opt && step.name) opt.value = step.name;
    const month = h('input', { type: 'text', class: 'step-month', value: step.month || '', placeholder: '2027-Q2', autocomplete: 'off' });
    const amount = numberInput('', { class: 'step-amount', value: step.amount != null ? String(step.amount) : '' });
    const row = h('div', { class: 'step', dataset: { decision: d.key } },
      h('div', { class: 'grid' }, opt ? field(d.pick, opt) : null, field('Month or quarter', month), field(d.amount, amount)),
      h('button', { type: 'button', class: 'link remove', onclick: () => { row.remove(); reindex(); } }, `Remove this ${d.add.replace(/^Add an? /, '')}`));
    list.append(row);
  }

  /** plan: {name, aiStartsMw: [{name, month, amount}], asicRetiredMw, asicBoughtMw, treasurySoldBtc}; no AI start given → one empty row. */
  function add(plan = {}) {
    const name = h('input', { type: 'text', class: 'plan-name', value: plan.name || '', autocomplete: 'off' });
    const groups = DECISIONS.map(d => {
      const list = h('div', { class: 'steps', dataset: { decision: d.key } });
      for (const st of plan[d.key] || (d.key === 'aiStartsMw' ? [{}] : [])) addStep(list, d, st);
      return h('fieldset', { class: `decision decision-${d.id}` }, h('legend', {}, d.title), d.hint ? h('p', { class: 'hint' }, d.hint) : null, list,
        h('button', { type: 'button', class: `secondary add-${d.id}`, onclick: () => { addStep(list, d); reindex(); list.lastElementChild.querySelector('select, input').focus(); } }, d.add));
    });
    const box = h('fieldset', { class: 'item plan' }, h('legend', {}, 'Plan'), field('Plan name', name), groups,
      h('div', { class: 'row' }, h('button', { type: 'button', class: 'link remove', onclick: () => { box.remove(); reindex(); } }, 'Remove this plan')));
    plansBox.append(box);
  }

  /** Sets the JSON paths (data-field) and ids of the plans' controls from their positions, as the API names them. */
  function reindex() {
    [...plansBox.querySelectorAll('fieldset.plan')].forEach((p, k) => {
      p.querySelector('legend').textContent = `Plan ${k + 1}`;
      p.querySelector('.plan-name').dataset.field = `plans[${k}].name`;
      p.querySelector('.plan-name').id = `plan-${k}-name`;
      for (const d of DECISIONS) {
        [...p.querySelectorAll(`.steps[data-decision="${d.key}"] > .step`)].forEach((s, j) => {
          const base = `plans[${k}].${d.key}[${j}]`;
          for (const [cls, prop] of [['step-option', 'name'], ['step-month', 'month'], ['step-amount', 'amount']]) {
            const el = s.querySelector(`.${cls}`);
            if (!el) continue;
            el.dataset.field = `${base}.${prop}`;
            el.id = `plan-${k}-${d.id}-${j}-${prop}`;
          }
        });
      }
    });
    fixIds();
  }
  // ids given by reindex() must stay unique: the field() helper gave each control an id and a matching error id
  const fixIds = () => {
    for (const el of plansBox.querySelectorAll('.plan-name, .step-option, .step-month, .step-amount')) {
      const err = el.parentElement.querySelector('.field-error');
      const label = el.parentElement.querySelector('label');
      if (err) err.id = `${el.id}-error`;
      if (label) label.setAttribute('for', el.id);
      el.setAttribute('aria-describedby', err ? err.id : '');
    }
  };

  /** The picks offer the loaded site's AI options and fleets; a pick keeps its choice when the site still has it. */
  function refreshOptions() {
    for (const sel of plansBox.querySelectorAll('.step-option')) {
      const opts = DECISIONS.find(d => d.key === sel.closest('.step').dataset.decision).names(site());
      const keep = sel.value;
      sel.replaceChildren(...opts.map(n => h('option', { value: n }, n)));
      if (opts.includes(keep)) sel.value = keep;
    }
  }

  /** The plans as the API takes them (FixedPlanBody); decisions without steps are left out, AI starts always sent. */
  function plans() {
    return [...plansBox.querySelectorAll('fieldset.plan')].map(p => {
      const plan = { name: p.querySelector('.plan-name').value.trim() };
      for (const d of DECISIONS) {
        const steps = [...p.querySelectorAll(`.steps[data-decision="${d.key}"] > .step`)].map(s => ({
          ...(d.pick ? { name: s.querySelector('.step-option').value || null } : {}),
          month: s.querySelector('.step-month').value.trim() || null, amount: numOrNull(s.querySelector('.step-amount')) }));
        if (steps.length || d.key === 'aiStartsMw') plan[d.key] = steps;
      }
      return plan;
    });
  }

  return { section, addPlan: plan => { add(plan); reindex(); }, plans, refreshOptions };
}
