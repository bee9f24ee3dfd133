// Charts drawn with uPlot, served by this application from its webjar (no CDN). Every chart container gets
// data-points (values plotted) and data-series (series count) so tests and reviewers can see what it holds, and an
// aria-label saying what it shows; the numbers themselves are in the tables beside it.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { h } from './dom.js';

export const COLORS = ['#1f6feb', '#d1495b', '#2e933c', '#e69f00', '#7b3fb5', '#00838f', '#8c564b', '#555555'];

/**
 * Draws a uPlot chart into container with the dashboard's conventions: class chart, role img, an aria-label saying
 * what it shows, data-points (finite values plotted) and data-series; it follows the container's width. The plot's
 * ResizeObserver is plot.resizeObserver (a page that unmounts disconnects it).
 * @param {{minWidth?: number, fallbackWidth?: number}} size the narrowest width drawn, and the width when the box has none yet
 */
export function plotChart(container, opts, data, description, { minWidth = 280, fallbackWidth = 600 } = {}) {
  const width = () => Math.max(minWidth, Math.floor(container.clientWidth || container.parentElement?.clientWidth || fallbackWidth) - 2);
  container.replaceChildren();
  container.classList.add('chart');
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', description);
  const points = data.slice(1).reduce((n, s) => n + s.filter(v => v !== null && v !== undefined && Number.isFinite(v)).length, 0);
  container.dataset.points = String(points);
  container.dataset.series = String(data.length - 1);
  const axes = (opts.axes || []).map((a, i) => (isVertical(a, i) ? { ...a, size: fitSize(a.size), labelGap: a.labelGap ?? 4 } : a));
  const plot = new uPlot({ ...opts, axes, width: width() }, data, container);
  const ro = new ResizeObserver(() => {
    const w = width();
    if (Math.abs(w - plot.width) > 4) plot.setSize({ width: w, height: opts.height });
  });
  ro.observe(container);
  container._plot = plot;
  plot.resizeObserver = ro;
  return plot;
}

const isVertical = (axis, i) => (axis.side === undefined ? i > 0 : axis.side === 1 || axis.side === 3);

/**
 * A vertical axis as wide as its widest tick label (measured in the axis font) plus ticks and gap, never narrower than
 * the size asked for: tick labels then never run into the axis title beside them.
 */
function fitSize(least = 50) {
  return (u, values, axisIdx, cycleNum) => {
    const axis = u.axes[axisIdx];
    if (cycleNum > 1 && axis._size) return axis._size;
    const widest = (values || []).reduce((a, v) => (String(v ?? '').length > a.length ? String(v ?? '') : a), '');
    let size = (axis.ticks?.size ?? 10) + (axis.gap ?? 5) + 4;
    if (widest) {
      u.ctx.font = Array.isArray(axis.font) ? axis.font[0] : axis.font;
      size += u.ctx.measureText(widest).width / (uPlot.pxRatio || 1);
    }
    return Math.ceil(Math.max(typeof least === 'number' ? least : 50, size));
  };
}

const axisFont = '12px system-ui, sans-serif';
/** A y axis; a tick uPlot leaves unlabelled (null, as on a log scale between decades) stays blank. */
function yAxis(label, fmt) {
  return { label, labelFont: 'bold 12px system-ui, sans-serif', font: axisFont, size: 50, values: (u, vals) => vals.map(v => (v == null ? '' : fmt(v))) };
}

/**
 * A line chart over time (x in seconds since 1970, shown in UTC) or over a number.
 * @param {{title: string, xLabel: string, yLabel: string, yFmt: (v:number)=>string, time?: boolean,
 *          x: number[], series: {label: string, values: (number|null)[], dash?: number[]}[], height?: number,
 *          xFmt?: (v:number)=>string, yLog?: boolean}} o  yLog: a log-10 y scale (every value positive)
 */
export function lineChart(container, o) {
  const height = o.height || 280;
  const opts = {
    title: o.title, height,
    scales: { x: { time: !!o.time }, ...(o.yLog ? { y: { distr: 3, log: 10 } } : {}) },
    ...(o.time ? { tzDate: ts => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC') } : {}),
    axes: [
      { label: o.xLabel, labelFont: 'bold 12px system-ui, sans-serif', font: axisFont,
        ...(o.xFmt ? { values: (u, vals) => vals.map(v => o.xFmt(v)) } : {}) },
      yAxis(o.yLabel, o.yFmt),
    ],
    series: [
      { label: o.time ? 'time (UTC)' : o.xLabel, ...(o.xFmt ? { value: (u, v) => v === null ? '–' : o.xFmt(v) } : {}) },
      ...o.series.map((s, i) => ({
        label: s.label, stroke: s.color || COLORS[i % COLORS.length], width: s.width || 1.5, dash: s.dash,
        points: { show: o.x.length < 60, size: 5 }, spanGaps: false,
        value: (u, v) => v === null || v === undefined ? '–' : o.yFmt(v),
      })),
    ],
    legend: { live: true },
    cursor: { drag: { x: true, y: false } },
  };
  return plotChart(container, opts, [o.x, ...o.series.map(s => s.values)], o.description || o.title);
}

/**
 * Bars per category; with two or more series the bars of a category stand side by side.
 * @param {{title: string, categories: string[], yLabel: string, yFmt: (v:number)=>string,
 *          series: {label: string, values: number[]}[], height?: number}} o
 */
export function barChart(container, o) {
  const height = o.height || 260;
  const n = o.series.length;
  const x = o.categories.map((_, i) => i);
  const gap = 0.7 / n;
  const opts = {
    title: o.title, height,
    scales: { x: { time: false, range: [-0.6, o.categories.length - 0.4] }, y: { range: (u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } },
    axes: [
      { font: axisFont, splits: () => x, values: (u, vals) => categoryLabels(u, container, vals.map(v => o.categories[Math.round(v)] ?? '')), gap: 6, size: 40 },
      yAxis(o.yLabel, o.yFmt),
    ],
    series: [
      { label: 'use', value: (u, v) => v === null ? '–' : (o.categories[Math.round(v)] ?? '') },
      ...o.series.map((s, i) => ({
        label: s.label, stroke: COLORS[i % COLORS.length], fill: COLORS[i % COLORS.length] + 'cc', width: 1,
        points: { show: false },
        paths: uPlot.paths.bars({ disp: { x0: { unit: 1, values: () => x.map(v => v - 0.35 + gap * i) }, size: { unit: 1, values: () => x.map(() => gap * 0.92) } } }),
        value: (u, v) => v === null || v === undefined ? '–' : o.yFmt(v),
      })),
    ],
    legend: { live: true },
    cursor: { points: { show: false } },
  };
  return plotChart(container, opts, [x, ...o.series.map(s => s.values)], o.description || o.title);
}

/**
 * The text that fits width (CSS px) as measure (CSS px of a text) gives it: the text itself, else its start with "…",
 * else '' (a label is never drawn into its neighbour's place; the legend and the table name every category in full).
 */
export function fitLabel(text, width, measure) {
  if (measure(text) <= width) return text;
  for (let n = text.length - 1; n > 0; n--) {
    const cut = text.slice(0, n).trimEnd() + '…';
    if (measure(cut) <= width) return cut;
  }
  return '';
}

/**
 * Category labels of a bar chart, each cut to its slot (the plot's width over the categories, less a 6 px gap), so
 * that at phone width no two labels overlap. The labels drawn and the slot are kept on the chart box
 * (data-x-labels, data-x-slot) for tests.
 */
function categoryLabels(u, container, labels) {
  const ratio = uPlot.pxRatio || 1;
  const plotWidth = (u.bbox?.width ? u.bbox.width / ratio : u.width - 60);
  const slot = plotWidth / Math.max(1, labels.length) - 6;
  const font = u.axes[0]?.font;
  u.ctx.save();
  u.ctx.font = Array.isArray(font) ? font[0] : (font || axisFont);
  const measure = t => u.ctx.measureText(t).width / (Array.isArray(font) ? ratio : 1);
  const shown = labels.map(t => fitLabel(t, slot, measure));
  u.ctx.restore();
  container.dataset.xLabels = JSON.stringify(shown);
  container.dataset.xSlot = String(Math.floor(slot));
  return shown;
}

/** A figure: heading, chart box, and a caption in words. */
export function figure(title, caption) {
  const box = h('div', { class: 'chart-box' });
  const fig = h('figure', { class: 'figure' }, box, caption ? h('figcaption', {}, caption) : null);
  fig.box = box;
  return fig;
}
