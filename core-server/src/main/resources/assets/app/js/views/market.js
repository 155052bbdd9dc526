// Market data: sources with their state, freshness and last run (run one now), CSV imports with the
// errors per line, and the stored observations.
import { ApiError, call, can, get, postJson, query } from '../api.js';
import { badge, field, h, mount, setFieldError, table } from '../dom.js';
import { ago, date, dateTime, num } from '../format.js';
import { errorPanel, notify, pageHead } from '../shell.js';

const RUN_KIND = { OK: 'ok', PARTIAL: 'warn', FAILED: 'bad', SKIPPED: '', RUNNING: 'info' };

function problemsCell(source) {
  const problems = [...(source.configProblems || []), ...((source.lastRun && source.lastRun.problems) || [])];
  if (!problems.length) return h('span', { class: 'muted' }, 'none');
  return h('details', h('summary', `${problems.length} problem${problems.length === 1 ? '' : 's'}`),
    h('ul', { class: 'small' }, problems.slice(0, 50).map((p) => h('li', p.line ? `line ${p.line}${p.column ? `, ${p.column}` : ''}: ` : '', p.message))));
}

async function sourcesPanel(box) {
  const plugins = await get('/api/v1/plugins');
  const rows = [];
  for (const plugin of plugins) {
    for (const source of plugin.sources || []) {
      const run = source.lastRun;
      const state = !plugin.enabled ? badge('off') : plugin.health === 'HEALTHY' ? badge('healthy', 'ok')
        : badge(plugin.health.toLowerCase(), plugin.health === 'FAILED' ? 'bad' : 'warn');
      const runNow = can('market-data:refresh') ? h('button', {
        type: 'button', class: 'run-source', dataset: { source: source.name }, disabled: !plugin.enabled,
        onClick: async (event) => {
          const button = event.currentTarget;
          button.disabled = true;
          button.textContent = 'Running…';
          try {
            const jobs = await postJson('/api/v1/market-data/jobs', { source: source.name });
            for (const job of jobs) {
              let current = job;
              while (current.status === 'RUNNING') {
                await new Promise((r) => setTimeout(r, 1000));
                current = await get(`/api/v1/market-data/jobs/${current.id}`);
              }
              notify(`${source.name}: ${current.status.toLowerCase()}, ${current.rowsOut} rows stored, ${current.rowsRejected} rejected`,
                current.status === 'FAILED' ? 'bad' : null);
            }
          } catch (e) {
            notify(`${source.name}: ${e.message}`, 'bad');
          }
          await sourcesPanel(box);
        },
      }, 'Run now') : null;
      rows.push({
        attrs: { dataset: { source: source.name } },
        cells: [h('span', h('strong', source.name), h('br'), h('span', { class: 'small muted' }, source.description)), source.type, state,
          source.lastSuccessAt ? h('span', { title: dateTime(source.lastSuccessAt) }, ago(source.lastSuccessAt)) : h('span', { class: 'muted' }, 'never loaded'),
          run ? h('span', badge(run.status.toLowerCase(), RUN_KIND[run.status]), ' ', run.finishedAt ? ago(run.finishedAt) : '', h('br'),
            h('span', { class: 'small muted' }, `${run.trigger.toLowerCase()} by ${run.startedBy || 'system'}`)) : '–',
          run ? `${num(run.rowsOut, 0)} stored / ${num(run.rowsIn, 0)} sent${run.rowsRejected ? `, ${num(run.rowsRejected, 0)} rejected` : ''}` : '–',
          problemsCell(source), source.schedule ? h('code', source.schedule) : 'on demand', runNow],
      });
    }
  }
  mount(box, table(['Source', 'Type', 'State', 'Fresh as of', 'Last run', 'Rows', 'Problems', 'Schedule (UTC)', ''], rows, { className: 'sources' }));
}

function importPanel() {
  const kind = field('What', h('select', { id: 'import-kind' }, h('option', { value: 'observations' }, 'Market observations'),
    h('option', { value: 'fx-rates' }, 'FX rates (date,from,to,rate)')));
  const file = field('CSV file', h('input', { type: 'file', id: 'import-file', accept: '.csv,text/csv' }),
    { hint: 'Observations: source_id,source_type,occupation_code,level,country,area,currency,period,effective_date,p10,p25,p50,p75,p90,sample_size,org_count' });
  const result = h('div', { id: 'import-result', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'import-submit' }, 'Import');
  return h('section', { class: 'panel', 'aria-labelledby': 'import-h' }, h('h2', { id: 'import-h' }, 'Import a CSV'),
    h('p', { class: 'muted' }, 'All or nothing: a file with any bad line is refused, and every bad line is listed.'),
    h('form', {
      class: 'fields', novalidate: true,
      onSubmit: async (event) => {
        event.preventDefault();
        setFieldError(file, '');
        mount(result);
        const chosen = file.control.files[0];
        if (!chosen) {
          setFieldError(file, 'Choose a CSV file.');
          return;
        }
        submit.disabled = true;
        try {
          const answer = await call('POST', `/api/v1/market-data/${kind.control.value}`, { body: await chosen.text(), type: 'text/csv' });
          mount(result, h('p', { class: 'alert ok' }, `${num(answer.imported, 0)} rows imported from ${chosen.name}.`));
        } catch (e) {
          const lines = (e instanceof ApiError && e.details.filter((d) => d.line)) || [];
          mount(result, lines.length ? h('div', { class: 'alert bad', role: 'alert' }, h('strong', e.message),
            table([{ label: 'Line', num: true }, 'Column', 'Problem'], lines.map((d) => ({ attrs: { dataset: { line: d.line } }, cells: [d.line, d.column || '–', d.message] }))))
            : errorPanel(e, 'Nothing was imported'));
        } finally {
          submit.disabled = false;
        }
      },
    }, kind, h('div', { class: 'wide' }, file), h('div', { class: 'actions full' }, submit), h('div', { class: 'full' }, result)));
}

function observationsPanel() {
  const PAGE = 25;
  let offset = 0;
  const occupation = field('Occupation', h('input', { id: 'obs-occupation', placeholder: '15-1252' }));
  const country = field('Country', h('input', { id: 'obs-country', maxlength: 2, placeholder: 'US' }));
  const box = h('div', { id: 'observations' });
  const load = async () => {
    setFieldError(country, '');
    mount(box, h('p', { class: 'loading' }, 'Loading…'));
    try {
      const list = await get(`/api/v1/market-data/observations${query({
        occupationCode: occupation.control.value.trim(), country: country.control.value.trim().toUpperCase(), limit: PAGE, offset,
      })}`);
      mount(box, list.length ? table(['Source', 'Type', 'Occupation', 'Level', 'Where', 'Currency', 'Period', 'Effective', { label: 'P10', num: true },
        { label: 'P50', num: true }, { label: 'P90', num: true }, { label: 'Sample', num: true }, 'Loaded'], list.map((o) => [o.sourceId, o.sourceType,
        o.occupationCode, o.level, [o.country, o.area].filter(Boolean).join(' / '), o.currency, o.period, date(o.effectiveDate), num(o.p10, 0),
        num(o.p50, 0), num(o.p90, 0), num(o.sampleSize, 0), ago(o.loadedAt)])) : h('p', { class: 'muted' }, 'No observation matches.'),
      h('div', { class: 'pager' }, offset > 0 ? h('button', { type: 'button', onClick: () => { offset -= PAGE; load(); } }, 'Previous') : null,
        list.length === PAGE ? h('button', { type: 'button', onClick: () => { offset += PAGE; load(); } }, 'Next') : null));
    } catch (e) {
      const d = e instanceof ApiError && e.details.find((x) => x.field === 'country');
      if (d) setFieldError(country, d.message);
      mount(box, errorPanel(e, 'The observations could not be listed'));
    }
  };
  const section = h('section', { class: 'panel', 'aria-labelledby': 'obs-h' }, h('h2', { id: 'obs-h' }, 'Observations'),
    h('form', {
      class: 'fields', novalidate: true, role: 'search', 'aria-label': 'Filter observations',
      onSubmit: (event) => {
        event.preventDefault();
        offset = 0;
        load();
      },
    }, occupation, country, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Show'))), box);
  section.load = load;
  return section;
}

export async function render(ctx) {
  const sources = h('div', { id: 'sources' }, h('p', { class: 'loading' }, 'Loading…'));
  const observations = observationsPanel();
  mount(ctx.root, pageHead('Market data'),
    h('section', { class: 'panel', 'aria-labelledby': 'sources-h' }, h('h2', { id: 'sources-h' }, 'Sources'), sources),
    can('market-data:write') ? importPanel() : null, observations);
  await Promise.all([sourcesPanel(sources).catch((e) => mount(sources, errorPanel(e, 'The sources could not be listed'))), observations.load()]);
}
