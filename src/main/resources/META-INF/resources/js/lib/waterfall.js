// The value stack per MW as a waterfall (issue 16 item 4), and the What-if → plan bridge (issue 14 item 6): mining margin, then each flexibility term (power credits,
// fixed-price savings, 4CP saving, ancillary net) as a floating step, the mining total, and each AI option's margin per MW
// beside it. Plain SVG built here (no chart library, no remote script).
import { h } from './dom.js';
import * as f from './format.js';

const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The bars of the waterfall from economics.valueStack: {label, from, to, kind: 'step'|'total'|'ai'}. */
export function waterfallBars(vs) {
  const bars = [];
  let level = 0;
  const step = (label, v) => { if (label === 'Mining margin' || Math.abs(v) > 1e-9) { bars.push({ label, from: level, to: level + v, kind: 'step' }); level += v; } };
  step('Mining margin', vs.miningMarginUsdPerMw);
  step('Power credits', vs.powerCreditsUsdPerMw);
  step('Fixed-price savings', vs.fixedPriceSavingsUsdPerMw);
  step('4CP saving', vs.fourCpSavingUsdPerMw);
  step('Ancillary services', vs.ancillaryNetUsdPerMw);
  bars.push({ label: 'Mining total', from: 0, to: vs.miningTotalUsdPerMw, kind: 'total' });
  for (const [name, v] of Object.entries(vs.aiOptionMarginUsdPerMw || {})) bars.push({ label: `AI: ${name}`, from: 0, to: v, kind: 'ai' });
  return bars;
}

/** A figure with the waterfall of valueStack (USD per MW over the horizon), or null when no mining runs. */
export function valueStackFigure(vs) {
  if (!vs || !(vs.miningItMw > 0)) return null;
  const svg = barsSvg(waterfallBars(vs), 'Value stack per MW', ' per MW');
  return h('figure', { class: 'figure', id: 'value-stack' }, h('h3', {}, 'Value stack per MW'), svg,
    h('figcaption', {}, `What a running MW of mining earns over the horizon (${f.usd(vs.miningTotalUsdPerMw)} per MW over ${vs.miningItMw.toFixed(1)} MW), `
      + 'term by term, against each AI option\'s margin per MW of IT. The terms in USD add up to the net value.'));
}

/** The bars of the What-if → plan bridge (issue 14 item 6): the What-if over the horizon, each non-zero step, the plan. */
export function bridgeBars(b) {
  const bars = [{ label: 'What-if', from: 0, to: b.startUsd, kind: 'total' }];
  let level = b.startUsd;
  for (const s of b.steps) {
    if (Math.abs(s.usd) > 1e-6) { bars.push({ label: s.name, from: level, to: level + s.usd, kind: 'step' }); level += s.usd; }
  }
  bars.push({ label: 'Plan', from: 0, to: b.endUsd, kind: 'total' });
  return bars;
}

/** A figure with the bridge's waterfall and a table of every step with its sentence. */
export function bridgeFigure(b) {
  if (!b) return null;
  const rows = b.steps.map(s => h('tr', {}, h('th', { scope: 'row' }, s.name), h('td', { class: 'num' }, f.usd(s.usd)), h('td', {}, s.explanation)));
  return h('figure', { class: 'figure', id: 'plan-bridge' }, h('h3', {}, 'From the What-if to the plan'),
    barsSvg(bridgeBars(b), 'What-if to plan bridge', ''),
    h('figcaption', {}, `The What-if at the first month (${b.whatIfMonths}) nets ${f.usd(b.whatIfNetUsd)}; over the plan's hours, undiscounted, `
      + `${f.usd(b.startUsd)}. Each step switches one effect of the plan on; they add up to the plan's value, ${f.usd(b.endUsd)}.`),
    h('table', { class: 'bridge-steps' }, h('thead', {}, h('tr', {}, h('th', {}, 'Step'), h('th', {}, 'USD'), h('th', {}, 'Why'))),
      h('tbody', {}, rows)));
}

/** The SVG of bars {label, from, to, kind}; a bar's title says its value and the suffix. */
function barsSvg(bars, ariaLabel, suffix) {
  const w = 640, hgt = 300, left = 90, bottom = 70, top = 16, slot = (w - left - 10) / bars.length;
  const lo = Math.min(0, ...bars.flatMap(b => [b.from, b.to]));
  const hi = Math.max(0, ...bars.flatMap(b => [b.from, b.to]));
  const span = hi - lo || 1;
  const y = v => top + (hi - v) / span * (hgt - top - bottom);
  const svg = el('svg', { viewBox: `0 0 ${w} ${hgt}`, role: 'img', class: 'waterfall', 'aria-label': ariaLabel });
  svg.append(el('line', { x1: left, x2: w - 10, y1: y(0), y2: y(0), stroke: 'currentColor', 'stroke-width': 1 }));
  for (const v of [lo, hi]) svg.append(el('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11 }, f.usdCompact(v)));
  bars.forEach((b, k) => {
    const x = left + k * slot + slot * 0.15;
    const y0 = y(Math.max(b.from, b.to)), y1 = y(Math.min(b.from, b.to));
    const fill = b.kind === 'ai' ? '#7a5cc4' : b.kind === 'total' ? '#2f6f4e' : b.to >= b.from ? '#3f9d6b' : '#c0504d';
    const rect = el('rect', { x, y: y0, width: slot * 0.7, height: Math.max(1, y1 - y0), fill });
    rect.append(el('title', {}, `${b.label}: ${f.usd(b.to - b.from)}${suffix}`));
    svg.append(rect);
    svg.append(el('text', { x: x + slot * 0.35, y: y0 - 3, 'text-anchor': 'middle', 'font-size': 10 }, f.usdCompact(b.to - b.from)));
    svg.append(el('text', { x: x + slot * 0.35, y: hgt - bottom + 14, 'text-anchor': 'end', 'font-size': 10,
      transform: `rotate(-30 ${x + slot * 0.35} ${hgt - bottom + 14})` }, b.label));
  });
  return svg;
}
