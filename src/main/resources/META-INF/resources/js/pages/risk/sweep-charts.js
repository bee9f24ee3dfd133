// The sweep's charts: the pivot curve (optimal AI and ASIC MW against the input, the frontier steps dashed), the value
// (net value or plan NPV) against the input, and the tornado of the value against ±X% on each input (SVG).
import { h } from '../../lib/dom.js';
import { lineChart, figure } from '../../lib/charts.js';
import * as f from '../../lib/format.js';
import { fmtOf, labelOf, axisOf } from './sweep-inputs.js';

/** Draws the charts of answer r (inputs ax, view of sweep-inputs VIEWS) into figures appended to into (in the document). */
export function drawCharts(into, r, ax, view) {
  const input = ax[0];
  const fmt = fmtOf(input);
  const xs = [...new Set(r.points.map(p => p.values[input]))];
  let aiSeries, netSeries, asicSeries = [];
  if (ax.length === 1) {
    aiSeries = view.lines.map(l => ({ label: l.label, values: r.points.map(l.get), width: 2, dash: l.dash }));
    netSeries = [{ label: `${view.valueLower} (USD)`, values: r.points.map(view.net), width: 2 }];
  } else {
    // one line per value of the second input (at most 8, evenly picked)
    const ys = [...new Set(r.points.map(p => p.values[ax[1]]))];
    const pick = ys.length <= 8 ? ys : Array.from({ length: 8 }, (_, i) => ys[Math.round(i * (ys.length - 1) / 7)]);
    const line = (y, get) => xs.map(x => { const p = r.points.find(q => q.values[input] === x && q.values[ax[1]] === y); return p ? get(p) : null; });
    aiSeries = pick.map(y => ({ label: `AI MW at ${fmtOf(ax[1])(y)}`, values: line(y, view.ai) }));
    netSeries = pick.map(y => ({ label: `${view.valueLower} at ${fmtOf(ax[1])(y)}`, values: line(y, view.net) }));
  }
  const clean = s => s.map(x => ({ ...x, values: x.values.map(v => (Number.isFinite(v) ? v : null)) }));
  const steps = r.frontier || [];
  const fig1 = figure('Pivot curve', ax.length === 1
    ? `Optimal AI and ASIC IT megawatts against the ${axisOf(input)}. Dashed lines mark the frontier steps, where the optimal AI MW changes.`
    : `Optimal AI IT megawatts against the ${axisOf(input)}, one line per ${axisOf(ax[1])}.`);
  fig1.box.id = 'chart-pivot';
  const fig2 = figure(view.value, `${view.valueWords[0].toUpperCase()}${view.valueWords.slice(1)} against the ${axisOf(input)}.`);
  fig2.box.id = 'chart-npv';
  into.append(fig1, fig2);
  const plot = lineChart(fig1.box, { title: 'Optimal IT load (MW)', x: xs, xLabel: axisOf(input), xFmt: fmt, yLabel: 'IT load (MW)', yFmt: v => f.num(v, 1),
    series: clean([...aiSeries, ...asicSeries]),
    description: `Pivot curve: optimal AI and ASIC IT MW at ${xs.length} values of ${labelOf(input)}${steps.length ? `; frontier steps at ${steps.map(s => fmt(s.value)).join(', ')}` : ''}.` });
  if (steps.length) {
    fig1.box.dataset.markers = String(steps.length);
    plot.hooks.draw = [...(plot.hooks.draw || []), u => {
      const ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = '#7b3fb5'; ctx.lineWidth = 1.5 * devicePixelRatio; ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
      for (const s of steps) {
        const x = Math.round(u.valToPos(s.value, 'x', true));
        ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
      }
      ctx.restore();
    }];
    // uPlot draws after a microtask, so the hook set here runs on the first draw and on every resize
  }
  lineChart(fig2.box, { title: `${view.value} (USD)`, x: xs, xLabel: axisOf(input), xFmt: fmt, yLabel: `${view.valueLower} (USD)`, yFmt: v => f.usdCompact(v),
    series: clean(netSeries), description: `${view.value} in USD at ${xs.length} values of ${labelOf(input)}.` });
  if (r.tornado?.length) {
    const fig3 = figure('Tornado', `${view.value} when each input moves down (left colour) or up, around the base ${f.usd(view.net(r.base))}; largest swing first.`);
    fig3.box.id = 'chart-tornado';
    fig3.classList.add('wide');
    into.append(fig3);
    tornadoChart(fig3.box, r, view);
  }
}

/**
 * Tornado: one horizontal bar per input from its net value at −delta to its net value at +delta, around a vertical
 * line at the base net value; largest swing on top. Drawn as SVG (uPlot has no tornado); data-points counts the bar ends.
 */
function tornadoChart(box, r, view) {
  drawTornado(box, r, view);
  let width = box.clientWidth;
  new ResizeObserver(() => {
    if (Math.abs(box.clientWidth - width) > 4) { width = box.clientWidth; drawTornado(box, r, view); }
  }).observe(box);
}

function drawTornado(box, r, view) {
  const bars = [...r.tornado].sort((a, b) => b.swingUsd - a.swingUsd);
  const base = view.net(r.base);
  const vals = bars.flatMap(t => [t.netUsdLow, t.netUsdHigh]).concat(base).filter(Number.isFinite);
  const lo = Math.min(...vals), hi = Math.max(...vals);
  const pad = (hi - lo) * 0.05 || Math.abs(base) * 0.05 || 1;
  const x0 = lo - pad, x1 = hi + pad;
  // drawn at the box's own width, so that text stays 12px at every screen width
  const W = Math.max(300, Math.floor(box.clientWidth || 600)), left = Math.min(170, Math.round(W * 0.36)), right = 24, top = 30, rowH = 30, bottom = 46;
  const H = top + rowH * bars.length + bottom;
  const X = v => left + ((v - x0) / (x1 - x0)) * (W - left - right);
  const NS = 'http://www.w3.org/2000/svg';
  const el = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'tornado-svg', 'aria-hidden': 'true', focusable: 'false' });
  svg.append(el('text', { x: W / 2, y: 18, 'text-anchor': 'middle', class: 't-title' }, `${view.value} at ± each input (USD)`));
  // ticks
  const ticks = W < 500 ? 3 : 5;
  for (let i = 0; i <= ticks; i++) {
    const v = x0 + ((x1 - x0) * i) / ticks;
    svg.append(el('line', { x1: X(v), x2: X(v), y1: top, y2: top + rowH * bars.length, class: 't-grid' }),
      el('text', { x: X(v), y: top + rowH * bars.length + 16, 'text-anchor': 'middle', class: 't-tick' }, f.usdCompact(v)));
  }
  svg.append(el('text', { x: left + (W - left - right) / 2, y: H - 8, 'text-anchor': 'middle', class: 't-axis' }, view.valueWords));
  bars.forEach((t, i) => {
    const y = top + i * rowH + 5, hgt = rowH - 10;
    const seg = (v, cls, what) => {
      const a = Math.min(X(base), X(v)), w = Math.max(1, Math.abs(X(v) - X(base)));
      const rect = el('rect', { x: a, y, width: w, height: hgt, class: cls });
      rect.append(el('title', {}, `${labelOf(t.input)} ${what}: ${view.valueLower} ${f.usd(v)}`));
      return rect;
    };
    svg.append(el('text', { x: left - 8, y: y + hgt / 2 + 4, 'text-anchor': 'end', class: 't-label' }, labelOf(t.input).replace(/ \(.*\)$/, '')),
      seg(t.netUsdLow, 't-low', `at ${fmtOf(t.input)(t.lowValue)}`), seg(t.netUsdHigh, 't-high', `at ${fmtOf(t.input)(t.highValue)}`));
  });
  svg.append(el('line', { x1: X(base), x2: X(base), y1: top - 4, y2: top + rowH * bars.length + 4, class: 't-base' }));
  box.replaceChildren(svg,
    h('p', { class: 'tornado-legend' }, h('span', { class: 'key key-low' }), ' input moved down  ', h('span', { class: 'key key-high' }), ' input moved up  ',
      h('span', { class: 'key key-base' }), ` base ${f.usd(base)}`));
  box.classList.add('chart', 'tornado');
  box.setAttribute('role', 'img');
  box.dataset.points = String(bars.reduce((n, t) => n + [t.netUsdLow, t.netUsdHigh].filter(Number.isFinite).length, 0));
  box.dataset.series = '2';
  box.setAttribute('aria-label', `Tornado of ${view.valueLower} around the base ${f.usd(base)}: ${bars.map(t => `${labelOf(t.input)} from ${f.usd(t.netUsdLow)} to ${f.usd(t.netUsdHigh)}`).join('; ')}.`);
}
