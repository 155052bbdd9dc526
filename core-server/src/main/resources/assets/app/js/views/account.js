// The signed-in user's account: who they are, what their role may do, and a password change.
import { changePassword, currentUser } from '../api.js';
import { badge, field, h, mount, setFieldError } from '../dom.js';
import { showErrors } from '../signin.js';
import { notify, pageHead } from '../shell.js';

export async function render(ctx) {
  const user = currentUser();
  const current = field('Current password', h('input', { type: 'password', id: 'account-current', autocomplete: 'current-password' }));
  const next = field('New password', h('input', { type: 'password', id: 'account-new', autocomplete: 'new-password' }),
    { hint: 'At least 12 characters, not containing your username or e-mail, not a common password.' });
  const formError = h('div', { class: 'form-error', role: 'alert', tabindex: '-1' });
  const form = h('form', {
    class: 'panel', novalidate: true,
    onSubmit: async (event) => {
      event.preventDefault();
      [current, next].forEach((f) => setFieldError(f, ''));
      formError.textContent = '';
      try {
        await changePassword(user.username, current.control.value, next.control.value);
        current.control.value = '';
        next.control.value = '';
        notify('Password changed. Other sessions are signed out.');
      } catch (e) {
        showErrors(e, { currentPassword: current, newPassword: next }, formError);
      }
    },
  }, h('h2', 'Change your password'), formError, current, next, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Change password')));
  mount(ctx.root, pageHead('Your account'),
    h('section', { class: 'panel' }, h('dl', { class: 'kv' }, h('dt', 'Username'), h('dd', user.username), h('dt', 'E-mail'), h('dd', user.email),
      h('dt', 'Role'), h('dd', badge(user.role, 'info')), h('dt', 'May'), h('dd', { id: 'permissions' }, user.permissions.map((p) => h('code', `${p} `))))),
    form);
}
