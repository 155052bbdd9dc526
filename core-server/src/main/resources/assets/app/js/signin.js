// Sign-in and the forced first password change.
import { ApiError, changePassword, signIn } from './api.js';
import { field, h, mount, setFieldError } from './dom.js';

/** The server's field errors at their fields; everything else in the form's error box. */
export function showErrors(error, fields, formError) {
  const details = (error && error.details) || [];
  let placed = false;
  for (const d of details) {
    const target = d && fields[d.field];
    if (target) {
      setFieldError(target, d.message);
      placed = true;
    }
  }
  formError.textContent = placed && error.status === 400 ? '' : error.message;
  if (!placed || error.status !== 400) formError.focus();
}

function clear(fields, formError) {
  Object.values(fields).forEach((f) => setFieldError(f, ''));
  formError.textContent = '';
}

/** The sign-in form; {@code done} runs once the user is fully signed in. */
export function renderSignIn(main, done, message) {
  const username = field('Username or e-mail', h('input', { autocomplete: 'username', required: true, id: 'login-username' }));
  const password = field('Password', h('input', {
    type: 'password', autocomplete: 'current-password', required: true, id: 'login-password',
  }));
  const formError = h('div', { class: 'form-error', role: 'alert', tabindex: '-1', id: 'login-error' });
  const info = message ? h('p', { class: 'alert ok', role: 'status', id: 'login-info' }, message) : null;
  const submit = h('button', { type: 'submit', class: 'primary', id: 'login-submit' }, 'Sign in');
  const form = h('form', {
    novalidate: true,
    onSubmit: async (event) => {
      event.preventDefault();
      clear({ username, password }, formError);
      if (!username.control.value.trim()) {
        setFieldError(username, 'Enter your username or e-mail.');
        username.control.focus();
        return;
      }
      if (!password.control.value) {
        setFieldError(password, 'Enter your password.');
        password.control.focus();
        return;
      }
      submit.disabled = true;
      try {
        const name = username.control.value.trim();
        const current = password.control.value;
        const result = await signIn(name, current);
        if (result.passwordChangeRequired) renderPasswordChange(main, name, current, done);
        else done();
      } catch (error) {
        showErrors(error instanceof ApiError ? error : new ApiError(0, 'ERROR', String(error)),
          { username, password }, formError);
      } finally {
        submit.disabled = false;
      }
    },
  }, info, formError, username, password, submit);
  mount(main, h('section', { class: 'signin panel' }, h('h1', 'Job Pricing'),
    h('p', { class: 'muted' }, 'Sign in to price jobs and manage pay policy.'), form));
  username.control.focus();
}

/** A user with a one-time password chooses their own before anything else. */
export function renderPasswordChange(main, username, currentPassword, done) {
  const next = field('New password', h('input', {
    type: 'password', autocomplete: 'new-password', required: true, id: 'new-password',
  }), { hint: 'At least 12 characters, not containing your username or e-mail, not a common password.' });
  const again = field('Repeat the new password', h('input', {
    type: 'password', autocomplete: 'new-password', required: true, id: 'new-password-again',
  }));
  const formError = h('div', { class: 'form-error', role: 'alert', tabindex: '-1', id: 'password-error' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'password-submit' }, 'Set password and continue');
  const form = h('form', {
    novalidate: true,
    onSubmit: async (event) => {
      event.preventDefault();
      clear({ next, again }, formError);
      if (next.control.value !== again.control.value) {
        setFieldError(again, 'The two passwords differ.');
        again.control.focus();
        return;
      }
      submit.disabled = true;
      try {
        await changePassword(username, currentPassword, next.control.value);
        done();
      } catch (error) {
        showErrors(error, { newPassword: next, currentPassword: next }, formError);
        if (error.details && error.details.length) next.control.focus();
      } finally {
        submit.disabled = false;
      }
    },
  }, formError, next, again, submit);
  mount(main, h('section', { class: 'signin panel', id: 'password-change' }, h('h1', 'Choose your password'),
    h('p', { class: 'muted' }, 'Your account has a one-time password. Choose a password of your own to continue.'), form));
  next.control.focus();
}
