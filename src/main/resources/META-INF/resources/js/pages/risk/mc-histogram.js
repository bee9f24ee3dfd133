// The Monte Carlo NPV histogram: bars over [edges[b], edges[b+1]) with USD on x and path counts on y.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { plotChart } from '../../lib/charts.js';
import * as f from '../../lib/format.js';

/** Draws hist ({edgesUsd, counts}) into box; data-points is the number of bins. */
export function histogram(box, hist, title, color) {
  const edges = hist.edgesUsd, counts = hist.counts;
  const mids = counts.map((_, b) => (edges[b] + edges[b + 1]) / 2);
  const widthUsd = edges.length > 1 ? (edges[edges.length - 1] - edges[0]) / counts.length : 1;
  const lo = edges[0], hi = edges[edges.length - 1];
  const pad = hi > lo ? 0 : Math.max(1, Math.abs(lo) * 0.05);
  const opts = {
    title, height: 220,
    scales: { x: { time: false, range: () => [lo - pad - widthUsd * 0.02, hi + pad + widthUsd * 0.02] }, y: { range: (u, mn, mx) => [0, Math.max(1, mx * 1.1)] } },
    axes: [
      { label: 'NPV (USD)', labelFont: 'bold 12px system-ui, sans-serif', font: '12px system-ui, sans-serif', values: (u, vs) => vs.map(f.usdCompact) },
      { label: 'paths', labelFont: 'bold 12px system-ui, sans-serif', font: '12px system-ui, sans-serif', size: 50, values: (u, vs) => vs.map(v => f.num(v, 0)) },
    ],
    series: [
      { label: 'NPV bin', value: (u, v, si, i) => (i == null ? '–' : `${f.usd(edges[i])} to ${f.usd(edges[i + 1])}`) },
      { label: 'paths', stroke: color, fill: `${color}bb`, width: 1, points: { show: false },
        paths: uPlot.paths.bars({ size: [0.95, Infinity], align: 0 }), value: (u, v) => (v == null ? '–' : f.num(v, 0)) },
    ],
    legend: { live: true },
    cursor: { points: { show: false } },
  };
  const description = `${title}: ${counts.reduce((a, c) => a + c, 0)} paths in ${counts.length} bins from ${f.usd(edges[0])} to ${f.usd(edges[edges.length - 1])}.`;
  return plotChart(box, opts, [mids, counts], description, { minWidth: 260, fallbackWidth: 500 });
}
