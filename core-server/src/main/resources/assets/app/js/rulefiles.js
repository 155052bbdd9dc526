// Rule files read as the server reads them (core-server rules/DecisionTable): CSV records and workbook
// rows with their 1-based line numbers, and the decision tables in them. Versions are immutable, so
// each one is fetched once per page load.
import { get } from './api.js';
import { base64ToBytes, readZip } from './zip.js';

/** CSV records with the physical line each starts on and its original text (kept byte for byte). */
export function parseCsv(text) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const records = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const start = i;
    const cells = [];
    let cell = '';
    let quoted = false;
    let end = n;
    for (;;) {
      if (i >= n) {
        cells.push(cell);
        end = n;
        break;
      }
      const c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            quoted = false;
            i += 1;
          }
          continue;
        }
        if (c === '\n') line += 1;
        cell += c;
        i += 1;
        continue;
      }
      if (c === '"') {
        quoted = true;
        i += 1;
      } else if (c === ',') {
        cells.push(cell);
        cell = '';
        i += 1;
      } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
        cells.push(cell);
        end = i;
        i += c === '\r' ? 2 : 1;
        line += 1;
        break;
      } else {
        cell += c;
        i += 1;
      }
    }
    records.push({ line: startLine, cells, raw: text.slice(start, end), changed: false });
  }
  return { records, eol, trailing: text.endsWith('\n') };
}

function quoteCell(value) {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text again: untouched records exactly as they were, changed ones written from their cells. */
export function writeCsv(parsed) {
  const lines = parsed.records.map((r) => {
    if (!r.changed) return r.raw;
    let cells = r.cells.slice();
    while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length === 1 && cells[0] === '') cells = [];
    return cells.map(quoteCell).join(',');
  });
  return lines.join(parsed.eol) + (parsed.trailing || !lines.length ? parsed.eol : '');
}

function firstNonEmpty(cells) {
  for (let i = 0; i < cells.length; i += 1) if (cells[i] && cells[i].trim()) return i;
  return -1;
}

function cellAt(record, c) {
  return record && c < record.cells.length ? record.cells[c] || '' : '';
}

/**
 * The decision tables of a file's records: name, the table's line, its columns (condition or action,
 * snippet, title) and its rows. The four lines after "RuleTable" are the machinery; {@code index}
 * values point into {@code records}.
 */
export function readTables(file, records) {
  const tables = [];
  for (let i = 0; i < records.length; i += 1) {
    const offset = firstNonEmpty(records[i].cells);
    if (offset < 0 || !records[i].cells[offset].trim().toLowerCase().startsWith('ruletable') || i + 4 >= records.length) {
      continue;
    }
    const name = records[i].cells[offset].trim().slice('RuleTable'.length).trim();
    const kinds = records[i + 1].cells;
    const columns = [];
    for (let c = offset; c < kinds.length && kinds[c].trim(); c += 1) {
      columns.push({
        condition: kinds[c].trim().toUpperCase().startsWith('C'),
        kind: kinds[c].trim(),
        snippet: cellAt(records[i + 3], c),
        label: cellAt(records[i + 4], c).trim() || kinds[c].trim(),
      });
    }
    const rows = [];
    let r = i + 5;
    for (; r < records.length; r += 1) {
      const first = firstNonEmpty(records[r].cells);
      if (first < 0 || cellAt(records[r], first).toLowerCase().startsWith('ruletable')) break;
      rows.push({ index: r, line: records[r].line, cells: columns.map((_, c) => cellAt(records[r], offset + c).trim()) });
    }
    tables.push({ file, name, index: i, line: records[i].line, offset, columns, rows, headerIndex: i + 4 });
  }
  return tables;
}

/** The "Notes" line of a file's preamble (what the table is for), if any. */
export function notesOf(records) {
  for (const r of records) {
    const first = firstNonEmpty(r.cells);
    if (first >= 0 && r.cells[first].trim().toLowerCase() === 'notes') return (r.cells[first + 1] || '').trim();
    if (first >= 0 && r.cells[first].trim().toLowerCase().startsWith('ruletable')) break;
  }
  return '';
}

function columnIndex(ref) {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The rows of every sheet of an .xlsx workbook, as records; a blank record separates sheets. */
export async function readWorkbook(bytes) {
  const zip = readZip(bytes);
  const text = async (name) => (zip.has(name) ? new TextDecoder().decode(await zip.get(name)()) : null);
  const parse = (xml) => new DOMParser().parseFromString(xml, 'application/xml');
  const shared = [];
  const sst = await text('xl/sharedStrings.xml');
  if (sst) {
    for (const si of parse(sst).getElementsByTagName('si')) {
      shared.push([...si.getElementsByTagName('t')].map((t) => t.textContent).join(''));
    }
  }
  const workbook = parse(await text('xl/workbook.xml'));
  const rels = parse(await text('xl/_rels/workbook.xml.rels') || '<r/>');
  const targets = new Map([...rels.getElementsByTagName('Relationship')].map((r) => [r.getAttribute('Id'), r.getAttribute('Target')]));
  const records = [];
  for (const sheet of workbook.getElementsByTagName('sheet')) {
    const id = sheet.getAttribute('r:id') || sheet.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
    const target = (targets.get(id) || '').replace(/^\/?(xl\/)?/, '');
    const xml = await text(`xl/${target}`);
    if (!xml) continue;
    for (const row of parse(xml).getElementsByTagName('row')) {
      const cells = [];
      for (const c of row.getElementsByTagName('c')) {
        const at = columnIndex(c.getAttribute('r') || 'A1');
        const type = c.getAttribute('t');
        const v = c.getElementsByTagName('v')[0];
        let value = v ? v.textContent : '';
        if (type === 's') value = shared[Number(value)] || '';
        else if (type === 'inlineStr') value = [...c.getElementsByTagName('t')].map((t) => t.textContent).join('');
        else if (type === 'b') value = value === '1' ? 'TRUE' : 'FALSE';
        else if (value !== '' && type !== 'str' && !Number.isNaN(Number(value))) value = String(Number(value));
        while (cells.length < at) cells.push('');
        cells[at] = value;
      }
      records.push({ line: Number(row.getAttribute('r')), cells, raw: null, changed: false });
    }
    records.push({ line: 0, cells: [], raw: null, changed: false });
  }
  return records;
}

export function isTable(name) {
  return /\.drl\.(csv|xlsx?)$/i.test(name);
}

export function isWorkbook(name) {
  return /\.xlsx?$/i.test(name);
}

const versions = new Map();
const parsedFiles = new Map();

/** One version with its files (cached: versions never change). */
export function version(number) {
  const key = String(number).replace(/^v/, '');
  if (!versions.has(key)) {
    versions.set(key, get(`/api/v1/rules/versions/${encodeURIComponent(key)}`).catch((e) => {
      versions.delete(key);
      throw e;
    }));
  }
  return versions.get(key);
}

/** Drops cached versions (their active / published state changes on publish and rollback). */
export function forgetVersions() {
  versions.clear();
}

/** The versions list, newest first. */
export function versionList() {
  return get('/api/v1/rules/versions?limit=500');
}

/** The active version's number. */
export async function activeVersion() {
  const list = await versionList();
  const active = list.find((v) => v.active);
  return active ? active.version : null;
}

/** The records of one file of a version (CSV parsed, workbooks read), cached. */
export async function records(versionNumber, name) {
  const key = `${versionNumber}/${name}`;
  if (!parsedFiles.has(key)) {
    parsedFiles.set(key, (async () => {
      const v = await version(versionNumber);
      const content = v.files[name];
      if (content === undefined) throw new Error(`${name} is not in v${versionNumber}`);
      return isWorkbook(name) ? readWorkbook(base64ToBytes(content)) : parseCsv(content).records;
    })().catch((e) => {
      parsedFiles.delete(key);
      throw e;
    }));
  }
  return parsedFiles.get(key);
}

/** Every decision table of a version. */
export async function tablesOf(versionNumber) {
  const v = await version(versionNumber);
  const all = [];
  for (const name of Object.keys(v.files).filter(isTable)) {
    try {
      all.push(...readTables(name, await records(versionNumber, name)));
    } catch (e) {
      // an unreadable workbook has no tables to show; the server reports it when validating
    }
  }
  return all;
}

/** The rows of the first table named {@code name} as objects by column title. */
export async function tableRows(versionNumber, name) {
  const table = (await tablesOf(versionNumber)).find((t) => t.name === name);
  if (!table) return [];
  return table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.label, r.cells[i]])));
}

/**
 * Where an explanation step's rule lives: {file, line}. A decision-table rule is named
 * "<table>_<line>"; a DRL rule by its name (the line of its "rule" declaration).
 */
export async function locate(versionNumber, step) {
  const m = /^(.*)_(\d+)$/.exec(step.rule || '');
  const tables = await tablesOf(versionNumber);
  const table = step.file ? tables.find((t) => t.file === step.file && (!m || t.name === m[1]))
    : m && tables.find((t) => t.name === m[1]);
  const line = step.line || (m ? Number(m[2]) : null);
  if (table) {
    const row = table.rows.find((r) => r.line === line);
    const key = row ? table.columns.map((c, i) => (c.condition ? `${c.label} ${row.cells[i]}` : null)).filter(Boolean).join(', ') : '';
    return { file: table.file, line, table: table.name, key };
  }
  if (step.file) return { file: step.file, line };
  const v = await version(versionNumber);
  for (const [name, content] of Object.entries(v.files)) {
    if (!/\.drl$/i.test(name)) continue;
    const lines = content.split('\n');
    const at = lines.findIndex((l) => l.trim().startsWith(`rule "${step.rule}"`));
    if (at >= 0) return { file: name, line: at + 1 };
  }
  return null;
}

/**
 * Unsaved edits per base version: file name → new content (CSV text, or base64 for a workbook),
 * kept while the page is open so several tables can be changed before one new version is saved.
 */
const drafts = new Map();

export function draftOf(versionNumber) {
  const key = String(versionNumber);
  if (!drafts.has(key)) drafts.set(key, new Map());
  return drafts.get(key);
}

export function discardDraft(versionNumber) {
  drafts.delete(String(versionNumber));
}

/**
 * What a validation or a new version sends: the server builds a version as its parent plus the files
 * sent, so only the edited files go (with the parent named).
 */
export const SEND_WHOLE_SET = false;

export async function filesToSend(versionNumber) {
  const edits = Object.fromEntries(draftOf(versionNumber));
  if (!SEND_WHOLE_SET) return edits;
  const base = await version(versionNumber);
  return { ...base.files, ...edits };
}
