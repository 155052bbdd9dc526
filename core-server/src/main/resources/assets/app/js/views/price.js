// Price a job: the form, occupation suggestions from the O*NET enricher, skill suggestions from the
// premium table and the occupation's skills. The server validates; its messages land at the fields.
import { ApiError, can, get, postJson } from '../api.js';
import { debounce, field, h, mount, setFieldError } from '../dom.js';
import { pct, socCode, today } from '../format.js';
import { activeVersion, tableRows } from '../rulefiles.js';
import { errorPanel, navigate, pageHead } from '../shell.js';
import { remember } from './quote.js';

const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'NL', 'IE', 'ES', 'IT', 'PL', 'SE', 'CH', 'CA', 'MX', 'BR', 'IN', 'SG', 'JP', 'AU'];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'INR', 'SGD', 'JPY', 'AUD'];
/** What the analyst typed last, kept while the page is open. */
const last = { title: '', occupationCode: '', level: '', country: 'US', area: '', currency: '', asOf: '', skills: [], description: '' };

function datalist(id, options) {
  return h('datalist', { id }, options.map((o) => h('option', { value: o.value, label: o.label || null })));
}

async function policyLists() {
  try {
    const version = await activeVersion();
    const [levels, areas, rounding, premiums] = await Promise.all([
      tableRows(version, 'Level factors'), tableRows(version, 'Area index'), tableRows(version, 'Rounding'),
      tableRows(version, 'Skill premiums'),
    ]);
    return {
      levels: levels.map((r) => r.Level).filter(Boolean),
      areas: areas.map((r) => r.Area).filter((a) => a && a !== '*'),
      currencies: rounding.map((r) => Object.values(r)[0]).filter((c) => c && c !== '*'),
      premiums: premiums.map((r) => ({ skill: r.Skill, premium: Number(r.Premium) })).filter((r) => r.skill),
    };
  } catch (e) {
    return { levels: [], areas: [], currencies: [], premiums: [] };
  }
}

export async function render(ctx) {
  // the form is shown at once; the policy tables' levels, areas and premium skills fill it when they arrive
  const pending = policyLists();
  const lists = { levels: [], areas: [], currencies: [], premiums: [] };
  const fields = {};
  const input = (name, attrs = {}) => h('input', { id: `price-${name}`, name, value: last[name] || '', ...attrs });

  fields.title = field('Job title', input('title', { required: true, autocomplete: 'off', maxlength: 200, 'data-autofocus': true }),
    { className: 'wide', hint: 'As your organisation writes it, e.g. “Senior Backend Engineer”.' });
  const suggestions = h('ul', { class: 'suggestions', id: 'occupation-suggestions', 'aria-label': 'Occupation suggestions' });
  fields.occupationCode = field('Occupation (SOC code)', input('occupationCode', {
    autocomplete: 'off', maxlength: 20, placeholder: 'e.g. 15-1252', spellcheck: 'false',
  }), {
    className: 'wide',
    hint: can('ai:use') ? 'Pick a suggestion below, or leave empty to let the engine infer it from the title (and say how sure it is).'
      : 'Leave empty to let the engine infer it from the title.',
  });
  fields.occupationCode.append(suggestions);

  let levelControl = h('select', { id: 'price-level', name: 'level', required: true },
    h('option', { value: last.level || 'IC3' }, last.level || 'IC3'));
  fields.level = field('Level', levelControl, { hint: 'From the level table of the active rules.' });
  fields.country = field('Country', input('country', {
    required: true, maxlength: 2, list: 'country-list', autocomplete: 'off', spellcheck: 'false',
  }), { hint: 'ISO code, e.g. US' });
  fields.area = field('Area', input('area', { list: 'area-list', autocomplete: 'off', maxlength: 32, placeholder: 'optional' }),
    { hint: 'e.g. US-NYC; empty = the whole country' });
  fields.currency = field('Currency', input('currency', {
    list: 'currency-list', autocomplete: 'off', maxlength: 3, placeholder: 'optional', spellcheck: 'false',
  }), { hint: "Empty = the country's currency" });
  fields.asOf = field('As of', input('asOf', { type: 'date', value: last.asOf || today() }), { hint: 'Market data is aged to this date.' });

  // skills: chips, added with Enter or the Add button
  const skills = [...last.skills];
  const chips = h('ul', { class: 'chips', id: 'skill-chips', 'aria-label': 'Skills added' });
  const skillInput = h('input', { id: 'price-skill', list: 'skill-list', autocomplete: 'off', maxlength: 100, placeholder: 'e.g. Kubernetes' });
  const drawChips = () => mount(chips, skills.map((skill, i) => h('li', { class: 'chip' }, skill, h('button', {
    type: 'button', 'aria-label': `Remove skill ${skill}`,
    onClick: () => {
      skills.splice(i, 1);
      drawChips();
      skillInput.focus();
    },
  }, '×'))));
  const addSkill = () => {
    const value = skillInput.value.trim();
    if (value && !skills.some((x) => x.toLowerCase() === value.toLowerCase())) skills.push(value);
    skillInput.value = '';
    drawChips();
  };
  skillInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && skillInput.value.trim()) {
      event.preventDefault();
      addSkill();
    }
  });
  const skillList = datalist('skill-list', []);
  fields.skills = field('Skills', skillInput, { className: 'wide', hint: 'Press Enter to add.' });
  const entry = h('div', { class: 'skill-entry' });
  skillInput.replaceWith(entry);
  entry.append(skillInput, h('button', { type: 'button', onClick: addSkill, id: 'add-skill' }, 'Add'));
  fields.skills.append(chips);
  drawChips();

  fields.description = field('Job description', h('textarea', {
    id: 'price-description', name: 'description', maxlength: 20000, rows: 3, value: last.description,
  }), { className: 'full', hint: 'Optional: the engine can infer the occupation and skills from it.' });

  const formError = h('div', { class: 'form-error full', role: 'alert', tabindex: '-1', id: 'price-error' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'price-submit' }, 'Price job');

  // occupation suggestions as the title is typed
  let asked = 0;
  const suggest = debounce(async () => {
    const title = fields.title.control.value.trim();
    if (!can('ai:use') || title.length < 3) {
      mount(suggestions);
      return;
    }
    asked += 1;
    const mine = asked;
    try {
      const answer = await postJson('/api/v1/ai/occupation-matches', {
        title, description: fields.description.control.value.trim() || undefined, limit: 5,
      });
      if (mine !== asked || !ctx.active()) return;
      mount(suggestions, answer.matches.map((m, i) => h('li', h('button', {
        type: 'button', class: 'suggestion', id: `suggestion-${i}`, dataset: { code: socCode(m.code) }, title: m.reason,
        onClick: () => {
          fields.occupationCode.control.value = socCode(m.code);
          setFieldError(fields.occupationCode, '');
          loadOccupationSkills();
          levelControl.focus();
        },
      }, h('span', h('strong', socCode(m.code)), ` ${m.title}`), h('span', { class: 'score' }, `${pct(m.score, 0)} match`)))));
    } catch (e) {
      // suggestions are a help, not a step: a missing enricher (503) just shows none
      if (mine === asked) mount(suggestions, h('li', { class: 'hint' }, e.message));
    }
  }, 350);
  fields.title.control.addEventListener('input', suggest);

  const occupationSkills = new Map();
  const loadOccupationSkills = debounce(async () => {
    const code = socCode(fields.occupationCode.control.value.trim());
    if (!can('ai:use') || !/^\d\d-\d{4}$/.test(code)) return;
    try {
      if (!occupationSkills.has(code)) {
        occupationSkills.set(code, (await get(`/api/v1/ai/occupations/${encodeURIComponent(code)}.00/skills?limit=30`)).skills);
      }
      const premiumNames = new Set(lists.premiums.map((p) => p.skill.toLowerCase()));
      mount(skillList, lists.premiums.map((p) => h('option', { value: p.skill, label: `premium +${pct(p.premium)}` })),
        occupationSkills.get(code).filter((sk) => !premiumNames.has(sk.name.toLowerCase()))
          .map((sk) => h('option', { value: sk.name, label: sk.hot ? 'in demand' : 'O*NET' })));
    } catch (e) {
      occupationSkills.set(code, []);
    }
  }, 300);
  fields.occupationCode.control.addEventListener('input', loadOccupationSkills);

  const form = h('form', {
    class: 'fields', id: 'price-form', novalidate: true,
    onSubmit: async (event) => {
      event.preventDefault();
      if (skillInput.value.trim()) addSkill();
      Object.values(fields).forEach((f) => setFieldError(f, ''));
      formError.textContent = '';
      const value = (name) => fields[name].control.value.trim();
      Object.assign(last, {
        title: value('title'), occupationCode: value('occupationCode'), level: value('level'), country: value('country'),
        area: value('area'), currency: value('currency'), asOf: value('asOf'), skills: [...skills], description: value('description'),
      });
      const request = {
        title: last.title,
        occupationCode: last.occupationCode || undefined,
        level: last.level,
        country: last.country.toUpperCase(),
        area: last.area || undefined,
        currency: last.currency ? last.currency.toUpperCase() : undefined,
        asOf: last.asOf || undefined,
        skills: skills.length ? skills : undefined,
        description: last.description || undefined,
      };
      submit.disabled = true;
      submit.textContent = 'Pricing…';
      try {
        const quote = await postJson('/api/v1/pricing/quotes', request);
        remember(quote);
        navigate(`/quotes/${quote.id}`);
      } catch (error) {
        showError(error, fields, formError);
      } finally {
        submit.disabled = false;
        submit.textContent = 'Price job';
      }
    },
  }, formError, fields.title, fields.occupationCode, fields.level, fields.country, fields.area, fields.currency,
  fields.asOf, fields.skills, fields.description,
  h('div', { class: 'actions full' }, submit, h('span', { class: 'hint' }, 'Every quote is stored and gets its own link.')),
  datalist('country-list', COUNTRIES.map((c) => ({ value: c }))),
  datalist('area-list', []), datalist('currency-list', CURRENCIES.map((c) => ({ value: c }))), skillList);

  mount(ctx.root, pageHead('Price a job'), h('div', { class: 'panel' }, form));
  if (last.occupationCode) loadOccupationSkills();

  pending.then((loaded) => {
    if (ctx.active()) fillLists(loaded);
  });

  function fillLists(loaded) {
    Object.assign(lists, loaded);
    const chosen = levelControl.value;
    if (lists.levels.length) {
      mount(levelControl, lists.levels.map((l) => h('option', { value: l, selected: l === chosen }, l)));
    } else {
      // no readable level table: the level is typed, and the server says whether it knows it
      const typed = input('level', { required: true, placeholder: 'IC3', value: chosen, 'aria-describedby': levelControl.getAttribute('aria-describedby') });
      levelControl.replaceWith(typed);
      levelControl = typed;
      fields.level.control = typed;
    }
    mount(form.querySelector('#area-list'), lists.areas.map((a) => h('option', { value: a })));
    mount(form.querySelector('#currency-list'), [...new Set([...lists.currencies, ...CURRENCIES])].map((c) => h('option', { value: c })));
    mount(skillList, lists.premiums.map((p) => h('option', { value: p.skill, label: `premium +${pct(p.premium)}` })));
    if (lists.premiums.length) {
      fields.skills.querySelector('.hint').textContent = `Press Enter to add. Premium skills: ${lists.premiums.map((p) => p.skill).join(', ')}.`;
    }
    // read by bench/webapp: the form is complete
    performance.mark('price-form-complete');
  }
}

/** The server's field errors at their fields (skills[0] at the skills field); the rest above the form. */
function showError(error, fields, formError) {
  const details = (error instanceof ApiError && error.details) || [];
  let placed = 0;
  for (const d of details) {
    const name = d && d.field ? d.field.replace(/\[\d+\]$/, '') : null;
    if (name && fields[name]) {
      setFieldError(fields[name], name === d.field ? d.message : `${d.field}: ${d.message}`);
      placed += 1;
    }
  }
  if (placed) {
    const first = Object.values(fields).find((f) => f.control.getAttribute('aria-invalid') === 'true');
    if (first) first.control.focus();
    if (placed < details.length || !details.length) formError.textContent = error.message;
    return;
  }
  if (error.status === 422) {
    formError.replaceChildren(errorPanel(error, 'Not enough market data to price this job'));
  } else {
    formError.textContent = error.message;
  }
  formError.focus();
}
