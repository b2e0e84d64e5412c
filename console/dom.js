// Small DOM helpers: build elements without innerHTML (text from the server is never markup).

/** h('tag.class', {attr: value, onclick: fn}, child, ...): children are nodes, text or arrays. */
export function h(spec, attrs, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/** Replaces the children of `el`. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** The page-wide message line: an error from the server, or what just happened. */
export function notice(text, kind) {
  const el = document.getElementById('notice');
  if (!text) {
    el.hidden = true;
    return;
  }
  el.className = kind || 'error';
  el.textContent = text;
  el.hidden = false;
}

/** A table: `columns` are [heading, row => cell]; `empty` shows when there are no rows. */
export function table(columns, rows, empty) {
  if (!rows.length) return h('p.muted', {}, empty || '暂无');
  return h('table', {},
    h('thead', {}, h('tr', {}, columns.map(([title]) => h('th', {}, title)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, columns.map(([, cell]) => h('td', {}, cell(r)))))));
}

/** A labelled form field. */
export function field(label, input) {
  return h('label.field', {}, h('span.label', {}, label), input);
}

/** A <select> of [value, text] pairs; `blank` adds an empty first choice with that text. */
export function select(name, options, blank, required) {
  return h('select', { name, required },
    blank !== undefined ? h('option', { value: '' }, blank) : null,
    options.map(([value, text]) => h('option', { value }, text)));
}

/** A section with a heading. */
export function section(title, ...children) {
  return h('section.card', {}, h('h2', {}, title), children);
}

/** A link to a ticket's page. */
export function ticketLink(id, text) {
  return h('a', { href: `#/ticket/${encodeURIComponent(id)}` }, text || id);
}

/** Whether every required field of `form` is filled; if not, says which (in Chinese: the
 *  browser's own bubble speaks the browser's language) and focuses it. */
export function complete(form) {
  for (const el of form.querySelectorAll('[required]')) {
    if (el.value.trim() !== '') continue;
    const label = el.closest('label');
    const name = label ? label.querySelector('.label').textContent : el.name;
    notice(`请填写：${name}`);
    el.focus();
    return false;
  }
  return true;
}
