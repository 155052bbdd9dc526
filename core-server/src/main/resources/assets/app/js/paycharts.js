// Two inline-SVG charts of employee pay: compa-ratio P10–P90 per group, and the pay gap per category of
// workers against the joint-assessment threshold. Suppressed cells are listed, never drawn.
import { h, s, uid } from './dom.js';

function width() {
  return Math.round(Math.min(800, Math.max(340, window.innerWidth - 48)));
}

function scale(lo, hi, left, right) {
  const span = hi - lo || 1;
  return (v) => left + ((Number(v) - lo) / span) * (right - left);
}

/** Compa-ratio P10..P90 (P25..P75 darker, median line) per cell, with 1.00 (pay = band mid) marked. */
export function compaRatioChart(cells) {
  const shown = cells.filter((c) => !c.suppressed && c.compaRatio);
  const W = width();
  const left = W < 600 ? 90 : 150;
  const rowH = 26;
  const H = 40 + shown.length * rowH;
  const values = shown.flatMap((c) => [c.compaRatio.p10, c.compaRatio.p90].map(Number)).concat([1]);
  const lo = Math.min(...values) - 0.05;
  const hi = Math.max(...values) + 0.05;
  const x = scale(lo, hi, left, W - 16);
  const titleId = uid('chart-title');
  const parts = [s('title', { id: titleId }, `Compa-ratio P10 to P90: ${shown.map((c) => `${c.key} ${c.compaRatio.p10} to ${c.compaRatio.p90}, `
    + `median ${c.compaRatio.p50}`).join('; ')}`)];
  parts.push(s('line', { class: 'reference', x1: x(1), x2: x(1), y1: 4, y2: H - 22 }));
  [lo + 0.05, 1, hi - 0.05].forEach((v) => parts.push(s('text', { x: x(v), y: H - 6, 'text-anchor': 'middle' }, Number(v).toFixed(2))));
  shown.forEach((c, i) => {
    const top = 8 + i * rowH;
    const r = c.compaRatio;
    parts.push(s('text', { class: 'strong', x: left - 10, y: top + 14, 'text-anchor': 'end' }, c.key));
    parts.push(s('rect', { class: 'market-outer', x: x(r.p10), y: top + 2, width: Math.max(1, x(r.p90) - x(r.p10)), height: 16, rx: 3 }));
    parts.push(s('rect', { class: 'market-inner', x: x(r.p25), y: top + 2, width: Math.max(1, x(r.p75) - x(r.p25)), height: 16 }));
    parts.push(s('line', { class: 'median', x1: x(r.p50), x2: x(r.p50), y1: top, y2: top + 20 }));
  });
  const svg = s('svg', { class: 'chart compa-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': titleId }, parts);
  return h('figure', { class: 'chart-figure', id: 'compa-chart' }, svg,
    h('figcaption', { class: 'small muted' }, 'Bars: P10–P90 of compa-ratio (pay / band mid), darker P25–P75, line the median; the vertical line is 1.00.'));
}

/** The mean basic-pay gap per category (percent), the threshold either side, flagged categories marked. */
export function payGapChart(categories, threshold) {
  const shown = categories.filter((c) => c.shows === 'SPLIT' && c.basicPay);
  const W = width();
  const left = W < 600 ? 120 : 190;
  const rowH = 22;
  const H = 40 + shown.length * rowH;
  const t = Number(threshold) * 100;
  const extent = Math.max(t * 1.5, ...shown.map((c) => Math.abs(Number(c.basicPay.meanGap))));
  const x = scale(-extent * 1.1, extent * 1.1, left, W - 64);
  const titleId = uid('chart-title');
  const parts = [s('title', { id: titleId }, `Mean gap in basic pay by category: ${shown.map((c) => `${c.category} ${c.basicPay.meanGap}%`
    + `${c.flagged ? ' (flagged)' : ''}`).join('; ')}`)];
  parts.push(s('line', { class: 'axis', x1: x(0), x2: x(0), y1: 4, y2: H - 22 }));
  [-t, t].forEach((v) => {
    parts.push(s('line', { class: 'threshold', x1: x(v), x2: x(v), y1: 4, y2: H - 22 }));
    parts.push(s('text', { x: x(v), y: H - 6, 'text-anchor': 'middle' }, `${v > 0 ? '+' : '−'}${Math.abs(v)}%`));
  });
  shown.forEach((c, i) => {
    const top = 8 + i * rowH;
    const v = Number(c.basicPay.meanGap);
    parts.push(s('text', { class: 'strong', x: left - 10, y: top + 12, 'text-anchor': 'end' }, c.category));
    parts.push(s('rect', {
      class: c.flagged ? 'gap-bar flagged' : 'gap-bar', x: x(Math.min(0, v)), y: top + 2, width: Math.max(1, Math.abs(x(v) - x(0))), height: 14, rx: 2,
    }));
    parts.push(s('text', { x: v >= 0 ? x(v) + 4 : x(v) - 4, y: top + 13, 'text-anchor': v >= 0 ? 'start' : 'end' }, `${v.toFixed(2)}%`));
  });
  const svg = s('svg', { class: 'chart paygap-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': titleId }, parts);
  return h('figure', { class: 'chart-figure', id: 'paygap-chart' }, svg,
    h('figcaption', { class: 'small muted' }, `Mean gap (men − women) / men in basic pay; categories at ${t}% or more either way are flagged (red).`));
}
