// Job postings: the pay range to publish per jurisdiction (with its ready sentence, stored with its
// criteria), and a check of an ad's text against the laws of its work locations.
import { ApiError, postJson } from '../api.js';
import { field, h, mount, setFieldError, table } from '../dom.js';
import { money } from '../format.js';
import { errorPanel, pageHead } from '../shell.js';

const PLACES = [
  { id: 'nyc', label: 'New York, NY', location: { country: 'US', region: 'NY', city: 'New York' } },
  { id: 'sf', label: 'San Francisco, CA', location: { country: 'US', region: 'CA', city: 'San Francisco' } },
  { id: 'den', label: 'Denver, CO', location: { country: 'US', region: 'CO', city: 'Denver' } },
  { id: 'sea', label: 'Seattle, WA', location: { country: 'US', region: 'WA', city: 'Seattle' } },
  { id: 'aus', label: 'Austin, TX', location: { country: 'US', region: 'TX', city: 'Austin' } },
  { id: 'ber', label: 'Berlin, DE', location: { country: 'DE', city: 'Berlin' } },
];

function places(prefix) {
  const boxes = PLACES.map((p) => ({ p, input: h('input', { type: 'checkbox', id: `${prefix}-${p.id}`, value: p.id }) }));
  const fieldset = h('fieldset', { class: 'full places', id: `${prefix}-places` }, h('legend', 'Work locations'),
    boxes.map(({ p, input }) => h('label', { class: 'check', for: input.id }, input, ` ${p.label}`)));
  fieldset.chosen = () => boxes.filter((b) => b.input.checked).map((b) => b.p.location);
  return fieldset;
}

function problems(e) {
  const details = (e instanceof ApiError && e.details) || [];
  return h('div', { class: 'alert bad', role: 'alert', id: 'range-refused' }, h('strong', e.message),
    h('ul', details.map((d) => h('li', { dataset: { jurisdiction: d.jurisdiction || '' } },
      [d.jurisdiction, d.rule ? `${d.rule} (${d.file} line ${d.line})` : null, d.field].filter(Boolean).join(' · '), ': ', d.message))));
}

export async function render(ctx) {
  const f = {
    quoteId: field('Quote id', h('input', { id: 'posting-quote', value: ctx.query.get('quote') || '', placeholder: 'quote id' })),
    employees: field('Employees', h('input', { id: 'posting-employees', type: 'number', min: 1, placeholder: '250' })),
    period: field('Pay period', h('select', { id: 'posting-period' }, ['ANNUAL', 'HOURLY', 'MONTHLY'].map((p) => h('option', { value: p }, p)))),
    benefits: field('Benefits and other compensation', h('textarea', { id: 'posting-benefits', rows: 2 }),
      { hint: 'Colorado and Washington require a general description.', className: 'full' }),
    applicationDeadline: field('Application deadline', h('input', { id: 'posting-deadline', type: 'date' }), { hint: 'Colorado requires it.' }),
  };
  const where = places('posting');
  const answer = h('div', { id: 'posting-answer' });
  const rangeForm = h('form', {
    class: 'fields panel', id: 'posting-form', novalidate: true, 'aria-label': 'Posting range',
    onSubmit: async (event) => {
      event.preventDefault();
      Object.values(f).forEach((x) => setFieldError(x, ''));
      mount(answer);
      const body = {
        quoteId: f.quoteId.control.value.trim(),
        locations: where.chosen(),
        period: f.period.control.value,
        benefits: f.benefits.control.value.trim() || null,
        applicationDeadline: f.applicationDeadline.control.value || null,
      };
      if (f.employees.control.value) body.employees = Number(f.employees.control.value);
      try {
        const p = await postJson('/api/v1/postings/ranges', body);
        if (!ctx.active()) return;
        mount(answer, h('section', { class: 'panel' }, h('h2', 'Ranges to publish'),
          h('p', { class: 'muted' }, `Band ${money(p.band.min, p.band.currency)} – ${money(p.band.max, p.band.currency)} · posting ${p.postingId} `
            + `· rules ${p.rulesetVersion}`),
          table(['Jurisdiction', 'Law', { label: 'Min', num: true }, { label: 'Max', num: true }, 'Sentence'],
            p.ranges.map((r) => ({
              attrs: { dataset: { jurisdiction: r.jurisdiction } },
              cells: [`${r.name}${r.required ? '' : ' (not required at this size)'}`, r.law,
                r.period === 'HOURLY' ? money(r.min, r.currency, { decimals: 2 }) : money(r.min, r.currency),
                r.period === 'HOURLY' ? money(r.max, r.currency, { decimals: 2 }) : money(r.max, r.currency),
                h('span', { class: 'sentence' }, r.sentence)],
            }))),
          p.unregulated.length ? h('p', { class: 'muted' }, `No pay-transparency rule found for ${p.unregulated.map((l) => l.label).join('; ')}.`) : null));
      } catch (e) {
        if (!ctx.active()) return;
        let placed = false;
        for (const d of (e instanceof ApiError && e.details) || []) {
          if (f[d.field] && !d.jurisdiction) {
            setFieldError(f[d.field], d.message);
            placed = true;
          }
        }
        mount(answer, placed ? h('p', { class: 'form-error' }, e.message) : e instanceof ApiError && e.status === 400 ? problems(e)
          : errorPanel(e, 'The ranges could not be worked out'));
      }
    },
  }, h('h2', { class: 'full' }, 'Range to publish'), f.quoteId, f.employees, f.period, where, f.benefits, f.applicationDeadline,
  h('div', { class: 'actions full' }, h('button', { type: 'submit', class: 'primary', id: 'posting-submit' }, 'Work out the ranges')));

  const text = field('Ad text', h('textarea', { id: 'check-text', rows: 8 }), { className: 'full' });
  const checkWhere = places('check');
  const findings = h('div', { id: 'check-answer' });
  const checkForm = h('form', {
    class: 'fields panel', id: 'check-form', novalidate: true, 'aria-label': 'Check an ad',
    onSubmit: async (event) => {
      event.preventDefault();
      setFieldError(text, '');
      mount(findings);
      try {
        const r = await postJson('/api/v1/postings/check', { text: text.control.value, locations: checkWhere.chosen() });
        if (!ctx.active()) return;
        mount(findings, h('section', { class: 'panel' },
          h('p', { id: 'check-verdict', class: r.compliant ? 'alert ok' : 'alert warn' },
            r.compliant ? 'The ad states what its jurisdictions require.' : `${r.findings.length} requirement(s) missing.`),
          r.findings.length ? table(['Location', 'Jurisdiction', 'Finding', 'Rule'], r.findings.map((x) => ({
            attrs: { dataset: { finding: `${x.jurisdiction}:${x.code}` } },
            cells: [x.location, x.name, x.message, x.rule ? `${x.rule.rule} (line ${x.rule.line})` : '–'],
          }))) : null,
          h('p', { class: 'muted' }, `Pay figures read: ${r.figures.map((x) => x.text).join('; ') || 'none'}.`)));
      } catch (e) {
        if (!ctx.active()) return;
        const d = ((e instanceof ApiError && e.details) || []).find((x) => x.field === 'text');
        if (d) setFieldError(text, d.message);
        else mount(findings, errorPanel(e, 'The ad could not be checked'));
      }
    },
  }, h('h2', { class: 'full' }, 'Check an ad'), text, checkWhere,
  h('div', { class: 'actions full' }, h('button', { type: 'submit', id: 'check-submit' }, 'Check the ad')));

  mount(ctx.root, pageHead('Job postings'), rangeForm, answer, checkForm, findings);
}
