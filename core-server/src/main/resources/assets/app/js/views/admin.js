// Administration: users (create, change role, deactivate), plugins (enable, disable, check, reload,
// scan) and the audit trail. Each tab and button is shown only to roles the server grants it to.
import { ApiError, can, get, postJson, putJson, query } from '../api.js';
import { badge, field, h, mount, setFieldError, table } from '../dom.js';
import { dateTime } from '../format.js';
import { errorPanel, navigate, notify, pageHead } from '../shell.js';

const ROLES = ['VIEWER', 'HR_ANALYST', 'HR_MANAGER', 'ADMIN'];
const TABS = [
  { id: 'users', label: 'Users', permission: 'users:read' },
  { id: 'plugins', label: 'Plugins', permission: 'plugins:read' },
  { id: 'audit', label: 'Audit trail', permission: 'audit:read' },
];

function placeErrors(error, fields, box) {
  let placed = false;
  for (const d of (error instanceof ApiError && error.details) || []) {
    if (d && fields[d.field]) {
      setFieldError(fields[d.field], d.message);
      placed = true;
    }
  }
  mount(box, placed ? h('p', { class: 'form-error' }, error.message) : errorPanel(error, 'Not done'));
}

async function users(root) {
  const list = await get('/api/v1/users?limit=1000');
  const editRoles = can('users:write') && can('roles:assign');
  const rows = list.map((u) => {
    const role = editRoles ? h('select', { 'aria-label': `Role of ${u.username}`, class: 'user-role', dataset: { user: u.username } },
      ROLES.map((r) => h('option', { value: r, selected: r === u.role }, r))) : u.role;
    if (editRoles) {
      role.addEventListener('change', async () => {
        try {
          await putJson(`/api/v1/users/${u.id}`, { role: role.value });
          notify(`${u.username} is now ${role.value}`);
        } catch (e) {
          notify(e.message, 'bad');
          role.value = u.role;
        }
      });
    }
    const toggle = can('users:write') ? h('button', {
      type: 'button', class: u.active ? 'danger' : '', dataset: { user: u.username },
      onClick: async () => {
        try {
          await putJson(`/api/v1/users/${u.id}`, { active: !u.active });
          notify(`${u.username} ${u.active ? 'deactivated' : 'activated'}`);
          await users(root);
        } catch (e) {
          notify(e.message, 'bad');
        }
      },
    }, u.active ? 'Deactivate' : 'Activate') : null;
    return { attrs: { dataset: { user: u.username } }, cells: [h('strong', u.username), u.email, role,
      u.active ? badge('active', 'ok') : badge('inactive'), u.mustChangePassword ? badge('must change password', 'warn') : '', dateTime(u.createdAt), toggle] };
  });
  const fields = {
    username: field('Username', h('input', { id: 'new-username', autocomplete: 'off' })),
    email: field('E-mail', h('input', { id: 'new-email', type: 'email', autocomplete: 'off' })),
    password: field('Initial password', h('input', { id: 'new-password-admin', type: 'password', autocomplete: 'new-password' }),
      { hint: 'At least 12 characters; tell the person to change it.' }),
    role: field('Role', h('select', { id: 'new-role' }, ROLES.map((r) => h('option', { value: r }, r)))),
  };
  const box = h('div');
  const create = can('users:write') ? h('section', { class: 'panel' }, h('h2', 'Add a user'), h('form', {
    class: 'fields', novalidate: true,
    onSubmit: async (event) => {
      event.preventDefault();
      Object.values(fields).forEach((f) => setFieldError(f, ''));
      mount(box);
      try {
        const created = await postJson('/api/v1/users', Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.control.value.trim()])));
        notify(`${created.username} created as ${created.role}`);
        await users(root);
      } catch (e) {
        placeErrors(e, fields, box);
      }
    },
  }, Object.values(fields), h('div', { class: 'actions full' }, h('button', { type: 'submit', class: 'primary' }, 'Create user')),
  h('div', { class: 'full' }, box))) : null;
  mount(root, table(['User', 'E-mail', 'Role', 'Status', '', 'Created', ''], rows, { className: 'users' }), create);
}

async function plugins(root) {
  const list = await get('/api/v1/plugins');
  const manage = can('plugins:manage');
  const checks = h('div', { id: 'plugin-checks' });
  const act = async (id, action) => {
    try {
      const answer = await postJson(`/api/v1/plugins/${encodeURIComponent(id)}/${action}`);
      if (action === 'check') {
        mount(checks, h('section', { class: 'panel' }, h('h2', `Connection check of ${id}`), answer.length ? h('ul', answer.map((c) => h('li',
          badge(c.result.ok ? 'ok' : 'failed', c.result.ok ? 'ok' : 'bad'), ` ${c.source}: ${c.result.message}`,
          c.result.problems.length ? h('ul', c.result.problems.map((p) => h('li', p.message))) : null))) : h('p', 'This plugin has no market-data source to check.')));
      } else {
        notify(`${id}: ${action} done`);
        await plugins(root);
      }
    } catch (e) {
      notify(`${id}: ${e.message}`, 'bad');
    }
  };
  const rows = list.map((p) => {
    const provides = [...(p.sources || []).map((s) => `source ${s.name}`), ...p.enrichers.map((e) => `enricher ${e}`),
      ...p.writers.map((w) => `writer ${w}`), ...p.rankers.map((r) => `ranker ${r}`)];
    const healthKind = p.health === 'HEALTHY' ? 'ok' : p.health === 'OFF' ? '' : p.health === 'FAILED' ? 'bad' : 'warn';
    return {
      attrs: { dataset: { plugin: p.id } },
      cells: [h('span', h('strong', p.id), h('br'), h('span', { class: 'small muted' }, `${p.version} · API ${p.requires}`)), h('span', { class: 'small' }, provides.join(', ')),
        p.enabled ? badge('on', 'ok') : badge('off'), p.state.toLowerCase(), badge(p.health.toLowerCase(), healthKind), p.problem || '',
        manage ? h('div', { class: 'actions' },
          h('button', { type: 'button', onClick: () => act(p.id, p.enabled ? 'disable' : 'enable') }, p.enabled ? 'Disable' : 'Enable'),
          h('button', { type: 'button', onClick: () => act(p.id, 'check'), disabled: !p.enabled }, 'Check'),
          h('button', { type: 'button', onClick: () => act(p.id, 'reload') }, 'Reload')) : null],
    };
  });
  mount(root, manage ? h('div', { class: 'actions' }, h('button', {
    type: 'button', id: 'scan-plugins',
    onClick: async () => {
      try {
        const found = await postJson('/api/v1/plugins/scan');
        notify(`${found.length} plugin(s) after the scan`);
        await plugins(root);
      } catch (e) {
        notify(e.message, 'bad');
      }
    },
  }, 'Scan for new plugin jars')) : null, table(['Plugin', 'Provides', 'Switch', 'State', 'Health', 'Problem', ''], rows, { className: 'plugins' }), checks);
}

async function audit(root, ctx) {
  const PAGE = 100;
  let offset = 0;
  const fields = {
    actor: field('Who', h('input', { id: 'audit-actor', placeholder: 'username' })),
    action: field('Action', h('input', { id: 'audit-action', placeholder: 'e.g. rules.publish' })),
    from: field('From', h('input', { id: 'audit-from', type: 'datetime-local' })),
    to: field('To', h('input', { id: 'audit-to', type: 'datetime-local' })),
  };
  const box = h('div', { id: 'audit-events' });
  const iso = (local) => (local ? new Date(local).toISOString() : '');
  const load = async () => {
    Object.values(fields).forEach((f) => setFieldError(f, ''));
    try {
      const events = await get(`/api/v1/audit${query({
        actor: fields.actor.control.value.trim(), action: fields.action.control.value.trim(),
        from: iso(fields.from.control.value), to: iso(fields.to.control.value), limit: PAGE, offset,
      })}`);
      if (!ctx.active()) return;
      mount(box, table(['When', 'Who', 'Action', 'On', 'Outcome', 'Details', 'From'], events.map((e) => [dateTime(e.at), e.actor, h('code', e.action),
        e.resource, badge(e.outcome.toLowerCase(), e.outcome === 'SUCCESS' ? 'ok' : 'bad'), e.details || '', e.ip || ''])),
      h('div', { class: 'pager' }, offset > 0 ? h('button', { type: 'button', onClick: () => { offset -= PAGE; load(); } }, 'Newer') : null,
        events.length === PAGE ? h('button', { type: 'button', onClick: () => { offset += PAGE; load(); } }, 'Older') : null));
    } catch (e) {
      placeErrors(e, fields, box);
    }
  };
  mount(root, h('form', {
    class: 'fields panel', novalidate: true, role: 'search', 'aria-label': 'Filter the audit trail',
    onSubmit: (event) => {
      event.preventDefault();
      offset = 0;
      load();
    },
  }, Object.values(fields), h('div', { class: 'actions full' }, h('button', { type: 'submit', class: 'primary' }, 'Show events'))), box);
  await load();
}

export async function renderAdmin(ctx) {
  const allowed = TABS.filter((t) => can(t.permission));
  if (!allowed.length) {
    mount(ctx.root, pageHead('Admin'), h('p', 'Your role has no administration rights.'));
    return;
  }
  const tab = allowed.find((t) => t.id === ctx.params.tab);
  if (!tab) {
    navigate(`/admin/${allowed[0].id}`);
    return;
  }
  const body = h('div', { id: `admin-${tab.id}` }, h('p', { class: 'loading' }, 'Loading…'));
  mount(ctx.root, pageHead('Admin'), h('nav', { class: 'tabs', 'aria-label': 'Admin sections' },
    allowed.map((t) => h('a', { href: `#/admin/${t.id}`, 'aria-current': t.id === tab.id ? 'page' : null }, t.label))), body);
  if (tab.id === 'users') await users(body);
  else if (tab.id === 'plugins') await plugins(body);
  else await audit(body, ctx);
}

