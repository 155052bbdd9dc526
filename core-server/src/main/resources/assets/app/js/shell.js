// The page frame: navigation by permission, notices, error panels and the hash router.
import { ApiError, can, currentUser } from './api.js';
import { badge, h, mount } from './dom.js';

const NAV = [
  { href: '#/price', label: 'Price a job', permission: 'pricing:create', match: '/price' },
  { href: '#/quotes', label: 'Quotes', permission: 'pricing:read', match: '/quotes' },
  { href: '#/batch', label: 'Batch', permission: 'pricing:batch', match: '/batch' },
  { href: '#/rules', label: 'Rules', permission: 'rules:read', match: '/rules' },
  { href: '#/market', label: 'Market data', permission: 'market-data:read', match: '/market' },
  { href: '#/structures', label: 'Structures', permission: 'structures:read', match: '/structures' },
  { href: '#/postings', label: 'Postings', permission: 'postings:read', match: '/postings' },
  { href: '#/employees', label: 'Employee pay', permission: 'employees:read', match: '/employees' },
  { href: '#/admin', label: 'Admin', any: ['users:read', 'plugins:read', 'audit:read'], match: '/admin' },
];

/** Shows a short message in the corner; errors stay longer. */
export function notify(text, kind) {
  const box = document.getElementById('notices');
  const note = h('div', { class: `notice ${kind || ''}`.trim(), role: kind === 'bad' ? 'alert' : null }, text);
  box.append(note);
  setTimeout(() => note.remove(), kind === 'bad' ? 9000 : 5000);
}

/** The server's error as a readable panel: message, code and every detail (field, line, file). */
export function errorPanel(error, title) {
  const details = (error && error.details) || [];
  const items = details.map((d) => {
    if (typeof d !== 'object' || d === null) return h('li', String(d));
    const where = [d.file, d.line ? `line ${d.line}` : null, d.column ? `column ${d.column}` : null, d.field]
      .filter(Boolean).join(', ');
    return h('li', where ? `${where}: ` : '', d.message || d.reason || JSON.stringify(d));
  });
  const code = error instanceof ApiError && error.code && error.status ? ` (${error.status} ${error.code})` : '';
  return h('div', { class: 'alert bad', role: 'alert' },
    h('strong', title || 'Something went wrong'), h('div', `${error ? error.message : 'Unknown error'}${code}`),
    items.length ? h('ul', items) : null);
}

export function pageHead(title, ...actions) {
  return h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, title), h('div', { class: 'actions' }, actions));
}

function visible(item) {
  if (item.permission) return can(item.permission);
  return item.any.some((p) => can(p));
}

/** The top bar for the signed-in user (hidden when signed out); {@code onSignOut} ends the session. */
export function renderShell(onSignOut) {
  const bar = document.getElementById('topbar');
  const user = currentUser();
  bar.hidden = !user;
  if (!user) return;
  const nav = document.getElementById('nav');
  mount(nav, NAV.filter(visible).map((item) => h('a', { href: item.href, dataset: { match: item.match } }, item.label)));
  mount(document.getElementById('user'),
    h('a', { href: '#/account', class: 'account-link' }, h('span', { id: 'signed-in-as' }, user.username)),
    badge(user.role.replace('_', ' '), 'info'),
    h('button', {
      type: 'button', id: 'sign-out',
      onClick: () => onSignOut(),
    }, 'Sign out'));
  const toggle = document.getElementById('nav-toggle');
  if (!toggle.dataset.wired) {
    toggle.dataset.wired = 'yes';
    toggle.addEventListener('click', () => {
      const open = !nav.classList.contains('open');
      nav.classList.toggle('open', open);
      bar.classList.toggle('open', open);
      toggle.setAttribute('aria-expanded', String(open));
    });
  }
  markCurrent();
}

function markCurrent() {
  const path = currentPath();
  for (const a of document.querySelectorAll('#nav a')) {
    if (path.startsWith(a.dataset.match)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

/** The route path of the hash (#/rules/3?line=13 → /rules/3). */
export function currentPath() {
  const hash = location.hash.replace(/^#/, '') || '/';
  return hash.split('?')[0];
}

function currentQuery() {
  const hash = location.hash.replace(/^#/, '');
  const i = hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : hash.slice(i + 1));
}

export function navigate(path) {
  if (location.hash === `#${path}`) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = path;
}

let generation = 0;
let leaving = [];

/**
 * Renders the route of the current hash into {@code main}: the view module is loaded on first use;
 * a view's failure is shown as an error panel, never as a blank page.
 */
export async function route(routes, fallback) {
  generation += 1;
  const mine = generation;
  for (const fn of leaving) fn();
  leaving = [];
  const main = document.getElementById('main');
  const nav = document.getElementById('nav');
  nav.classList.remove('open');
  document.getElementById('topbar').classList.remove('open');
  markCurrent();
  const path = currentPath();
  let match = null;
  for (const r of routes) {
    const names = [];
    const pattern = new RegExp(`^${r.path.replace(/:(\w+)/g, (_, name) => {
      names.push(name);
      return '([^/]+)';
    })}$`);
    const m = path.match(pattern);
    if (m) {
      const params = {};
      names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1]);
      });
      match = { ...r, params };
      break;
    }
  }
  if (!match) {
    navigate(fallback());
    return;
  }
  const section = h('section', { class: 'view' }, h('p', { class: 'loading' }, 'Loading…'));
  mount(main, section);
  const ctx = {
    params: match.params,
    query: currentQuery(),
    root: section,
    active: () => mine === generation,
    onLeave: (fn) => leaving.push(fn),
  };
  try {
    if (match.permission && !can(match.permission)) {
      mount(section, pageHead('Not available'), h('p', 'Your role does not include this page.'));
      return;
    }
    const module = await match.load();
    if (!ctx.active()) return;
    await module[match.view || 'render'](ctx);
    if (!ctx.active()) return;
    const focus = section.querySelector('[data-autofocus]') || section.querySelector('h1');
    if (focus) focus.focus();
    // read by bench/webapp: when a page's content is on screen
    performance.mark('view-rendered', { detail: path });
  } catch (error) {
    if (!ctx.active()) return;
    mount(section, errorPanel(error, 'This page could not be shown'),
      h('p', h('button', { type: 'button', onClick: () => window.dispatchEvent(new HashChangeEvent('hashchange')) },
        'Try again')));
  }
}
