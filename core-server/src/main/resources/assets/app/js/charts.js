// Two small inline-SVG charts (a charting library would add hundreds of KB for these two pictures):
// the market P10–P90 with the salary band laid over it, and a what-if's band change by group.
import { h, s, uid } from './dom.js';
import { money } from './format.js';

/** Spreads labels (sorted x positions) at least {@code gap} apart, kept inside [lo, hi]. */
function spreadOut(xs, gap, lo, hi) {
  const out = xs.slice();
  for (let i = 1; i < out.length; i += 1) out[i] = Math.max(out[i], out[i - 1] + gap);
  if (out.length && out[out.length - 1] > hi) {
    out[out.length - 1] = hi;
    for (let i = out.length - 2; i >= 0; i -= 1) out[i] = Math.min(out[i], out[i + 1] - gap);
  }
  if (out.length && out[0] < lo) {
    out[0] = lo;
    for (let i = 1; i < out.length; i += 1) out[i] = Math.max(out[i], out[i - 1] + gap);
  }
  return out;
}

function scale(lo, hi, left, right) {
  const span = hi - lo || 1;
  return (v) => left + ((Number(v) - lo) / span) * (right - left);
}

/**
 * The market's P10..P90 as a bar (P25..P75 darker, the median as a line) with the band's min..max
 * laid over it and its mid marked. Null percentiles (no observation reported them) are left out.
 */
export function percentileChart(market, band, currency) {
  // drawn for the width it gets, so its 12 px labels stay readable on a phone
  const W = Math.round(Math.min(800, Math.max(340, window.innerWidth - 48)));
  const narrow = W < 600;
  const H = narrow ? 208 : 176;
  const p = ['p10', 'p25', 'p50', 'p75', 'p90'].filter((k) => market && market[k] !== null && market[k] !== undefined);
  const values = p.map((k) => Number(market[k])).concat([band.min, band.max].map(Number));
  const lo0 = Math.min(...values);
  const hi0 = Math.max(...values);
  const pad = (hi0 - lo0) * 0.06 || hi0 * 0.05 || 1;
  const x = scale(lo0 - pad, hi0 + pad, 16, W - 16);
  const titleId = uid('chart-title');
  const fmt = (v) => money(v, currency);
  const parts = [s('title', { id: titleId }, `Market ${p.map((k) => `${k.toUpperCase()} ${fmt(market[k])}`).join(', ')}; `
    + `band ${fmt(band.min)} to ${fmt(band.max)}, mid ${fmt(band.mid)}`)];
  const barTop = 64;
  const barH = 40;
  parts.push(s('line', { class: 'axis', x1: 16, x2: W - 16, y1: barTop + barH + 10, y2: barTop + barH + 10 }));
  if (market.p10 !== null && market.p90 !== null && market.p10 !== undefined) {
    parts.push(s('rect', { class: 'market-outer', x: x(market.p10), y: barTop, width: Math.max(1, x(market.p90) - x(market.p10)), height: barH, rx: 4 }));
  }
  if (market.p25 !== null && market.p75 !== null && market.p25 !== undefined) {
    parts.push(s('rect', { class: 'market-inner', x: x(market.p25), y: barTop, width: Math.max(1, x(market.p75) - x(market.p25)), height: barH }));
  }
  if (market.p50 !== null && market.p50 !== undefined) {
    parts.push(s('line', { class: 'median', x1: x(market.p50), x2: x(market.p50), y1: barTop - 4, y2: barTop + barH + 4 }));
  }
  // the band over the market
  parts.push(s('rect', { class: 'band', x: x(band.min), y: barTop - 14, width: Math.max(1, x(band.max) - x(band.min)), height: barH + 28, rx: 3 }));
  const midX = x(band.mid);
  parts.push(s('path', { class: 'mid', d: `M${midX} ${barTop - 22} l7 8 l-7 8 l-7 -8 z` }));
  const bandXs = spreadOut([x(band.min), midX, x(band.max)], narrow ? 104 : 120, 52, W - 52);
  [['Min', band.min], ['Mid', band.mid], ['Max', band.max]].forEach(([label, value], i) => {
    parts.push(s('text', { class: 'band-label', x: bandXs[i], y: 26, 'text-anchor': 'middle' }, `${label} ${fmt(value)}`));
  });
  // on a narrow chart the percentile labels take two rows, alternately
  const rows = narrow ? [p.filter((_, i) => i % 2 === 0), p.filter((_, i) => i % 2 === 1)] : [p];
  rows.forEach((keys, row) => {
    const xs = spreadOut(keys.map((k) => x(market[k])), 92, 40, W - 40);
    const drop = row * 34;
    keys.forEach((k, i) => {
      parts.push(s('line', { class: 'grid', x1: x(market[k]), x2: xs[i], y1: barTop + barH + 10, y2: barTop + barH + 22 + drop }));
      parts.push(s('text', { class: 'strong', x: xs[i], y: barTop + barH + 38 + drop, 'text-anchor': 'middle' }, k.toUpperCase()));
      parts.push(s('text', { x: xs[i], y: barTop + barH + 54 + drop, 'text-anchor': 'middle' }, fmt(market[k])));
    });
  });
  const svg = s('svg', {
    class: 'chart percentile-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': titleId,
    preserveAspectRatio: 'xMidYMid meet',
  }, parts);
  const legend = h('ul', { class: 'legend' },
    h('li', h('span', { class: 'swatch market-outer' }), 'Market P10–P90'),
    h('li', h('span', { class: 'swatch market-inner' }), 'P25–P75 (line: P50)'),
    h('li', h('span', { class: 'swatch band' }), 'Salary band min–max (◆ mid)'));
  return h('figure', { class: 'chart-figure', id: 'percentile-chart' }, svg, legend);
}

/**
 * Mean change of the band's min, mid and max per group, in percent of the value before (so groups in
 * different currencies compare): groups are {label, min, mid, max} as fractions (0.025 = +2.5 %).
 */
export function bandChangeChart(groups) {
  const W = Math.round(Math.min(800, Math.max(340, window.innerWidth - 48)));
  const left = W < 600 ? 60 : 110;
  const right = 16;
  const barH = 9;
  const rowH = 3 * (barH + 3) + 14;
  const H = 34 + groups.length * rowH;
  const extent = Math.max(0.005, ...groups.flatMap((g) => [g.min, g.mid, g.max].map((v) => Math.abs(Number(v) || 0))));
  // room for the value labels beside the longest bars on both sides
  const x = scale(-extent * 1.5, extent * 1.5, left, W - right);
  const titleId = uid('chart-title');
  const fmt = (v) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${(Math.abs(v) * 100).toFixed(1)}%`;
  const parts = [s('title', { id: titleId }, `Mean band change by group: ${groups.map((g) => `${g.label} min ${fmt(g.min)}, `
    + `mid ${fmt(g.mid)}, max ${fmt(g.max)}`).join('; ')}`)];
  parts.push(s('line', { class: 'axis', x1: x(0), x2: x(0), y1: 6, y2: H - 20 }));
  [-extent, -extent / 2, extent / 2, extent].forEach((v) => {
    parts.push(s('line', { class: 'grid', x1: x(v), x2: x(v), y1: 6, y2: H - 20 }));
    parts.push(s('text', { x: x(v), y: H - 6, 'text-anchor': 'middle' }, fmt(v)));
  });
  parts.push(s('text', { x: x(0), y: H - 6, 'text-anchor': 'middle' }, '0'));
  groups.forEach((g, i) => {
    const top = 10 + i * rowH;
    parts.push(s('text', { class: 'strong', x: left - 12, y: top + rowH / 2, 'text-anchor': 'end' }, g.label));
    ['min', 'mid', 'max'].forEach((k, j) => {
      const v = Number(g[k]) || 0;
      const y = top + j * (barH + 3);
      const x0 = x(Math.min(0, v));
      parts.push(s('rect', { class: `change-${k}`, x: x0, y, width: Math.max(1, Math.abs(x(v) - x(0))), height: barH, rx: 1 }));
      parts.push(s('text', { x: v >= 0 ? x(v) + 4 : x(v) - 4, y: y + barH - 1, 'text-anchor': v >= 0 ? 'start' : 'end' }, `${k} ${fmt(v)}`));
    });
  });
  const svg = s('svg', { class: 'chart whatif-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': titleId }, parts);
  return h('figure', { class: 'chart-figure', id: 'whatif-chart' }, svg, h('ul', { class: 'legend' },
    h('li', h('span', { class: 'swatch change-min' }), 'Band min'), h('li', h('span', { class: 'swatch change-mid' }), 'Band mid'),
    h('li', h('span', { class: 'swatch change-max' }), 'Band max')));
}
