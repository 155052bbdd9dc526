// DOM building from elements and text nodes only: text the server sends is never parsed as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'width%') {
      // CSSOM, which the Content-Security-Policy allows (style attributes it does not)
      el.style.width = `${Math.max(0, Math.min(100, value))}%`;
    } else if (key === 'value' && 'value' in el && el.tagName !== 'BUTTON' && el.tagName !== 'OPTION') {
      el.value = value;
    } else if (key === 'checked' || key === 'selected' || key === 'disabled' || key === 'hidden'
        || key === 'required' || key === 'readOnly' || key === 'multiple') {
      el[key] = Boolean(value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: h('button', {class: 'primary', onClick}, 'Save'). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs && (attrs instanceof Node || typeof attrs !== 'object' || Array.isArray(attrs))) {
    children.unshift(attrs);
  } else {
    apply(el, attrs);
  }
  append(el, children);
  return el;
}

/** An SVG element; attributes are SVG presentation attributes, styled further by app.css classes. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null) el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** Replaces the children of {@code el}. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let ids = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix = 'f') {
  ids += 1;
  return `${prefix}-${ids}`;
}

/**
 * A labelled form field: label, control, hint and an error slot the server's message goes into
 * (the control points at it with aria-describedby).
 */
export function field(label, control, { hint, className, name } = {}) {
  const id = control.id || uid(name || 'field');
  control.id = id;
  if (name) control.name = name;
  const error = h('div', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  const described = [error.id];
  let hintEl = null;
  if (hint) {
    hintEl = h('div', { class: 'hint', id: `${id}-hint` }, hint);
    described.unshift(hintEl.id);
  }
  control.setAttribute('aria-describedby', described.join(' '));
  const wrapper = h('div', { class: `field ${className || ''}`.trim() }, h('label', { for: id }, label), control, hintEl, error);
  wrapper.control = control;
  wrapper.error = error;
  return wrapper;
}

/** Shows {@code message} at a field (or clears it when empty). */
export function setFieldError(fieldEl, message) {
  fieldEl.error.textContent = message || '';
  if (message) fieldEl.control.setAttribute('aria-invalid', 'true');
  else fieldEl.control.removeAttribute('aria-invalid');
}

/** A table: headers (strings or {label, num}) and rows of cells (nodes or text; {num} for right-aligned). */
export function table(headers, rows, { caption, className } = {}) {
  const head = h('tr', headers.map((x) => {
    const spec = typeof x === 'string' ? { label: x } : x;
    return h('th', { scope: 'col', class: spec.num ? 'num' : null }, spec.label);
  }));
  const body = rows.map((row) => {
    const tr = h('tr', row.attrs || {});
    append(tr, (row.cells || row).map((cell, i) => {
      const spec = typeof headers[i] === 'string' ? {} : headers[i] || {};
      return h('td', { class: spec.num ? 'num' : null }, cell);
    }));
    return tr;
  });
  return h('div', { class: `table-wrap ${className || ''}`.trim() },
    h('table', {}, caption ? h('caption', { class: 'muted small' }, caption) : null, h('thead', {}, head), h('tbody', {}, body)));
}

/** A badge: kind is ok, warn, bad or info. */
export function badge(text, kind) {
  return h('span', { class: `badge ${kind || ''}`.trim() }, text);
}

/** Saves a Blob as a file through a temporary link (no request leaves the page). */
export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Runs {@code fn} once input pauses for {@code ms}. */
export function debounce(fn, ms) {
  let timer = null;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}
