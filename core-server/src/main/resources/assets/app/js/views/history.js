// Stored quotes with filters and paging (GET /api/v1/pricing/quotes), each opening its own page.
import { ApiError, get, query } from '../api.js';
import { field, h, mount, setFieldError, table } from '../dom.js';
import { dateTime, money, num } from '../format.js';
import { errorPanel, navigate, pageHead } from '../shell.js';

const PAGE = 50;
const filters = { occupationCode: '', level: '', country: '', author: '', rulesetVersion: '', from: '', to: '' };

export async function render(ctx) {
  const offset = Math.max(0, Number(ctx.query.get('offset')) || 0);
  const fields = {
    occupationCode: field('Occupation', h('input', { id: 'q-occupation', value: filters.occupationCode, placeholder: '15-1252' })),
    level: field('Level', h('input', { id: 'q-level', value: filters.level, placeholder: 'IC3' })),
    country: field('Country', h('input', { id: 'q-country', value: filters.country, maxlength: 2, placeholder: 'US' })),
    author: field('Priced by', h('input', { id: 'q-author', value: filters.author, placeholder: 'username' })),
    rulesetVersion: field('Rules version', h('input', { id: 'q-version', value: filters.rulesetVersion, placeholder: 'v3' })),
    from: field('From', h('input', { id: 'q-from', type: 'date', value: filters.from })),
    to: field('To', h('input', { id: 'q-to', type: 'date', value: filters.to })),
  };
  const results = h('div', { id: 'quote-list' }, h('p', { class: 'loading' }, 'Loading…'));
  const open = h('input', { id: 'open-quote', placeholder: 'quote id' });
  const form = h('form', {
    class: 'fields panel', novalidate: true, role: 'search', 'aria-label': 'Filter quotes',
    onSubmit: (event) => {
      event.preventDefault();
      for (const [k, f] of Object.entries(fields)) filters[k] = f.control.value.trim();
      if (ctx.query.get('offset')) navigate('/quotes');
      else load();
    },
  }, Object.values(fields), h('div', { class: 'actions full' }, h('button', { type: 'submit', class: 'primary' }, 'Show quotes'),
    h('button', {
      type: 'reset',
      onClick: () => {
        Object.keys(filters).forEach((k) => { filters[k] = ''; });
        setTimeout(load);
      },
    }, 'Clear')));

  async function load() {
    Object.values(fields).forEach((f) => setFieldError(f, ''));
    mount(results, h('p', { class: 'loading' }, 'Loading…'));
    try {
      const page = await get(`/api/v1/pricing/quotes${query({
        occupationCode: filters.occupationCode, level: filters.level, country: filters.country.toUpperCase(), author: filters.author,
        rulesetVersion: filters.rulesetVersion, from: filters.from, to: filters.to, limit: PAGE, offset,
      })}`);
      if (!ctx.active()) return;
      const rows = page.items.map((q) => ({
        attrs: { dataset: { quote: q.id } },
        cells: [h('a', { href: `#/quotes/${q.id}` }, dateTime(q.createdAt)), q.title, q.occupationCode, q.level,
          [q.country, q.area].filter(Boolean).join(' / '), money(q.band.min, q.currency), money(q.band.mid, q.currency),
          money(q.band.max, q.currency), q.confidenceScore === undefined ? '–' : num(q.confidenceScore, 0), q.author || '–', q.rulesetVersion],
      }));
      const last = Math.min(page.total, page.offset + page.items.length);
      mount(results,
        page.items.length ? table(['Priced', 'Title', 'Occupation', 'Level', 'Location', { label: 'Min', num: true }, { label: 'Mid', num: true },
          { label: 'Max', num: true }, { label: 'Confidence', num: true }, 'By', 'Rules'], rows) : h('p', { class: 'muted' }, 'No quote matches these filters.'),
        h('div', { class: 'pager' }, h('span', { class: 'muted' }, page.total ? `${page.offset + 1}–${last} of ${page.total}` : ''),
          page.offset > 0 ? h('a', { class: 'button', href: `#/quotes?offset=${Math.max(0, page.offset - PAGE)}` }, 'Previous') : null,
          last < page.total ? h('a', { class: 'button', href: `#/quotes?offset=${page.offset + PAGE}` }, 'Next') : null));
    } catch (e) {
      if (!ctx.active()) return;
      let placed = false;
      for (const d of (e instanceof ApiError && e.details) || []) {
        const key = Object.keys(fields).find((k) => k === d.field);
        if (key) {
          setFieldError(fields[key], d.message);
          placed = true;
        }
      }
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) {
        mount(results, h('p', { class: 'alert warn' }, 'This server cannot list quotes yet (GET /api/v1/pricing/quotes). Open a quote by its id below.'));
      } else if (!placed) {
        mount(results, errorPanel(e, 'The quotes could not be listed'));
      } else {
        mount(results, h('p', { class: 'form-error' }, e.message));
      }
    }
  }

  mount(ctx.root, pageHead('Quotes'), form, results,
    h('form', {
      class: 'row panel', novalidate: true,
      onSubmit: (event) => {
        event.preventDefault();
        if (open.value.trim()) navigate(`/quotes/${encodeURIComponent(open.value.trim())}`);
      },
    }, h('label', { for: 'open-quote' }, 'Open a quote by id'), open, h('button', { type: 'submit' }, 'Open')));
  await load();
}
