// Employee pay: roster imports as dated snapshots, a snapshot against the market (compa-ratio by job,
// level, location, grade) and the EU pay-gap report with its exports. Only aggregates are drawn here;
// individual rows stay behind the API (every read of them is audited).
import { ApiError, call, can, get } from '../api.js';
import { badge, download, field, h, mount, setFieldError, table } from '../dom.js';
import { date, money, num } from '../format.js';
import { compaRatioChart, payGapChart } from '../paycharts.js';
import { errorPanel, notify, pageHead } from '../shell.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function importPanel(onImported) {
  const file = field('Roster (CSV or XLSX)', h('input', { type: 'file', id: 'roster-file', accept: '.csv,.xlsx,text/csv' }),
    { hint: 'employee_id, occupation_code, level, country, base_pay, currency, period, fte; optionally job_code, job_family, grade, area, variable_pay, hire_date, gender. No names.' });
  const asOf = field('Roster date', h('input', { type: 'date', id: 'roster-date' }));
  const label = field('Label', h('input', { id: 'roster-label', maxlength: 200, placeholder: 'December payroll' }));
  const result = h('div', { id: 'roster-result', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'roster-submit' }, 'Import');
  return h('section', { class: 'panel', 'aria-labelledby': 'roster-h' }, h('h2', { id: 'roster-h' }, 'Import a roster'),
    h('p', { class: 'muted' }, 'All or nothing: a file with any bad line is refused, and every bad line is listed. Each import is a new snapshot.'),
    h('form', {
      class: 'fields', novalidate: true,
      onSubmit: async (event) => {
        event.preventDefault();
        setFieldError(file, '');
        mount(result);
        const chosen = file.control.files[0];
        if (!chosen) {
          setFieldError(file, 'Choose a CSV or XLSX file.');
          return;
        }
        submit.disabled = true;
        try {
          const params = new URLSearchParams();
          if (asOf.control.value) params.set('asOf', asOf.control.value);
          if (label.control.value.trim()) params.set('label', label.control.value.trim());
          const type = chosen.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
          const snapshot = await call('POST', `/api/v1/employees${params.toString() ? `?${params}` : ''}`, { body: chosen, type });
          mount(result, h('p', { class: 'alert ok' }, `${num(snapshot.employees, 0)} employees imported as snapshot ${snapshot.id} of ${date(snapshot.asOf)}.`));
          onImported(snapshot.id);
        } catch (e) {
          const lines = (e instanceof ApiError && e.details.filter((d) => d.line)) || [];
          mount(result, lines.length ? h('div', { class: 'alert bad', role: 'alert' }, h('strong', e.message),
            table([{ label: 'Line', num: true }, 'Column', 'Problem'], lines.map((d) => ({ attrs: { dataset: { line: d.line } }, cells: [d.line, d.column || '–', d.message] }))))
            : errorPanel(e, 'Nothing was imported'));
        } finally {
          submit.disabled = false;
        }
      },
    }, h('div', { class: 'wide' }, file), asOf, label, h('div', { class: 'actions full' }, submit), h('div', { class: 'full' }, result)));
}

function costs(costToMin) {
  const entries = Object.entries(costToMin || {});
  return entries.length ? entries.map(([currency, amount]) => money(amount, currency)).join(', ') : '–';
}

async function positionPanel(box, id) {
  mount(box, h('p', { class: 'loading' }, 'Pricing the bands…'));
  try {
    const position = await get(`/api/v1/employees/snapshots/${id}/market-position`);
    const dimension = h('select', { id: 'compa-dimension' }, Object.keys(position.distributions).map((d) => h('option', { value: d }, d)));
    const chartBox = h('div');
    const cellsBox = h('div');
    const draw = () => {
      const cells = position.distributions[dimension.value];
      mount(chartBox, compaRatioChart(cells));
      mount(cellsBox, table([dimension.value, { label: 'Employees', num: true }, { label: 'P10', num: true }, { label: 'Median', num: true },
        { label: 'P90', num: true }, { label: 'Below min', num: true }, { label: 'Above max', num: true }, 'Cost to min'],
      cells.map((c) => ({ attrs: { dataset: { cell: c.key } }, cells: c.suppressed ? [c.key, h('span', { class: 'muted' }, `fewer than ${position.policy.minCellSize}`), '–', '–', '–', '–', '–', '–']
        : [c.key, num(c.employees, 0), c.compaRatio ? num(c.compaRatio.p10, 2) : '–', c.compaRatio ? num(c.compaRatio.p50, 2) : '–',
          c.compaRatio ? num(c.compaRatio.p90, 2) : '–', num(c.belowMin, 0), num(c.aboveMax, 0), costs(c.costToMin)] }))));
    };
    dimension.addEventListener('change', draw);
    const t = position.total;
    mount(box,
      t.suppressed ? h('p', { class: 'muted' }, 'Too few employees to show figures.')
        : h('dl', { class: 'kv', id: 'position-totals' },
          h('dt', 'Employees'), h('dd', num(t.employees, 0)), h('dt', 'With a band'), h('dd', num(t.withBand, 0)),
          h('dt', 'Below min'), h('dd', num(t.belowMin, 0)), h('dt', 'Above max'), h('dd', num(t.aboveMax, 0)),
          h('dt', 'Cost to bring everyone to min'), h('dd', { id: 'cost-to-min' }, costs(t.costToMin)),
          h('dt', 'Median compa-ratio'), h('dd', t.compaRatio ? num(t.compaRatio.p50, 2) : '–')),
      field('By', dimension), chartBox, cellsBox,
      h('details', h('summary', `${position.bands.length} band${position.bands.length === 1 ? '' : 's'}, priced by rule version ${[...new Set(position.bands.map((b) => b.rulesetVersion).filter(Boolean))].join(', ') || '–'}`),
        table(['Occupation', 'Level', 'Where', { label: 'Min', num: true }, { label: 'Mid', num: true }, { label: 'Max', num: true }, 'From', 'Rules'],
          position.bands.map((b) => [b.occupationCode, b.level, b.area || b.country, money(b.min, b.currency), money(b.mid, b.currency), money(b.max, b.currency),
            b.quoteId ? h('a', { href: `#/quotes/${b.quoteId}` }, b.source === 'FRESH_QUOTE' ? 'new quote' : 'stored quote') : h('span', { class: 'muted' }, b.problem || '–'),
            b.rulesetVersion || '–']))));
    draw();
  } catch (e) {
    mount(box, errorPanel(e, 'The snapshot could not be measured against the market'));
  }
}

async function exportReport(id, format) {
  const res = await call('GET', `/api/v1/reports/pay-gap?snapshot=${id}&format=${format}`, { raw: true });
  download(await res.blob(), `pay-gap-snapshot-${id}.${format}`);
}

function gap(g) {
  return g && g.meanGap !== null ? `${num(g.meanGap, 2)}% (median ${g.medianGap === null ? '–' : `${num(g.medianGap, 2)}%`})` : 'not shown';
}

async function payGapPanel(box, id) {
  mount(box, h('p', { class: 'loading' }, 'Loading…'));
  try {
    const report = await get(`/api/v1/reports/pay-gap?snapshot=${id}`);
    const exports = ['csv', 'xlsx', 'pdf'].map((format) => h('button', {
      type: 'button', class: 'export', dataset: { format },
      onClick: () => exportReport(id, format).catch((e) => notify(e.message, 'bad')),
    }, format.toUpperCase()));
    const flagged = report.categories.filter((c) => c.flagged).length;
    mount(box,
      h('div', { class: 'actions' }, 'Export: ', exports),
      report.suppressed ? h('p', { class: 'alert warn' }, report.suppressed) : h('dl', { class: 'kv', id: 'paygap-summary' },
        h('dt', 'Women / men'), h('dd', `${num(report.headcount.women, 0)} / ${num(report.headcount.men, 0)}`),
        h('dt', 'Gap in basic pay'), h('dd', { id: 'basic-gap' }, gap(report.basicPay)),
        h('dt', 'Gap in variable pay'), h('dd', gap(report.variablePay)),
        h('dt', 'Receiving variable pay'), h('dd', `women ${num(report.receivingVariablePay.women, 2)}%, men ${num(report.receivingVariablePay.men, 2)}%`),
        h('dt', 'Women per quartile (1 = lowest)'), h('dd', report.quartiles.map((q) => `${q.quartile}: ${q.women === null ? '–' : `${num(q.women, 1)}%`}`).join(', '))),
      h('p', { id: 'flag-count' }, flagged ? badge(`${flagged} categor${flagged === 1 ? 'y' : 'ies'} flagged`, 'bad') : badge('no category flagged', 'ok'),
        ` at a gap of ${num(Number(report.policy.jointAssessmentThreshold) * 100, 2)}% or more`),
      payGapChart(report.categories, report.policy.jointAssessmentThreshold),
      table(['Category', 'Shows', { label: 'Employees', num: true }, 'Basic pay gap', 'Variable pay gap', 'Flag', 'Justification'],
        report.categories.map((c) => ({ attrs: { dataset: { category: c.category } }, cells: [c.category,
          c.shows === 'SPLIT' ? 'women and men' : c.shows === 'NO_SPLIT' ? 'no split' : 'suppressed',
          c.employees === null ? '–' : num(c.employees, 0), gap(c.basicPay), gap(c.variablePay),
          c.flagged ? badge('joint assessment', 'bad') : '', c.justification ? c.justification.text : ''] }))));
  } catch (e) {
    mount(box, errorPanel(e, 'The pay-gap report could not be made'));
  }
}

/** The employee pay page. */
export async function render(ctx) {
  const snapshotsBox = h('div', { id: 'snapshots' });
  const positionBox = h('div', { id: 'market-position' });
  const gapBox = h('div', { id: 'pay-gap' });
  const chosen = h('h2', { id: 'snapshot-h' }, 'Choose a snapshot');
  const open = (id) => {
    mount(chosen, `Snapshot ${id}`);
    positionPanel(positionBox, id);
    payGapPanel(gapBox, id);
  };
  const list = async (select) => {
    try {
      const page = await get('/api/v1/employees?limit=50');
      mount(snapshotsBox, page.items.length ? table(['Snapshot', 'Roster date', 'Label', { label: 'Employees', num: true }, 'Imported by', ''],
        page.items.map((snap) => ({ attrs: { dataset: { snapshot: snap.id } }, cells: [String(snap.id), date(snap.asOf), snap.label || '–', num(snap.employees, 0), snap.createdBy,
          h('span', h('button', { type: 'button', class: 'open-snapshot', onClick: () => open(snap.id) }, 'Open'),
            can('employees:write') ? h('button', {
              type: 'button', class: 'delete-snapshot',
              onClick: async () => {
                if (!window.confirm(`Erase snapshot ${snap.id} and every employee row of it?`)) return;
                await call('DELETE', `/api/v1/employees/snapshots/${snap.id}`);
                notify(`Snapshot ${snap.id} erased.`);
                list();
              },
            }, 'Erase') : null)] })))
        : h('p', { class: 'muted' }, 'No roster imported yet.'));
      if (select) open(select);
      else if (page.items.length) open(page.items[0].id);
    } catch (e) {
      mount(snapshotsBox, errorPanel(e, 'The snapshots could not be listed'));
    }
  };
  mount(ctx.root, pageHead('Employee pay'),
    can('employees:write') ? importPanel((id) => list(id)) : null,
    h('section', { class: 'panel', 'aria-labelledby': 'snapshots-h' }, h('h2', { id: 'snapshots-h' }, 'Snapshots'), snapshotsBox),
    h('section', { class: 'panel', 'aria-labelledby': 'snapshot-h' }, chosen,
      h('h3', 'Against the market'), positionBox, h('h3', 'Gender pay gap (EU Directive 2023/970)'), gapBox));
  await list();
}
