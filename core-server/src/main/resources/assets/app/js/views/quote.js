// One quote, explained: band over the market, confidence and its parts, every observation and why it
// was used or not, and each rule step traced to the file and row that set it.
import { can, get } from '../api.js';
import { badge, h, mount, table } from '../dom.js';
import { percentileChart } from '../charts.js';
import { date, dateTime, money, num, pct, tidyMessage } from '../format.js';
import { locate } from '../rulefiles.js';
import { notify, pageHead } from '../shell.js';

const cache = new Map();

/** Keeps a quote just priced, so its page shows without fetching it again. */
export function remember(quote) {
  cache.set(quote.id, quote);
}

function figure(label, value, fieldName, raw, className) {
  return h('div', { class: `figure ${className || ''}`.trim() }, h('div', { class: 'label' }, label),
    h('div', { class: 'value', dataset: { field: fieldName, value: raw === null || raw === undefined ? '' : String(raw) } }, value));
}

function meter(value) {
  const bar = h('span', { 'width%': Number(value) * 100 });
  return h('div', { class: 'meter', role: 'presentation' }, bar);
}

function confidencePanel(confidence) {
  const kind = confidence.label === 'HIGH' ? 'ok' : confidence.label === 'LOW' ? 'bad' : 'warn';
  const parts = confidence.parts || null;
  const names = { sample: 'Sample size', sources: 'Sources', age: 'Data age' };
  return h('section', { class: 'panel', id: 'confidence', 'aria-labelledby': 'confidence-h' },
    h('h2', { id: 'confidence-h' }, 'Confidence'),
    h('div', { class: 'row' }, h('span', { class: 'score-big', dataset: { field: 'confidence.score', value: confidence.score } },
      String(confidence.score)), h('span', { class: 'muted' }, '/ 100'), badge(confidence.label, kind)),
    parts ? h('div', { class: 'confidence', id: 'confidence-parts' }, Object.entries(names).filter(([k]) => parts[k] !== undefined)
      .flatMap(([k, label]) => [h('span', label), h('div', { class: 'row' }, meter(parts[k]),
        h('span', { class: 'small', dataset: { field: `confidence.parts.${k}`, value: parts[k] } }, pct(parts[k], 0)))]))
      : h('p', { class: 'hint' }, 'The score weighs the sample size, the number of sources and the age of the data '
        + '(pricing method §7); the steps below show its inputs.'));
}

function observationsTable(quote) {
  const rows = quote.observations.map((o) => ({
    attrs: { class: o.included ? null : 'excluded' },
    cells: [h('span', h('strong', o.sourceId), h('br'), h('span', { class: 'muted small' }, o.sourceType)), o.match,
      o.months === 1 ? '1 month' : `${o.months} months`, o.factor === null ? '–' : num(o.factor, 4),
      o.credibility === null ? '–' : num(o.credibility, 3), o.weight === null ? '–' : num(o.weight, 4),
      o.included ? badge('included', 'ok') : h('span', badge('excluded', 'bad'), ' ', o.reason || '')],
  }));
  return table(['Source', 'Match', { label: 'Age' }, { label: 'Factor', num: true }, { label: 'Credibility', num: true },
    { label: 'Weight', num: true }, 'Used'], rows, { className: 'observations' });
}

function ruleLink(versionNumber, where) {
  const href = `#/rules/${versionNumber}/files/${encodeURIComponent(where.file)}?line=${where.line || ''}`;
  const text = where.line ? `${where.file}, line ${where.line}` : where.file;
  return h('span', { class: 'source muted' }, h('a', { href, class: 'rule-link' }, text),
    where.key ? ` (${where.table}: ${where.key})` : '');
}

function stepItem(step, versionNumber) {
  const unchanged = step.message === 'no change';
  const source = h('div', { class: 'source small' });
  const io = step.inputs ? h('div', { class: 'small muted' }, `inputs: ${Object.entries(step.inputs)
    .map(([k, v]) => `${k} = ${num(v, 6)}`).join(', ')}${step.output !== undefined ? ` → ${num(step.output, 6)}` : ''}`) : null;
  const item = h('li', { class: unchanged ? 'unchanged' : null },
    h('span', { class: 'rule' }, step.rule), ' — ', tidyMessage(step.message), io, source);
  if (can('rules:read') && versionNumber) {
    locate(versionNumber, step).then((where) => {
      if (where) source.append(ruleLink(versionNumber, where));
    }).catch(() => null);
  }
  return item;
}

export async function render(ctx) {
  const id = ctx.params.id;
  const quote = cache.get(id) || await get(`/api/v1/pricing/quotes/${encodeURIComponent(id)}`);
  cache.set(id, quote);
  if (!ctx.active()) return;
  const cur = quote.currency;
  const versionNumber = quote.rulesetVersion ? quote.rulesetVersion.replace(/^v/, '') : null;
  const copy = h('button', {
    type: 'button', id: 'copy-link',
    onClick: async () => {
      try {
        await navigator.clipboard.writeText(location.href);
        notify('Link copied');
      } catch (e) {
        notify(`The link is ${location.href}`);
      }
    },
  }, 'Copy link');
  const meta = h('ul', { class: 'meta', id: 'quote-meta' },
    h('li', 'Occupation ', h('strong', quote.occupationCode)), h('li', 'Level ', h('strong', quote.level)),
    h('li', 'Country ', h('strong', quote.country)), quote.area ? h('li', 'Area ', h('strong', quote.area)) : null,
    h('li', 'Currency ', h('strong', cur)), h('li', 'As of ', h('strong', date(quote.asOf))),
    quote.skills && quote.skills.length ? h('li', 'Skills ', h('strong', quote.skills.join(', '))) : null,
    h('li', 'Rules ', versionNumber && can('rules:read') ? h('a', { href: `#/rules/${versionNumber}` }, quote.rulesetVersion)
      : h('strong', quote.rulesetVersion)),
    h('li', 'Priced ', h('strong', dateTime(quote.createdAt))));
  const warnings = quote.warnings && quote.warnings.length
    ? h('div', { class: 'alert warn', role: 'note', id: 'quote-warnings' }, h('strong', 'Warnings'),
      h('ul', quote.warnings.map((w) => h('li', w)))) : null;
  const m = quote.market || {};
  const figures = h('div', { class: 'figures', id: 'quote-figures' },
    figure('Band min', money(quote.band.min, cur), 'band.min', quote.band.min, 'band'),
    figure('Band mid', money(quote.band.mid, cur), 'band.mid', quote.band.mid, 'band'),
    figure('Band max', money(quote.band.max, cur), 'band.max', quote.band.max, 'band'),
    figure('Market P50', money(m.p50, cur), 'market.p50', m.p50),
    figure('Skill premium', pct(quote.premium), 'premium', quote.premium));
  const chart = h('section', { class: 'panel', 'aria-labelledby': 'chart-h' },
    h('div', { class: 'row spread' }, h('h2', { id: 'chart-h' }, 'Market and band'),
      h('span', { class: 'muted small' }, `Market reference point ${money(quote.marketReferencePoint, cur)} · spread ${pct(quote.band.spread, 0)}`)),
    percentileChart(m, quote.band, cur),
    table(['P10', 'P25', 'P50', 'P75', 'P90'].map((p) => ({ label: p, num: true })), [['p10', 'p25', 'p50', 'p75', 'p90']
      .map((k) => h('span', { dataset: { field: `market.${k}`, value: m[k] === null || m[k] === undefined ? '' : m[k] } }, money(m[k], cur, { decimals: 0 })))],
    { className: 'percentiles' }));
  const explanation = h('section', { class: 'panel', id: 'explanation', 'aria-labelledby': 'explanation-h' },
    h('h2', { id: 'explanation-h' }, 'How this was priced'),
    h('p', { class: 'hint' }, 'Each rule that fired, in order; the link opens the rule file at the row that set the value.'),
    h('ol', { class: 'steps' }, quote.explanation.map((step) => stepItem(step, versionNumber))));
  mount(ctx.root,
    pageHead(quote.title, copy, can('pricing:create') ? h('a', { class: 'button', href: '#/price' }, 'Price another job') : null),
    meta, warnings, figures, chart,
    h('div', { class: 'grid-2' }, confidencePanel(quote.confidence),
      h('section', { class: 'panel', 'aria-labelledby': 'obs-h' }, h('h2', { id: 'obs-h' }, 'Market observations'),
        h('p', { class: 'hint' }, 'Factor: aging × level × area × annualisation × FX. Weight: source × match × credibility.'),
        observationsTable(quote))),
    explanation,
    h('p', { class: 'muted small' }, `Quote ${quote.id}`));
}
