// The console's entry: sign in with a token (kept in sessionStorage, never in a URL), ask the
// server whose it is (GET /api/v1/me), then show that role's desk or a ticket (#/ticket/<id>).
import { token, setToken, ApiError } from './api.js';
import { h, fill, notice, complete } from './dom.js';
import * as w from './words.js';
import { session, load, refreshClock } from './session.js';
import { when } from './time.js';
import { operatorView } from './operator.js';
import { departmentView } from './department.js';
import { supervisorView } from './supervisor.js';
import { adminView } from './admin.js';
import { ticketPage } from './ticket.js';

const app = document.getElementById('app');
const views = { operator: operatorView, department: departmentView, supervisor: supervisorView, admin: adminView };

function signIn(message) {
  fill(document.getElementById('who'));
  const input = h('input', { name: 'token', type: 'password', required: true, autocomplete: 'off', autofocus: true });
  const form = h('form.signin', { novalidate: true },
    h('h1', {}, '登录'),
    h('p', {}, '请输入管理员发放的访问令牌。令牌只保存在本浏览器标签页中，关闭后需重新登录。'),
    h('label.field', {}, h('span.label', {}, '访问令牌'), input),
    h('button', { type: 'submit' }, '登录'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!complete(form)) return;
    setToken(input.value.trim());
    notice('');
    await start();
  });
  fill(app, form);
  if (message) notice(message);
  input.focus();
}

function signOut() {
  setToken(null);
  location.hash = '#/';
  signIn();
}

function header() {
  const me = session.me;
  fill(document.getElementById('who'),
    h('span.jurisdiction', {}, me.jurisdiction_name.replace(/\s*\(.*\)$/, '')),
    h('span.user', {}, `${w.say(w.roles, me.role)}：${me.display_name}`),
    h('span.clock', { title: '服务器时钟' }, `北京时间 ${when(me.now)}`),
    h('button.small', { type: 'button', onclick: signOut }, '退出'));
}

async function route() {
  try {
    await refreshClock();
    const m = /^#\/ticket\/(.+)$/.exec(location.hash);
    if (m) await ticketPage(app, decodeURIComponent(m[1]));
    else if (views[session.me.role]) await views[session.me.role](app);
    else fill(app, h('p', {}, `该令牌的角色（${session.me.role}）没有工作台。`));
    window.scrollTo(0, 0);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return signIn('令牌无效或已失效，请重新登录。');
    notice(e.message);
  }
}

async function start() {
  if (!token()) return signIn();
  try {
    await load();
  } catch (e) {
    setToken(null);
    return signIn(e instanceof ApiError && e.status === 401 ? '令牌无效，请重新输入。' : e.message);
  }
  await route();
}

document.addEventListener('hotline:me', header);
window.addEventListener('hashchange', () => {
  if (document.getElementById('notice').className === 'error') notice(''); // what was done stays said
  if (token()) route();
});
start();
