// Salary structures: the list, a build form (stored quotes → grades), and one structure with its chart of
// grades against the jobs' market mids, its grade and job tables, moves, publish and CSV / XLSX export.
import { call, can, get, postJson, query } from '../api.js';
import { download, field, h, mount, s, setFieldError, table, uid } from '../dom.js';
import { dateTime, money, num, pct } from '../format.js';
import { errorPanel, navigate, notify, pageHead } from '../shell.js';

/** Places each server detail at its form field; true when one was placed. */
function placeErrors(error, fields) {
  let placed = false;
  for (const d of (error && error.details) || []) {
    const key = Object.keys(fields).find((k) => d.field === k || (d.field || '').startsWith(`${k}[`));
    if (key) {
      setFieldError(fields[key], d.message);
      placed = true;
    }
  }
  return placed;
}

export async function renderList(ctx) {
  const list = h('div', { id: 'structure-list' }, h('p', { class: 'loading' }, 'Loading…'));
  const parts = [pageHead('Salary structures'), list];
  if (can('structures:write')) parts.push(await buildForm(ctx));
  mount(ctx.root, parts);
  try {
    const page = await get(`/api/v1/structures${query({ limit: 100 })}`);
    if (!ctx.active()) return;
    mount(list, page.items.length ? table(['Name', { label: 'Version', num: true }, 'Status', 'Method', 'Currency',
      { label: 'Grades', num: true }, { label: 'Jobs', num: true }, 'Rules', 'Built'],
    page.items.map((x) => ({
      attrs: { dataset: { structure: x.id } },
      cells: [h('a', { href: `#/structures/${x.id}` }, x.name), num(x.version, 0), x.status, x.method, x.currency,
        num(x.grades, 0), num(x.jobs, 0), x.rulesetVersion, dateTime(x.createdAt)],
    }))) : h('p', { class: 'muted' }, 'No structure yet.'));
  } catch (e) {
    if (ctx.active()) mount(list, errorPanel(e, 'The structures could not be listed'));
  }
}

async function buildForm(ctx) {
  const fields = {
    name: field('Name', h('input', { id: 'structure-name', required: true, maxlength: 200, placeholder: 'US staff 2026' })),
    method: field('Method', h('select', { id: 'structure-method' },
      h('option', { value: 'PROGRESSION' }, 'Midpoint progression'), h('option', { value: 'REGRESSION' }, 'Log-linear regression'))),
    grades: field('Grades', h('input', { id: 'structure-grades', type: 'number', min: 1, max: 30, value: 8 })),
    progression: field('Progression between mids (%)', h('input', { id: 'structure-progression', type: 'number', min: 1, max: 100, step: '0.1', value: 10 }),
      { hint: 'Midpoint progression only: midₙ₊₁ / midₙ − 1.' }),
    jobs: field('Jobs (stored quotes)', h('select', { id: 'structure-jobs', multiple: true, size: 8 }),
      { hint: 'The latest quotes; hold Ctrl or Shift to choose several. A regression takes each job’s score below.' }),
    scores: field('Scores (regression)', h('input', { id: 'structure-scores', placeholder: 'one per chosen job, in order: 200, 250, …' })),
  };
  const error = h('div', { id: 'structure-error' });
  const quotes = await get(`/api/v1/pricing/quotes${query({ limit: 200 })}`).catch(() => ({ items: [] }));
  mount(fields.jobs.control, quotes.items.map((q) => h('option', { value: q.id },
    `${q.title} · ${q.occupationCode} ${q.level} ${q.country} · band mid ${money(q.band.mid, q.currency)}`)));
  return h('form', {
    class: 'fields panel', id: 'structure-form', novalidate: true, 'aria-label': 'Build a structure',
    onSubmit: async (event) => {
      event.preventDefault();
      Object.values(fields).forEach((f) => setFieldError(f, ''));
      mount(error);
      const chosen = [...fields.jobs.control.selectedOptions].map((o) => o.value);
      const method = fields.method.control.value;
      const scores = fields.scores.control.value.split(',').map((x) => x.trim()).filter(Boolean).map(Number);
      const body = {
        name: fields.name.control.value.trim(),
        method,
        grades: Number(fields.grades.control.value),
        jobs: chosen.map((id, i) => (method === 'REGRESSION' ? { quoteId: id, score: scores[i] } : { quoteId: id })),
      };
      if (method === 'PROGRESSION') body.progression = Number(fields.progression.control.value) / 100;
      try {
        const built = await postJson('/api/v1/structures', body);
        notify(`Built ${built.name} v${built.version}.`, 'ok');
        navigate(`/structures/${built.id}`);
      } catch (e) {
        if (!ctx.active()) return;
        if (!placeErrors(e, fields)) mount(error, errorPanel(e, 'The structure could not be built'));
        else mount(error, h('p', { class: 'form-error' }, e.message));
      }
    },
  }, h('h2', { class: 'full' }, 'Build a structure'), Object.values(fields), error,
  h('div', { class: 'actions full' }, h('button', { type: 'submit', class: 'primary', id: 'structure-build' }, 'Build')));
}

/**
 * Grades as vertical min–max bars on a log-free pay axis (◆ the mid) and each job's market mid as a dot
 * over its grade, hollow when it is more than the grade's tolerance from the mid.
 */
export function structureChart(structure) {
  const W = Math.round(Math.min(860, Math.max(340, window.innerWidth - 48)));
  const H = 300;
  const left = 72;
  const bottom = H - 34;
  const top = 16;
  const grades = structure.grades;
  const values = grades.flatMap((g) => [Number(g.min), Number(g.max)])
    .concat(structure.jobs.map((j) => Number(j.marketReferencePoint)));
  const lo = Math.min(...values) * 0.95;
  const hi = Math.max(...values) * 1.05;
  const y = (v) => bottom - ((Number(v) - lo) / (hi - lo || 1)) * (bottom - top);
  const step = (W - left - 16) / grades.length;
  const x = (grade) => left + step * (grade - 0.5);
  const fmt = (v) => money(v, structure.currency);
  const titleId = uid('chart-title');
  const parts = [s('title', { id: titleId }, `${structure.name} v${structure.version}: ${grades.map((g) => `grade ${g.grade} `
    + `${fmt(g.min)} to ${fmt(g.max)}, mid ${fmt(g.mid)}`).join('; ')}; ${structure.jobs.length} jobs' market mids`)];
  for (let i = 0; i <= 4; i += 1) {
    const v = lo + ((hi - lo) * i) / 4;
    parts.push(s('line', { class: 'grid', x1: left, x2: W - 16, y1: y(v), y2: y(v) }));
    parts.push(s('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, fmt(v)));
  }
  parts.push(s('line', { class: 'axis', x1: left, x2: W - 16, y1: bottom, y2: bottom }));
  const barW = Math.max(8, Math.min(36, step * 0.5));
  for (const g of grades) {
    parts.push(s('rect', {
      class: 'band grade-bar', x: x(g.grade) - barW / 2, y: y(g.max), width: barW, height: Math.max(1, y(g.min) - y(g.max)), rx: 3,
      'data-grade': g.grade,
    }));
    parts.push(s('path', { class: 'mid', d: `M${x(g.grade)} ${y(g.mid) - 7} l7 7 l-7 7 l-7 -7 z` }));
    parts.push(s('text', { class: 'strong', x: x(g.grade), y: bottom + 18, 'text-anchor': 'middle' }, String(g.grade)));
  }
  structure.jobs.forEach((j, i) => {
    const spreadX = ((i % 5) - 2) * Math.min(5, barW / 6);
    parts.push(s('circle', {
      class: j.outside ? 'job-dot outside' : 'job-dot', cx: x(j.grade) + spreadX, cy: y(j.marketReferencePoint), r: 4.5,
      'data-quote': j.quoteId,
    }, s('title', {}, `${j.title}: market mid ${fmt(j.marketReferencePoint)}, ${pct(j.deviation)} from the grade ${j.grade} mid`)));
  });
  const svg = s('svg', {
    class: 'chart structure-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': titleId, preserveAspectRatio: 'xMidYMid meet',
  }, parts);
  return h('figure', { class: 'chart-figure', id: 'structure-chart' }, svg, h('ul', { class: 'legend' },
    h('li', h('span', { class: 'swatch band' }), 'Grade min–max (◆ mid)'),
    h('li', h('span', { class: 'swatch job-dot' }), 'Job market mid'),
    h('li', h('span', { class: 'swatch job-dot outside' }), 'More than the tolerance from its grade mid')));
}

async function save(structure, format, part) {
  const res = await call('GET', `/api/v1/structures/${structure.id}/export${query({ format, part })}`, { raw: true });
  const blob = await res.blob();
  const base = `${structure.name}-v${structure.version}`.replace(/[^A-Za-z0-9._-]+/g, '-');
  download(blob, format === 'xlsx' ? `${base}.xlsx` : `${base}-${part}.csv`);
}

export async function renderStructure(ctx) {
  const [structure, comparison] = await Promise.all([
    get(`/api/v1/structures/${encodeURIComponent(ctx.params.id)}`),
    get(`/api/v1/structures/${encodeURIComponent(ctx.params.id)}/compare`),
  ]);
  if (!ctx.active()) return;
  const cur = structure.currency;
  const write = can('structures:write');
  const actions = [
    h('button', { type: 'button', id: 'export-csv', onClick: () => save(structure, 'csv', 'grades') }, 'Grades CSV'),
    h('button', { type: 'button', id: 'export-jobs-csv', onClick: () => save(structure, 'csv', 'jobs') }, 'Jobs CSV'),
    h('button', { type: 'button', id: 'export-xlsx', onClick: () => save(structure, 'xlsx') }, 'Excel'),
  ];
  const notice = h('div', { id: 'structure-notice' });
  if (write && structure.status !== 'PUBLISHED') {
    actions.push(h('button', {
      type: 'button', class: 'primary', id: 'structure-publish',
      onClick: async () => {
        try {
          const published = await call('POST', `/api/v1/structures/${structure.id}/publish`);
          notify(`${published.name} v${published.version} is published.`, 'ok');
          navigate(`/structures/${structure.id}`);
        } catch (e) {
          mount(notice, errorPanel(e, 'The structure could not be published'));
        }
      },
    }, 'Publish'));
  }
  const gradeRows = comparison.grades.map((g) => {
    const full = structure.grades.find((x) => x.grade === g.grade);
    return {
      attrs: { dataset: { grade: g.grade } },
      cells: [num(g.grade, 0), money(g.min, cur), money(g.mid, cur), money(g.max, cur), pct(full.spread),
        full.progression === null ? '–' : pct(full.progression), num(g.jobs, 0), num(g.outside, 0),
        g.marketMean === null ? '–' : money(g.marketMean, cur), g.midToMarket === null ? '–' : pct(g.midToMarket)],
    };
  });
  const jobRows = structure.jobs.map((j) => ({
    attrs: { dataset: { quote: j.quoteId }, class: j.outside ? 'outside' : null },
    cells: [h('a', { href: `#/quotes/${j.quoteId}` }, j.title), `${j.occupationCode} ${j.level}`, money(j.marketReferencePoint, cur),
      num(j.grade, 0), money(j.gradeMid, cur), h('span', { dataset: { field: 'deviation' } }, pct(j.deviation)),
      j.outside ? h('strong', 'outside ±' + pct(structure.grades.find((g) => g.grade === j.grade).slotTolerance, 0)) : 'in range',
      j.moved ? 'moved' : ''],
  }));
  const parts = [
    pageHead(`${structure.name} v${structure.version}`, ...actions),
    h('p', { class: 'muted', id: 'structure-meta' }, `${structure.status} · ${structure.method === 'PROGRESSION'
      ? `midpoint progression ${pct(structure.progression)}` : `regression (r² ${num(structure.fit.rSquared, 3)})`} · ${cur}, rounded to `
      + `${num(structure.rounding, 0)} · rules ${structure.rulesetVersion} · built by ${structure.createdBy || '–'} ${dateTime(structure.createdAt)}`),
    notice,
    structureChart(structure),
    h('h2', 'Grades against the market'),
    table(['Grade', { label: 'Min', num: true }, { label: 'Mid', num: true }, { label: 'Max', num: true }, { label: 'Spread', num: true },
      { label: 'Progression', num: true }, { label: 'Jobs', num: true }, { label: 'Outside', num: true },
      { label: 'Market mean', num: true }, { label: 'Mid to market', num: true }], gradeRows, { className: 'grades' }),
    h('h2', `Jobs (${structure.jobsOutside} of ${structure.jobs.length} outside their grade’s tolerance)`),
    table(['Job', 'Occupation', { label: 'Market mid', num: true }, { label: 'Grade', num: true }, { label: 'Grade mid', num: true },
      { label: 'Deviation', num: true }, 'Slot', ''], jobRows, { className: 'jobs' }),
  ];
  if (write) parts.push(moveForm(ctx, structure));
  mount(ctx.root, parts);
}

function moveForm(ctx, structure) {
  const job = field('Job', h('select', { id: 'move-job' }, structure.jobs.map((j) => h('option', { value: j.quoteId },
    `${j.title} (grade ${j.grade})`))));
  const grade = field('To grade', h('select', { id: 'move-grade' }, structure.grades.map((g) => h('option', { value: g.grade },
    `Grade ${g.grade} · mid ${money(g.mid, structure.currency)}`))));
  const error = h('div', { id: 'move-error' });
  return h('form', {
    class: 'fields panel', id: 'move-form', novalidate: true, 'aria-label': 'Move a job',
    onSubmit: async (event) => {
      event.preventDefault();
      mount(error);
      try {
        const next = await postJson(`/api/v1/structures/${structure.id}/edits`,
          { moves: [{ quoteId: job.control.value, grade: Number(grade.control.value) }] });
        notify(`Saved as v${next.version}.`, 'ok');
        navigate(`/structures/${next.id}`);
      } catch (e) {
        if (ctx.active()) mount(error, errorPanel(e, 'The job could not be moved'));
      }
    },
  }, h('h2', { class: 'full' }, 'Move a job (saves the next version)'), job, grade, error,
  h('div', { class: 'actions full' }, h('button', { type: 'submit', id: 'move-submit' }, 'Move')));
}
