// Rule-set versions: the list (active marked) and one version with its files, scenario tests, the diff
// against the active version, the what-if on stored quotes, publish, roll back and download.
import { ApiError, call, can, postJson } from '../api.js';
import { badge, download, field, h, mount, table } from '../dom.js';
import { bandChangeChart } from '../charts.js';
import { dateTime, num, pct, signed } from '../format.js';
import {
  draftOf, forgetVersions, isTable, isWorkbook, tablesOf, version, versionList,
} from '../rulefiles.js';
import { errorPanel, navigate, notify, pageHead } from '../shell.js';
import { base64ToBytes, writeZip } from '../zip.js';

function status(v) {
  if (v.active) return badge('active', 'ok');
  if (v.publishedAt) return badge(`published ${dateTime(v.publishedAt)}`);
  return badge('draft', 'info');
}

function uploadZip() {
  const file = h('input', { type: 'file', id: 'upload-zip', accept: '.zip,application/zip' });
  const message = h('input', { id: 'upload-message', maxlength: 500, placeholder: 'What changed and why' });
  const result = h('div', { id: 'upload-result' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Upload as new version');
  return h('details', { class: 'panel' }, h('summary', 'Upload a whole rules folder (.zip)'), h('form', {
    class: 'fields', novalidate: true,
    onSubmit: async (event) => {
      event.preventDefault();
      mount(result);
      if (!file.files[0]) {
        mount(result, h('p', { class: 'form-error' }, 'Choose a .zip of the rules folder.'));
        return;
      }
      button.disabled = true;
      try {
        const created = await call('POST', `/api/v1/rules/versions?message=${encodeURIComponent(message.value.trim())}`,
          { body: file.files[0], type: 'application/zip' });
        notify(`Uploaded as ${created.label}`);
        navigate(`/rules/${created.version}`);
      } catch (e) {
        mount(result, errorPanel(e, 'The rules were not stored'));
      } finally {
        button.disabled = false;
      }
    },
  }, field('Zip file', file, { className: 'wide' }), field('Message', message, { className: 'wide' }),
  h('div', { class: 'actions full' }, button), h('div', { class: 'full' }, result)));
}

export async function renderVersions(ctx) {
  const list = await versionList();
  if (!ctx.active()) return;
  const rows = list.map((v) => ({
    attrs: { class: v.active ? 'highlight' : null, dataset: { version: v.version } },
    cells: [h('a', { href: `#/rules/${v.version}` }, h('strong', v.label)), v.message || '–', v.author, dateTime(v.createdAt),
      status(v), v.parent ? h('a', { href: `#/rules/${v.parent}` }, `v${v.parent}`) : '–'],
  }));
  mount(ctx.root, pageHead('Rules'),
    h('p', { class: 'muted' }, 'Pay policy as numbered, immutable versions. Open a version to edit its tables, run its scenario tests, '
      + 'compare it with the active one and see what it would do to stored quotes before you publish it.'),
    table(['Version', 'Message', 'Author', 'Created', 'Status', 'Based on'], rows, { className: 'versions' }),
    can('rules:write') ? uploadZip() : null);
}

function fileList(v, meta, tables) {
  const names = Object.keys(meta.files).sort();
  const byFile = new Map();
  for (const t of tables) {
    if (!byFile.has(t.file)) byFile.set(t.file, []);
    byFile.get(t.file).push(t);
  }
  const link = (name) => h('a', { href: `#/rules/${v}/files/${encodeURIComponent(name)}`, class: 'file-link' }, name);
  const draft = draftOf(v);
  const item = (name) => h('li', link(name), draft.has(name) ? [' ', badge('edited', 'warn')] : null,
    byFile.has(name) ? h('span', { class: 'muted small' }, ` — ${byFile.get(name).map((t) => `${t.name} (${t.rows.length} rows)`).join(', ')}`) : null,
    isWorkbook(name) ? [' ', badge('spreadsheet')] : null);
  return h('div', { class: 'grid-3' },
    h('section', { class: 'panel' }, h('h2', 'Decision tables'), h('ul', names.filter(isTable).map(item))),
    h('section', { class: 'panel' }, h('h2', 'Rule code'), h('ul', names.filter((n) => /\.drl$/.test(n)).map(item))),
    h('section', { class: 'panel' }, h('h2', 'Scenario tests'), h('ul', names.filter((n) => /\.ya?ml$/.test(n)).map(item))));
}

function testResults(run) {
  const failed = run.results.filter((r) => !r.passed);
  const row = (r) => ({
    attrs: { class: r.passed ? null : 'highlight', dataset: { scenario: r.name, passed: String(r.passed) } },
    cells: [r.file, r.name, r.passed ? badge('pass', 'ok') : badge('fail', 'bad'),
      r.error ? r.error : h('ul', { class: 'small' }, r.mismatches.map((m) => h('li', h('code', m.field), `: expected ${m.expected}, got ${m.actual}`)))],
  });
  return h('div', { id: 'test-results' },
    h('p', { role: 'status' }, h('strong', `${run.passed} passed, ${run.failed} failed`),
      failed.length ? ' — a failing scenario is an expectation the new rules no longer meet: check that this is the change you meant.' : ''),
    failed.length ? table(['File', 'Scenario', 'Result', 'What differed'], failed.map(row)) : null,
    h('details', h('summary', `All ${run.results.length} scenarios`), table(['File', 'Scenario', 'Result', 'What differed'], run.results.map(row))));
}

function diffView(diff) {
  if (!diff.files.length) return h('p', { id: 'diff', class: 'muted' }, `No differences between v${diff.from} and v${diff.to}.`);
  return h('div', { id: 'diff' }, diff.files.map((f) => h('section', { class: 'diff-file' },
    h('h3', f.file, ' ', badge(f.change.toLowerCase(), f.change === 'REMOVED' ? 'bad' : f.change === 'ADDED' ? 'ok' : 'warn')),
    f.rows && f.rows.length ? table(['Table', 'Row', 'Change', 'Line', 'Before', 'After'], f.rows.map((r) => [r.table, r.conditions.join(' | '),
      r.change.toLowerCase(), `${r.fromLine || '–'} → ${r.toLine || '–'}`,
      r.before ? Object.entries(r.before).map(([k, x]) => `${k} ${x}`).join(', ') : '–',
      r.after ? Object.entries(r.after).map(([k, x]) => `${k} ${x}`).join(', ') : '–'])) : null,
    f.lines && f.lines.length ? h('div', { class: 'code' }, f.lines.map((l) => h('div', { class: 'code-line' },
      h('span', { class: 'ln' }, `${l.change}${l.line}`), l.text))) : null)));
}

/** Mean band change per group of the per-quote deltas, as fractions of the value before. */
function changes(quotes, key) {
  const groups = new Map();
  for (const q of quotes) {
    if (q.error || !q.before || !q.after) continue;
    const k = q[key];
    if (!groups.has(k)) groups.set(k, { label: k, n: 0, min: 0, mid: 0, max: 0, minAbs: 0, maxAbs: 0 });
    const g = groups.get(k);
    g.n += 1;
    for (const part of ['min', 'mid', 'max']) g[part] += (q.after[part] - q.before[part]) / q.before[part];
    g.minAbs += q.after.min - q.before.min;
    g.maxAbs += q.after.max - q.before.max;
  }
  return [...groups.values()].sort((a, b) => String(a.label).localeCompare(String(b.label), undefined, { numeric: true }))
    .map((g) => ({ label: g.label, n: g.n, min: g.min / g.n, mid: g.mid / g.n, max: g.max / g.n, minAbs: g.minAbs / g.n, maxAbs: g.maxAbs / g.n }));
}

function movementTable(title, id, movement, groups) {
  const byLabel = new Map(groups.map((g) => [String(g.label), g]));
  const rows = Object.entries(movement).sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true })).map(([k, m]) => {
    const g = byLabel.get(k) || {};
    return { attrs: { dataset: { group: k } }, cells: [h('strong', k), m.quotes, m.moved, signed(g.minAbs, (x) => num(x, 0)), signed(m.meanMidChange, (x) => num(x, 0)),
      signed(g.maxAbs, (x) => num(x, 0)), signed(g.min, (x) => pct(x, 1)), signed(m.meanMidChangePercent / 100, (x) => pct(x, 1)), signed(g.max, (x) => pct(x, 1))] };
  });
  const group = title.replace('By ', '');
  return h('section', { id }, h('h3', title), table([group[0].toUpperCase() + group.slice(1), { label: 'Quotes', num: true }, { label: 'Moved', num: true },
    { label: 'Mean min change', num: true }, { label: 'Mean mid change', num: true }, { label: 'Mean max change', num: true },
    { label: 'Min %', num: true }, { label: 'Mid %', num: true }, { label: 'Max %', num: true }], rows));
}

function simulationView(sim) {
  const s = sim.summary;
  const byLevel = changes(sim.quotes, 'level');
  const byCountry = changes(sim.quotes, 'country');
  const errors = sim.quotes.filter((q) => q.error);
  return h('div', { id: 'simulation' },
    h('p', { role: 'status' }, h('strong', `${s.quotes} stored quotes re-priced with ${sim.version} and with the active ${sim.against}: `
      + `${s.moved} would move.`), ` Mean mid change ${signed(s.meanMidChange, (x) => num(x, 0))} (${signed(s.meanMidChangePercent / 100, (x) => pct(x, 2))}), `
      + `largest ${num(s.maxMidChange, 0)}. Amounts are in each quote's currency.`),
    byLevel.length ? bandChangeChart(byLevel) : h('p', { class: 'muted' }, 'No stored quote to re-price yet.'),
    movementTable('By level', 'whatif-by-level', sim.byLevel, byLevel),
    movementTable('By country', 'whatif-by-country', sim.byCountry, byCountry),
    errors.length ? h('div', { class: 'alert warn' }, `${errors.length} quote(s) could not be re-priced: `,
      h('ul', errors.slice(0, 20).map((q) => h('li', `${q.quoteId}: ${q.error}`)))) : null,
    h('details', h('summary', `Every quote (${sim.quotes.length})`), table(['Quote', 'Level', 'Country', 'Band before', 'Band after', { label: 'Mid change', num: true }],
      sim.quotes.map((q) => [h('a', { href: `#/quotes/${q.quoteId}` }, q.quoteId.slice(0, 8)), q.level, q.country,
        q.before ? `${num(q.before.min, 0)} / ${num(q.before.mid, 0)} / ${num(q.before.max, 0)}` : '–',
        q.after ? `${num(q.after.min, 0)} / ${num(q.after.mid, 0)} / ${num(q.after.max, 0)}` : (q.error || '–'),
        signed(q.midChange, (x) => num(x, 0))]))));
}

function confirmDialog(title, body, confirmLabel, onConfirm) {
  const error = h('div', { class: 'form-error', role: 'alert' });
  const confirm = h('button', { type: 'submit', class: 'primary', id: 'confirm-action' }, confirmLabel);
  const dialog = h('dialog', { 'aria-labelledby': 'dialog-title' });
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  dialog.append(h('form', {
    novalidate: true,
    onSubmit: async (event) => {
      event.preventDefault();
      confirm.disabled = true;
      try {
        await onConfirm();
        close();
      } catch (e) {
        error.textContent = e.message;
        confirm.disabled = false;
      }
    },
  }, h('h2', { id: 'dialog-title' }, title), body, error,
  h('div', { class: 'actions' }, confirm, h('button', { type: 'button', onClick: close }, 'Cancel'))));
  dialog.addEventListener('cancel', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  confirm.focus();
}

async function zipOf(meta) {
  const encoder = new TextEncoder();
  const files = Object.entries(meta.files).sort(([a], [b]) => a.localeCompare(b)).map(([name, content]) => ({
    name: `rules/${name}`, bytes: isWorkbook(name) ? base64ToBytes(content) : encoder.encode(content),
  }));
  return writeZip(files);
}

export async function renderVersion(ctx) {
  const v = ctx.params.version.replace(/^v/, '');
  const [meta, list, tables] = await Promise.all([version(v), versionList(), tablesOf(v)]);
  if (!ctx.active()) return;
  const info = list.find((x) => String(x.version) === v) || meta;
  const active = list.find((x) => x.active);
  const outcome = { tests: null, simulation: null };

  const testsBox = h('div');
  const runTests = h('button', {
    type: 'button', id: 'run-tests',
    onClick: async () => {
      runTests.disabled = true;
      mount(testsBox, h('p', { class: 'loading', role: 'status' }, 'Running the scenarios…'));
      try {
        outcome.tests = await postJson(`/api/v1/rules/versions/${v}/test`);
        mount(testsBox, testResults(outcome.tests));
      } catch (e) {
        mount(testsBox, errorPanel(e, 'The scenarios could not run'));
      } finally {
        runTests.disabled = false;
      }
    },
  }, 'Run scenario tests');

  const simBox = h('div');
  const limit = field('Stored quotes to re-price', h('input', { type: 'number', id: 'whatif-limit', min: 1, max: 1000, value: 100 }),
    { hint: 'The most recent ones, under this version and under the active rules.' });
  const runSim = h('button', {
    type: 'submit', id: 'run-whatif', class: 'primary',
  }, 'Run what-if');
  const simForm = h('form', {
    class: 'row', novalidate: true,
    onSubmit: async (event) => {
      event.preventDefault();
      runSim.disabled = true;
      mount(simBox, h('p', { class: 'loading', role: 'status' }, 'Re-pricing stored quotes…'));
      try {
        outcome.simulation = await postJson(`/api/v1/rules/versions/${v}/simulate`, { limit: Number(limit.control.value) || 100 });
        mount(simBox, simulationView(outcome.simulation));
      } catch (e) {
        mount(simBox, errorPanel(e, 'The what-if could not run'));
        if (e instanceof ApiError && e.details.some((d) => d.field === 'limit')) limit.error.textContent = e.details.find((d) => d.field === 'limit').message;
      } finally {
        runSim.disabled = false;
      }
    },
  }, limit, runSim);

  const actions = [h('button', {
    type: 'button', id: 'download-zip',
    onClick: async () => download(await zipOf(meta), `rules-${info.label}.zip`),
  }, 'Download .zip')];
  if (can('rules:publish') && !info.active && !info.publishedAt) {
    actions.push(h('button', {
      type: 'button', class: 'primary', id: 'publish',
      // the server holds a publish back while scenarios fail: run them first so the dialog can say so
      onClick: async () => (outcome.tests || (outcome.tests = await postJson(`/api/v1/rules/versions/${v}/test`))) && confirmDialog(`Publish ${info.label}?`, h('div',
        h('p', `New quotes on every server are priced with ${info.label} within seconds; ${active ? active.label : 'the active version'} `
          + 'stays available for a roll-back.'),
        h('dl', { class: 'kv' }, h('dt', 'Message'), h('dd', { id: 'publish-message' }, info.message || '–'),
          h('dt', 'Scenario tests'), h('dd', outcome.tests ? `${outcome.tests.passed} passed, ${outcome.tests.failed} failed` : 'not run'),
          h('dt', 'What-if'), h('dd', outcome.simulation ? `${outcome.simulation.summary.moved} of ${outcome.simulation.summary.quotes} quotes move`
            : 'not run')),
        outcome.tests && outcome.tests.failed ? h('p', { class: 'alert warn' }, `${outcome.tests.failed} scenario(s) fail with this version. `
          + 'Publishing accepts these failures, and the audit trail records it.') : null),
      'Publish', async () => {
        const accept = outcome.tests && outcome.tests.failed ? '?acceptFailingScenarios=true' : '';
        const published = await postJson(`/api/v1/rules/versions/${v}/publish${accept}`);
        forgetVersions();
        notify(`${published.label} is now the active rule set.`);
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      }),
    }, `Publish ${info.label}`));
  }
  if (can('rules:publish') && !info.active && info.publishedAt) {
    actions.push(h('button', {
      type: 'button', id: 'rollback',
      onClick: () => confirmDialog(`Roll back to ${info.label}?`, h('p', `${info.label} becomes the active rule set again on every server.`),
        'Roll back', async () => {
          const back = await postJson(`/api/v1/rules/versions/${v}/rollback`);
          forgetVersions();
          notify(`${back.label} is active again.`);
          window.dispatchEvent(new HashChangeEvent('hashchange'));
        }),
    }, `Roll back to ${info.label}`));
  }

  const draft = draftOf(v);
  const diffBox = h('div', h('p', { class: 'loading' }, 'Comparing…'));
  mount(ctx.root,
    pageHead(h('span', info.label, ' ', status(info)), ...actions),
    h('p', h('a', { href: '#/rules' }, '← All versions')),
    h('section', { class: 'panel' }, h('dl', { class: 'kv', id: 'version-meta' },
      h('dt', 'Message'), h('dd', info.message || '–'), h('dt', 'Author'), h('dd', info.author),
      h('dt', 'Created'), h('dd', dateTime(info.createdAt)),
      h('dt', 'Based on'), h('dd', info.parent ? h('a', { href: `#/rules/${info.parent}` }, `v${info.parent}`) : '–'),
      h('dt', 'Published'), h('dd', info.publishedAt ? dateTime(info.publishedAt) : 'never'),
      h('dt', 'Checksum'), h('dd', h('code', info.checksum)))),
    draft.size ? h('div', { class: 'alert warn' }, `Unsaved edits in ${[...draft.keys()].join(', ')}: open the file to save them as a new version.`) : null,
    fileList(v, meta, tables),
    h('section', { class: 'panel', 'aria-labelledby': 'tests-h' }, h('div', { class: 'row spread' }, h('h2', { id: 'tests-h' }, 'Scenario tests'), runTests),
      testsBox),
    active && String(active.version) !== v ? h('section', { class: 'panel', 'aria-labelledby': 'diff-h' },
      h('h2', { id: 'diff-h' }, `Changes from the active ${active.label}`), diffBox) : null,
    can('rules:write') ? h('section', { class: 'panel', 'aria-labelledby': 'whatif-h' }, h('h2', { id: 'whatif-h' }, 'What-if on stored quotes'),
      simForm, simBox) : null);
  if (active && String(active.version) !== v) {
    call('GET', `/api/v1/rules/versions/${active.version}/diff/${v}`).then((diff) => mount(diffBox, diffView(diff)))
      .catch((e) => mount(diffBox, errorPanel(e, 'The comparison failed')));
  }
}
