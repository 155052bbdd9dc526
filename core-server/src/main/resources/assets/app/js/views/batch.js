// Batch pricing: upload a CSV of jobs, watch the priced rows stream back, download them, see the bad lines.
import { ApiError, call } from '../api.js';
import { download, field, h, mount, setFieldError, table } from '../dom.js';
import { num } from '../format.js';
import { parseCsv } from '../rulefiles.js';
import { errorPanel, pageHead } from '../shell.js';

const COLUMNS = 'title,occupation_code,level,country,area,currency,as_of,skills';
const EXAMPLE = `${COLUMNS}\nSoftware Developer,15-1252,IC3,US,,USD,2026-05-01,Kubernetes\nData Scientist,15-2051,IC4,US,US-NYC,USD,2026-05-01,machine learning;rust\n`;

/** Rows of the input (lines with content, less the header). */
function countRows(text) {
  return Math.max(0, text.split(/\r?\n/).filter((l) => l.trim()).length - 1);
}

export async function render(ctx) {
  const file = field('Jobs (CSV)', h('input', { type: 'file', id: 'batch-file', accept: '.csv,text/csv', required: true }), {
    hint: `Header: ${COLUMNS} — skills separated by “;”, up to 100,000 rows.`,
  });
  const progress = h('progress', { id: 'batch-progress', max: 1, value: 0, 'aria-label': 'Rows priced' });
  const progressText = h('p', { id: 'batch-progress-text', role: 'status', 'aria-live': 'polite', class: 'muted' });
  const progressBox = h('section', { class: 'panel', hidden: true, id: 'batch-run' }, h('h2', 'Progress'), progress, progressText);
  const results = h('div', { id: 'batch-results' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'batch-submit' }, 'Price all rows');

  const form = h('form', {
    class: 'panel', novalidate: true,
    onSubmit: async (event) => {
      event.preventDefault();
      setFieldError(file, '');
      mount(results);
      const chosen = file.control.files[0];
      if (!chosen) {
        setFieldError(file, 'Choose a CSV file of jobs.');
        file.control.focus();
        return;
      }
      const input = await chosen.text();
      const total = countRows(input);
      progress.max = Math.max(1, total);
      progress.value = 0;
      progressText.textContent = `Sending ${num(total, 0)} rows…`;
      progressBox.hidden = false;
      submit.disabled = true;
      const started = performance.now();
      try {
        const res = await call('POST', '/api/v1/pricing/batch?format=csv', { body: chosen, type: 'text/csv', accept: 'text/csv', raw: true });
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let text = '';
        let lines = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const chunk = decoder.decode(value, { stream: true });
          text += chunk;
          for (const c of chunk) if (c === '\n') lines += 1;
          const priced = Math.max(0, lines - 1);
          progress.value = Math.min(priced, progress.max);
          progressText.textContent = `${num(priced, 0)} of ${num(total, 0)} rows priced`;
        }
        text += decoder.decode();
        const records = parseCsv(text).records;
        const header = records[0] ? records[0].cells : [];
        const col = (name) => header.indexOf(name);
        const rows = records.slice(1).filter((r) => r.cells.length > 1);
        const bad = rows.filter((r) => r.cells[col('status')] === 'ERROR');
        progress.value = progress.max;
        const seconds = (performance.now() - started) / 1000;
        progressText.textContent = `Done: ${num(rows.length - bad.length, 0)} priced, ${num(bad.length, 0)} with errors, in ${num(seconds, 1)} s.`;
        const name = `priced-${chosen.name.replace(/\.csv$/i, '')}.csv`;
        mount(results,
          h('section', { class: 'panel' }, h('div', { class: 'row spread' }, h('h2', 'Priced rows'),
            h('button', { type: 'button', class: 'primary', id: 'batch-download', onClick: () => download(new Blob([text], { type: 'text/csv' }), name) },
              `Download ${name}`)),
          h('p', { class: 'muted' }, 'Every priced row is stored as a quote (its id is in the file) with the rules version used.')),
          bad.length ? h('section', { class: 'panel', id: 'batch-errors' }, h('h2', `Lines with errors (${bad.length})`),
            table([{ label: 'Line', num: true }, 'Error', 'Message'], bad.slice(0, 500).map((r) => ({
              attrs: { dataset: { line: r.cells[col('line')] } },
              cells: [r.cells[col('line')], r.cells[col('error')], r.cells[col('message')]],
            }))), bad.length > 500 ? h('p', { class: 'muted' }, 'The first 500 are shown; the download has them all.') : null) : null);
      } catch (e) {
        progressBox.hidden = true;
        if (e instanceof ApiError && e.status === 400) {
          setFieldError(file, e.message);
          file.control.focus();
        } else {
          mount(results, errorPanel(e, 'The batch could not be priced'));
        }
      } finally {
        submit.disabled = false;
      }
    },
  }, file, h('div', { class: 'actions' }, submit, h('button', {
    type: 'button', id: 'batch-template', onClick: () => download(new Blob([EXAMPLE], { type: 'text/csv' }), 'jobs-example.csv'),
  }, 'Download an example CSV')));

  mount(ctx.root, pageHead('Batch pricing'), h('p', { class: 'muted' }, 'Price a whole job catalogue at once. A bad row gets its error in place; '
    + 'the other rows are priced.'), form, progressBox, results);
}
