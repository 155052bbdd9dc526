// One rule file of a version. Decision tables are a grid of their rows (the Drools machinery lines
// hidden), edited in place and checked by the server's validation as you type, each problem shown at
// its cell. Workbooks are shown read-only and replaced by uploading a new .xlsx; DRL and scenario
// files are shown as code. Edits become a new version only when saved.
import { ApiError, can, postJson } from '../api.js';
import { badge, debounce, download, field, h, mount } from '../dom.js';
import { bytesToBase64, base64ToBytes } from '../zip.js';
import {
  discardDraft, draftOf, filesToSend, isTable, isWorkbook, notesOf, parseCsv, readTables, readWorkbook, version, writeCsv,
} from '../rulefiles.js';
import { errorPanel, navigate, notify, pageHead } from '../shell.js';

function fileHref(v, file, line) {
  return `#/rules/${v}/files/${encodeURIComponent(file)}${line ? `?line=${line}` : ''}`;
}

/** The panel listing problems the grid cannot place at a cell (and those of other files). */
function problemPanel() {
  const list = h('ul');
  const panel = h('div', { class: 'alert bad problems', id: 'file-problems', role: 'alert', hidden: true },
    h('strong', 'The server found problems'), list);
  panel.show = (items) => {
    mount(list, items);
    panel.hidden = items.length === 0;
  };
  return panel;
}

/**
 * The unsaved-changes bar: which files changed, the version message, save and discard. Saving stores
 * a new version (a draft until published) and opens it.
 */
function saveBar(ctx, v, onProblems) {
  const draft = draftOf(v);
  const files = h('span', { class: 'small' });
  const message = field('What changed and why', h('input', {
    id: 'version-message', maxlength: 500, autocomplete: 'off', placeholder: 'e.g. Widen the IC3 band to 60 %',
  }), { hint: 'Stored with the new version; shown when it is published.' });
  const error = h('div', { class: 'form-error', role: 'alert', id: 'save-error' });
  const save = h('button', { type: 'submit', class: 'primary', id: 'save-version' }, 'Save as new version');
  const bar = h('form', {
    class: 'save-bar', id: 'save-bar', hidden: true, novalidate: true,
    onSubmit: async (event) => {
      event.preventDefault();
      error.textContent = '';
      if (!message.control.value.trim()) {
        message.error.textContent = 'Say what changed: it is the version’s message.';
        message.control.setAttribute('aria-invalid', 'true');
        message.control.focus();
        return;
      }
      save.disabled = true;
      try {
        const created = await postJson('/api/v1/rules/versions', { message: message.control.value.trim(), parent: Number(v), files: await filesToSend(v) });
        discardDraft(v);
        notify(`Saved ${created.label}. Run its tests and the what-if, then publish it.`);
        navigate(`/rules/${created.version}`);
      } catch (e) {
        if (e instanceof ApiError && e.code === 'RULESET_INVALID') onProblems(e.details);
        error.textContent = e.message;
      } finally {
        save.disabled = false;
      }
    },
  }, h('div', h('strong', 'Unsaved changes'), h('br'), files), message, h('div', { class: 'actions' }, save,
    h('button', {
      type: 'button', id: 'discard-changes',
      onClick: () => {
        discardDraft(v);
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      },
    }, 'Discard')), error);
  bar.update = () => {
    bar.hidden = draft.size === 0 || !can('rules:write');
    mount(files, [...draft.keys()].flatMap((f, i) => [i ? ', ' : '', h('a', { href: fileHref(v, f) }, f)]));
    message.error.textContent = '';
    message.control.removeAttribute('aria-invalid');
  };
  bar.update();
  return bar;
}

/** Server validation of the version with this page's edits; answers the problems (empty when valid). */
function validator(v, status, apply) {
  let asked = 0;
  return debounce(async () => {
    if (draftOf(v).size === 0) {
      apply([]);
      status.textContent = '';
      return;
    }
    asked += 1;
    const mine = asked;
    status.textContent = 'Checking with the server…';
    try {
      await postJson('/api/v1/rules/validate', { parent: Number(v), files: await filesToSend(v) });
      if (mine !== asked) return;
      apply([]);
      status.textContent = 'The server found no problems.';
    } catch (e) {
      if (mine !== asked) return;
      if (e instanceof ApiError && e.code === 'RULESET_INVALID') {
        apply(e.details);
        status.textContent = `${e.details.length} problem${e.details.length === 1 ? '' : 's'} found.`;
      } else {
        status.textContent = e.message;
      }
    }
  }, 450);
}

function rowKey(table, row) {
  return table.columns.map((c, i) => (c.condition ? row.cells[i] : null)).filter((x) => x !== null).join(' | ');
}

/**
 * The grid of a file's decision tables. {@code edit} (CSV only) turns cells into inputs and shows
 * add / remove buttons; {@code onEdit(parsed)} runs after every change.
 */
function grid(v, name, state, { editable, highlightLine, onEdit }) {
  const root = h('div', { class: 'tables' });
  const cells = new Map();
  let focusAfter = null;

  const structural = (change) => {
    change();
    const text = writeCsv(state.parsed);
    state.parsed = parseCsv(text);
    state.tables = readTables(name, state.parsed.records);
    onEdit(text);
    draw();
  };

  /**
   * A new row goes before a last row of wildcards ("*" matches what no row above it does), with its
   * conditions empty and the actions of its neighbour: a row of empty cells would end the table.
   */
  const addRow = (table) => {
    const last = table.rows[table.rows.length - 1];
    const wildcard = last && table.columns.every((c, i) => !c.condition || last.cells[i] === '*');
    const at = !last ? table.headerIndex + 1 : wildcard ? last.index : last.index + 1;
    const model = last || { cells: table.columns.map(() => '0') };
    const cellsOf = Array(table.offset).fill('').concat(table.columns.map((c, i) => (c.condition ? '' : model.cells[i] || '0')));
    state.parsed.records.splice(at, 0, { line: 0, cells: cellsOf, raw: '', changed: true });
    focusAfter = { table: table.index, recordIndex: at };
    structural(() => null);
  };

  const removeRow = (table, row) => {
    focusAfter = { table: table.index, recordIndex: row.index, removed: true };
    structural(() => state.parsed.records.splice(row.index, 1));
  };

  function draw() {
    cells.clear();
    const sections = state.tables.map((table, t) => {
      const head = h('tr', h('th', { scope: 'col', class: 'num' }, 'Line'),
        table.columns.map((c) => h('th', { scope: 'col', title: c.snippet }, c.label, h('span', { class: 'kind' }, c.condition ? 'condition' : 'action'))),
        editable ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Row actions')) : null);
      const body = table.rows.map((row) => {
        const key = rowKey(table, row);
        const tr = h('tr', { dataset: { line: row.line, recordIndex: row.index }, class: row.line === highlightLine ? 'highlight' : null });
        tr.append(h('td', { class: 'line' }, String(row.line)));
        table.columns.forEach((c, i) => {
          const error = h('div', { class: 'field-error', id: `cell-${row.index}-${i}-error` });
          let control;
          if (editable) {
            control = h('input', {
              class: 'cell', value: row.cells[i], id: `cell-${row.index}-${i}`, 'aria-label': `${c.label}, ${key ? `row ${key}` : `new row`} (line ${row.line})`,
              'aria-describedby': error.id, dataset: { rowKey: key, column: c.label, line: row.line }, spellcheck: 'false', autocomplete: 'off',
            });
            control.addEventListener('input', () => {
              const record = state.parsed.records[row.index];
              while (record.cells.length < table.offset + i + 1) record.cells.push('');
              record.cells[table.offset + i] = control.value;
              record.changed = true;
              row.cells[i] = control.value.trim();
              onEdit(writeCsv(state.parsed));
            });
          } else {
            control = h('div', { class: 'cell-ro', dataset: { rowKey: key, column: c.label, line: row.line } }, row.cells[i]);
          }
          cells.set(`${row.index}:${i}`, { control, error, tr });
          tr.append(h('td', control, error));
        });
        if (editable) {
          tr.append(h('td', h('button', {
            type: 'button', class: 'danger remove-row', 'aria-label': `Remove row ${key || `at line ${row.line}`}`,
            onClick: () => removeRow(table, row),
          }, 'Remove')));
        }
        return tr;
      });
      return h('section', { class: 'dt', id: `table-${t}`, dataset: { table: table.name } },
        h('div', { class: 'row spread' }, h('h2', table.name), h('span', { class: 'muted small' }, `${table.rows.length} rows · line ${table.line}`)),
        h('div', { class: 'table-wrap' }, h('table', h('thead', head), h('tbody', body))),
        editable ? h('div', { class: 'actions' }, h('button', {
          type: 'button', class: 'add-row', onClick: () => addRow(table),
        }, `Add a row to ${table.name}`)) : null);
    });
    mount(root, sections.length ? sections : h('p', { class: 'muted' }, 'No decision table found in this file.'));
    if (focusAfter) {
      const table = state.tables.find((x) => x.index === focusAfter.table) || state.tables[0];
      const row = table && (table.rows.find((r) => r.index === focusAfter.recordIndex) || table.rows[table.rows.length - 1]);
      const target = row ? cells.get(`${row.index}:0`) : null;
      if (target) target.control.focus();
      focusAfter = null;
    }
  }
  draw();

  /** Places the server's problems: at a cell when the line and column match one, else at the row, else in the list. */
  root.apply = (problems, panel) => {
    for (const { control, error, tr } of cells.values()) {
      error.textContent = '';
      control.removeAttribute('aria-invalid');
      tr.classList.remove('invalid');
    }
    const unplaced = [];
    for (const p of problems) {
      let placed = false;
      if (p.file === name && p.line) {
        const index = state.parsed.records.findIndex((r) => r.line === p.line);
        const table = state.tables.find((t) => t.rows.some((r) => r.index === index));
        if (table) {
          const col = p.column > 0 ? p.column - 1 - table.offset : 0;
          const target = cells.get(`${index}:${col >= 0 && col < table.columns.length ? col : 0}`);
          if (target) {
            target.error.textContent = target.error.textContent ? `${target.error.textContent}; ${p.message}` : p.message;
            target.control.setAttribute('aria-invalid', 'true');
            target.tr.classList.add('invalid');
            placed = true;
          }
        }
      }
      if (!placed) {
        // Drools reports compile errors of a table at a line of the rules it generates from it
        const beyond = state.parsed && p.line > state.parsed.records.length + 1
          && p.line > (state.parsed.records[state.parsed.records.length - 1] || { line: 0 }).line;
        const where = p.file === name ? (p.line && !beyond ? `line ${p.line}: ` : 'in the rules compiled from this file: ') : null;
        unplaced.push(h('li', where !== null ? where : h('a', { href: fileHref(v, p.file, p.line) }, `${p.file}${p.line ? `, line ${p.line}` : ''}`),
          where !== null ? '' : ': ', p.message));
      }
    }
    panel.show(unplaced);
  };
  root.focusHighlighted = () => {
    const tr = root.querySelector('tr.highlight');
    if (!tr) return;
    tr.scrollIntoView({ block: 'center' });
    const input = tr.querySelector('input, .cell-ro');
    if (input) input.setAttribute('data-autofocus', '');
    if (input && input.tagName !== 'INPUT') input.setAttribute('tabindex', '-1');
  };
  return root;
}

function codeView(text, highlightLine, { editable, onEdit }) {
  if (editable) {
    const area = h('textarea', { class: 'code-edit', id: 'code-editor', spellcheck: 'false', 'aria-label': 'File content', value: text });
    area.addEventListener('input', () => onEdit(area.value));
    return area;
  }
  const lines = text.split('\n');
  return h('div', { class: 'code', id: 'code-view', role: 'region', 'aria-label': 'File content', tabindex: '0' },
    lines.map((l, i) => h('div', {
      class: `code-line${i + 1 === highlightLine ? ' highlight' : ''}`, dataset: { line: i + 1 },
    }, h('span', { class: 'ln' }, String(i + 1)), l)));
}

export async function render(ctx) {
  const v = ctx.params.version.replace(/^v/, '');
  const name = ctx.params.file;
  const meta = await version(v);
  if (!ctx.active()) return;
  if (!(name in meta.files)) throw new ApiError(404, 'NOT_FOUND', `${name} is not a file of ${meta.label}.`);
  const draft = draftOf(v);
  const highlightLine = Number(ctx.query.get('line')) || null;
  const status = h('p', { class: 'hint', id: 'validation-status', role: 'status', 'aria-live': 'polite' });
  const panel = problemPanel();
  let body;
  const bar = saveBar(ctx, v, (problems) => body && body.apply && body.apply(problems, panel));
  const check = validator(v, status, (problems) => (body && body.apply ? body.apply(problems, panel) : panel.show(problems
    .map((p) => h('li', `${p.file}${p.line ? `, line ${p.line}` : ''}: ${p.message}`)))));
  ctx.onLeave(() => check.cancel());
  const changed = (content) => {
    draft.set(name, content);
    bar.update();
    check();
  };
  const current = () => (draft.has(name) ? draft.get(name) : meta.files[name]);
  const actions = [];
  actions.push(h('button', {
    type: 'button', id: 'download-file',
    onClick: () => download(isWorkbook(name) ? new Blob([base64ToBytes(current())],
      { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }) : new Blob([current()], { type: 'text/plain' }), name),
  }, 'Download'));
  const editable = can('rules:write');
  let intro = null;

  if (isWorkbook(name)) {
    const state = { parsed: null, tables: readTables(name, await readWorkbook(base64ToBytes(current()))) };
    body = grid(v, name, state, { editable: false, highlightLine, onEdit: () => null });
    if (editable) {
      const upload = h('input', { type: 'file', id: 'upload-workbook', accept: '.xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      upload.addEventListener('change', async () => {
        const file = upload.files[0];
        if (!file) return;
        const bytes = new Uint8Array(await file.arrayBuffer());
        try {
          const tables = readTables(name, await readWorkbook(bytes));
          changed(bytesToBase64(bytes));
          state.tables = tables;
          const fresh = grid(v, name, state, { editable: false, highlightLine, onEdit: () => null });
          body.replaceWith(fresh);
          body = fresh;
          notify(`${file.name} is loaded as the new ${name}; the server is checking it.`);
        } catch (e) {
          panel.show([h('li', `${file.name} could not be read as a workbook: ${e.message}`)]);
        }
      });
      intro = h('div', { class: 'panel' }, field('Replace with a spreadsheet', upload,
        { hint: `Edit the downloaded ${name} in Excel or LibreOffice, then upload it here; the server checks it before it can be saved.` }));
    }
  } else if (isTable(name)) {
    const parsed = parseCsv(current());
    const state = { parsed, tables: readTables(name, parsed.records) };
    body = grid(v, name, state, { editable, highlightLine, onEdit: changed });
    const notes = notesOf(parsed.records);
    intro = notes ? h('p', { class: 'muted', id: 'table-notes' }, notes) : null;
  } else {
    // DRL and scenario files: the machinery of the rules, editable only with rules:code
    body = codeView(current(), highlightLine, { editable: can('rules:code'), onEdit: changed });
    intro = h('p', { class: 'muted' }, /\.drl$/.test(name) ? 'Rule code (DRL). Only shown here: changing it needs the rules:code permission.'
      : 'Scenario tests of the rules: run them from the version page.');
  }

  mount(ctx.root,
    pageHead(name, ...actions),
    h('p', { class: 'row' }, h('a', { href: `#/rules/${v}` }, `← ${meta.label}`), meta.active ? badge('active', 'ok') : badge('not active'),
      editable && isTable(name) && !isWorkbook(name) ? h('span', { class: 'hint' }, 'Edit the cells; the server checks every change. Save to make a new version.') : null),
    intro, panel, status, body, bar);
  if (draft.size) check();
  if (highlightLine) {
    if (body.focusHighlighted) body.focusHighlighted();
    const line = ctx.root.querySelector(`.code-line[data-line="${highlightLine}"]`);
    if (line) line.scrollIntoView({ block: 'center' });
  }
}
