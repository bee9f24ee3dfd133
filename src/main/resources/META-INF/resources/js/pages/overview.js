// Overview, the start page: the executive's question — what is converting 50 MW to AI worth against staying on
// Bitcoin, and when is cash lowest? — answered on first look, without a form: the demo site (or the first stored site)
// on the base scenario (or the first stored one), five years from this month, through POST /api/v1/plans/compare
// (the optimizer's plan, staying on Bitcoin, and the 50 MW conversion). Each figure links to the page that explains it.
import { h, valueSpan, select } from '../lib/dom.js';
import { getJson, postJson, getAll } from '../lib/api.js';
import { planAsicFleets, planAiOptions } from '../lib/plan-problem.js';
import { problemText } from '../lib/fielderrors.js';
import { LongRun } from '../lib/longrun.js';
import { runJob } from '../lib/jobs.js';
import * as f from '../lib/format.js';

export const DEMO_SITE = 'West Texas demo';
export const BASE_SCENARIO = 'Base case (demo)';
export const CONVERT_MW = 50;
export const HORIZON_MONTHS = 60;
export const STARTING_CASH_USD = 20_000_000;
/** Cash may fall below 0 only with financing (issue 15): the conversion is funded by a credit line of this size. */
export const CREDIT_LINE_USD = 1_000_000_000;
/** The frontier's sweep: the scenario's BTC path scaled from 0.4× to 2× in 9 points. */
export const FRONTIER_AXIS = { input: 'BTC_PRICE_SCALE', from: 0.4, to: 2.0, points: 9 };
/** The risk line: seeded GBM paths around the scenario's BTC path (the Risk page's defaults otherwise). */
export const RISK_PATHS = 200;

const val = (path, value, fmt) => valueSpan(JSON.stringify(path), value, fmt);
const link = (href, text, id) => h('a', { href, id }, text);

/** The AI option a conversion goes to: the site's colocation option, else its first. */
export const conversionOption = site => site.aiOptions.find(o => /colocation/i.test(o.offering || o.name)) || site.aiOptions[0];

/** The comparison request: the site as stored, the scenario by id, this month on, the conversion as a fixed plan. */
export function overviewRequest(site, scenario, startMonth) {
  const option = conversionOption(site);
  const mw = Math.min(CONVERT_MW, ...[site.maxAiItMw, option.maxItMw].filter(v => v != null));
  return {
    problem: { scenarioId: scenario.id, site: { name: site.name, interconnectMw: site.interconnectMw, maxAiItMw: site.maxAiItMw },
      asicFleets: planAsicFleets(site), aiOptions: planAiOptions(site), finance: { startingCashUsd: STARTING_CASH_USD, creditLineUsd: CREDIT_LINE_USD },
      startMonth, months: HORIZON_MONTHS },
    plans: [{ name: `convert ${f.num(mw, 0)} MW to ${option.name}`, aiStartsMw: [{ name: option.name, month: startMonth, amount: mw }] }],
  };
}

const thisMonth = () => { const d = new Date(); return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`; };

export async function mount(container) {
  const [sites, scenarios] = await Promise.all([getAll('/api/v1/sites', 200), getJson('/api/v1/scenarios')]);
  container.append(h('h1', { id: 'overview-title' }, 'Overview'),
    h('p', { class: 'lead' }, `What is converting ${CONVERT_MW} MW to AI worth against staying on Bitcoin, and when is cash lowest?`));
  const withAi = sites.filter(s => s.aiOptions?.length);
  if (!withAi.length || !scenarios.length) {
    container.append(h('p', { class: 'empty', id: 'overview-empty' }, 'The answer needs a stored site with an AI option and a stored scenario. ',
      link('#/whatif', 'Store a site', 'overview-to-whatif'), ' and ', link('#/scenarios/new', 'write a scenario', 'overview-to-scenarios'), '.'));
    return;
  }
  const sitePick = select('site', withAi.map(s => ({ value: String(s.id), label: s.name })), { id: 'overview-site' });
  const scenarioPick = select('scenario', scenarios.map(s => ({ value: String(s.id), label: s.name })), { id: 'overview-scenario' });
  sitePick.value = String((withAi.find(s => s.name === DEMO_SITE) || withAi[0]).id);
  scenarioPick.value = String((scenarios.find(s => s.name === BASE_SCENARIO) || scenarios[0]).id);
  const status = h('p', { id: 'overview-status', class: 'hint', 'aria-live': 'polite' });
  const answer = h('section', { id: 'overview-answer', 'aria-labelledby': 'overview-answer-title' });
  const riskHost = h('div', { class: 'progress-host' });
  const risk = h('section', { id: 'overview-frontier-risk', 'aria-labelledby': 'overview-risk-title' });
  const longRun = new LongRun(riskHost);
  container.append(h('div', { class: 'row overview-picks' },
    h('div', { class: 'field' }, h('label', { for: 'overview-site' }, 'Site'), sitePick),
    h('div', { class: 'field' }, h('label', { for: 'overview-scenario' }, 'Scenario'), scenarioPick)), status, answer, risk, riskHost);

  async function show() {
    const site = withAi.find(s => String(s.id) === sitePick.value);
    const scenario = scenarios.find(s => String(s.id) === scenarioPick.value);
    const start = thisMonth();
    const req = overviewRequest(site, scenario, start);
    answer.replaceChildren();
    risk.replaceChildren();
    if (longRun.running) longRun.cancel();
    container.dataset.answer = 'pending';
    status.textContent = `Valuing ${site.name} on “${scenario.name}”, ${HORIZON_MONTHS} months from ${start}…`;
    try {
      const c = await postJson('/api/v1/plans/compare', req);
      answer.replaceChildren(...answerParts(c, site, scenario, req));
      status.textContent = `${site.name} on “${scenario.name}”, ${HORIZON_MONTHS} months from ${start}, starting cash ${f.usd(STARTING_CASH_USD)}, credit line ${f.usd(CREDIT_LINE_USD)}.`;
      container.dataset.answer = 'shown';
    } catch (e) {
      status.textContent = `No answer: ${problemText(e)}`;
      container.dataset.answer = 'error';
      return;
    }
    await frontierAndRisk(req, risk, longRun);
  }
  sitePick.addEventListener('change', show);
  scenarioPick.addEventListener('change', show);
  await show();
}

/** The answer: the sentence, the cash low, value per MWh of each use, and where to read more. */
function answerParts(c, site, scenario, req) {
  const [opt, stay, convert] = [0, 1, 2].map(i => c.plans[i]);
  const parts = [h('h2', { id: 'overview-answer-title' }, 'The answer')];
  if (convert?.npvUsd == null || stay?.npvUsd == null) {
    parts.push(h('p', { id: 'overview-sentence' }, `No answer for this site and scenario (${convert?.status || stay?.status}). ${convert?.explanation || stay?.explanation || ''}`));
    return parts;
  }
  const d = convert.incrementalNpvUsd;
  const conv = req.plans[0];
  parts.push(h('p', { id: 'overview-sentence', class: 'answer' }, `Converting ${conv.aiStartsMw[0].amount} MW to ${conv.aiStartsMw[0].name} in ${conv.aiStartsMw[0].month} `,
    d >= 0 ? 'is worth ' : 'loses ', val(['plans', 2, 'incrementalNpvUsd'], Math.abs(d), f.usd), d >= 0 ? ' more than' : ' against',
    ' staying on Bitcoin (NPV ', val(['plans', 2, 'npvUsd'], convert.npvUsd, f.usd), ' against ', val(['plans', 1, 'npvUsd'], stay.npvUsd, f.usd), ').'));
  if (opt?.npvUsd != null) {
    const starts = (opt.decisions?.aiStartsMw || []).filter(s => s.amount > 1e-6);
    const total = starts.reduce((a, s) => a + s.amount, 0);
    parts.push(h('p', { id: 'overview-recommended' }, 'Recommended: ',
      starts.length ? `the optimizer's plan, ${f.num(total, 1)} MW of AI starting ${starts[0].month} (${[...new Set(starts.map(s => s.name))].join(', ')})`
        : 'stay on Bitcoin (the optimizer starts no AI)',
      ', NPV ', val(['plans', 0, 'npvUsd'], opt.npvUsd, f.usd), ', ', val(['plans', 0, 'incrementalNpvUsd'], opt.incrementalNpvUsd, f.usd),
      ' against staying on Bitcoin. ', link('#/plans', 'Compare plans', 'overview-to-plans'), '.'));
  }
  parts.push(h('p', { id: 'overview-cash' }, `Cash is lowest with the conversion in ${convert.lowestCashMonth} at `,
    val(['plans', 2, 'lowestCashUsd'], convert.lowestCashUsd, f.usd), `; staying on Bitcoin, in ${stay.lowestCashMonth} at `,
    val(['plans', 1, 'lowestCashUsd'], stay.lowestCashUsd, f.usd), '. ', link('#/plans', 'Cash by month', 'overview-to-cash'), '.'));
  const uses = Object.keys(convert.revenuePerItMwhUsd || {});
  if (uses.length) {
    parts.push(h('h3', {}, 'Revenue per MWh of IT energy, by use (the conversion plan)'),
      h('ul', { id: 'overview-values', class: 'inputs' }, uses.map(u => h('li', {}, u === 'mining' ? 'Bitcoin mining: ' : `AI, ${u}: `,
        val(['plans', 2, 'revenuePerItMwhUsd', u], convert.revenuePerItMwhUsd[u], f.usdPerMwh)))));
  }
  parts.push(h('p', { id: 'overview-assumptions' }, 'The assumptions, with their sources: ',
    link(`#/scenarios/${scenario.id}`, `scenario “${scenario.name}”`, 'overview-to-scenario'), '; the BTC price at which the next MW should convert and the spread of NPV follow, as on the ',
    link('#/risk', 'Risk page', 'overview-to-risk'), '.'));
  return parts;
}

/** No frontier step: the optimal AI MW at the horizon's end is the same at every point (or the sweep says why not). */
function flatFrontier(r) {
  const ends = (r.points || []).map(p => p.aiItMwEnd).filter(v => v != null);
  if (ends.length && ends.every(v => Math.abs(v - ends[0]) < 1e-6)) {
    return [`no step: the optimizer ends with `, valueSpan('points[0].aiItMwEnd', ends[0], v => f.mw(v, 1)),
      ` of AI at every BTC level from ${FRONTIER_AXIS.from}× to ${FRONTIER_AXIS.to}×`];
  }
  return r.frontierNote || 'no step found';
}

/**
 * The pivot frontier (a plan sweep of the BTC path's scale, a durable job) and the risk in one line (Monte Carlo of the
 * conversion plan, a durable job), one after the other under one progress panel; each line keeps its run's id.
 */
async function frontierAndRisk(req, risk, longRun) {
  risk.dataset.state = 'running';
  const frontierLine = h('p', { id: 'overview-frontier' }, 'Pivot frontier: computing…');
  const riskLine = h('p', { id: 'overview-risk-line' }, 'Risk: waiting for the frontier…');
  risk.replaceChildren(h('h3', { id: 'overview-risk-title' }, 'Pivot frontier and risk'), frontierLine, riskLine);
  const job = (runsUrl, body, what, hasResult, line) => runJob(longRun, `${what}…`, { runsUrl, req: body, intervalMs: 500, what, hasResult,
    progress: j => { line.dataset.run = String(j.id); return [j.progressPercent / 100, `${what}: ${j.progressPercent}%`]; } });
  try {
    const r = await job('/api/v1/sweeps/runs', { plan: req.problem, axes: [FRONTIER_AXIS] }, 'Pivot frontier', s => s === 'OPTIMAL', frontierLine);
    const steps = r.frontier || [];
    const words = steps.length
      ? steps.map((s, i) => h('span', {}, i ? '; ' : '', 'at ', valueSpan(`frontier[${i}].value`, s.value, v => `${f.num(v, 2)}×`), ' ', s.description))
      : [].concat(flatFrontier(r));
    frontierLine.replaceChildren('Pivot frontier (the scenario\'s BTC path scaled 0.4× to 2×): ', ...words, '. ',
      link('#/risk', 'Sweep it on the Risk page', 'overview-to-risk-sweep'), '.');
  } catch (e) {
    frontierLine.textContent = `Pivot frontier: not computed (${problemText(e)}).`;
  }
  try {
    riskLine.textContent = 'Risk: computing…';
    const plan = req.plans[0];
    const r = await job('/api/v1/risk/montecarlo/runs', { problem: req.problem, plans: [plan], includeOptimized: false, paths: RISK_PATHS, seed: 1 },
      'Risk', s => ['OPTIMAL', 'FEASIBLE', 'INFEASIBLE', 'TIMED_OUT'].includes(s), riskLine);
    const i = r.plans.findIndex(p => p.name === plan.name);
    const p = r.plans[i];
    riskLine.replaceChildren(`Risk of “${plan.name}” over ${f.num(r.paths)} seeded BTC price paths: NPV P10 `,
      valueSpan(`plans[${i}].npvUsd.p10`, p.npvUsd.p10, f.usd), ', P50 ', valueSpan(`plans[${i}].npvUsd.p50`, p.npvUsd.p50, f.usd),
      ', P90 ', valueSpan(`plans[${i}].npvUsd.p90`, p.npvUsd.p90, f.usd), '. ', link('#/risk', 'Monte Carlo on the Risk page', 'overview-to-risk-mc'), '.');
  } catch (e) {
    riskLine.textContent = `Risk: not computed (${problemText(e)}).`;
  }
  risk.dataset.state = 'done';
}
