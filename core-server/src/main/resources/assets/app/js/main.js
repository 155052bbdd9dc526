// Boot: resume the session from the refresh cookie (or sign in), then route by the URL's hash.
import { can, onSession, resume, signOut } from './api.js';
import { h, mount } from './dom.js';
import { errorPanel, notify, renderShell, route } from './shell.js';
import { renderSignIn } from './signin.js';

const views = {
  price: () => import('./views/price.js'),
  quote: () => import('./views/quote.js'),
  history: () => import('./views/history.js'),
  batch: () => import('./views/batch.js'),
  rules: () => import('./views/rules.js'),
  table: () => import('./views/table.js'),
  market: () => import('./views/market.js'),
  admin: () => import('./views/admin.js'),
  account: () => import('./views/account.js'),
  structures: () => import('./views/structures.js'),
  postings: () => import('./views/postings.js'),
  employees: () => import('./views/employees.js'),
};

const ROUTES = [
  { path: '/price', load: views.price, permission: 'pricing:create' },
  { path: '/quotes', load: views.history, permission: 'pricing:read' },
  { path: '/quotes/:id', load: views.quote, permission: 'pricing:read' },
  { path: '/batch', load: views.batch, permission: 'pricing:batch' },
  { path: '/rules', load: views.rules, view: 'renderVersions', permission: 'rules:read' },
  { path: '/rules/:version', load: views.rules, view: 'renderVersion', permission: 'rules:read' },
  { path: '/rules/:version/files/:file', load: views.table, permission: 'rules:read' },
  { path: '/market', load: views.market, permission: 'market-data:read' },
  { path: '/employees', load: views.employees, permission: 'employees:read' },
  { path: '/admin', load: views.admin, view: 'renderAdmin' },
  { path: '/admin/:tab', load: views.admin, view: 'renderAdmin' },
  { path: '/account', load: views.account },
  { path: '/structures', load: views.structures, view: 'renderList', permission: 'structures:read' },
  { path: '/structures/:id', load: views.structures, view: 'renderStructure', permission: 'structures:read' },
  { path: '/postings', load: views.postings, permission: 'postings:read' },
];

function home() {
  return can('pricing:create') ? '/price' : '/quotes';
}

const main = document.getElementById('main');
let signedIn = false;

function showSignIn(message) {
  signedIn = false;
  renderShell(userSignsOut);
  renderSignIn(main, () => {
    signedIn = true;
    renderShell(userSignsOut);
    route(ROUTES, home);
  }, message);
}

async function userSignsOut() {
  signedIn = false;
  await signOut().catch(() => null);
  showSignIn('You have signed out.');
}

onSession((user) => {
  if (!user && signedIn) showSignIn('Your session has ended. Please sign in again.');
});

window.addEventListener('hashchange', () => {
  if (signedIn) route(ROUTES, home);
});

window.addEventListener('unhandledrejection', (event) => {
  notify(String(event.reason && event.reason.message || event.reason), 'bad');
});

async function boot() {
  try {
    if (await resume()) {
      signedIn = true;
      renderShell(userSignsOut);
      await route(ROUTES, home);
    } else {
      showSignIn();
    }
  } catch (error) {
    mount(main, errorPanel(error, 'The app could not start'), h('p', h('button', { type: 'button', onClick: boot }, 'Try again')));
  }
}

boot();
