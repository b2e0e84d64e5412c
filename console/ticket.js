// A ticket's page: what was asked, who holds it, its deadlines with the time left, the sign-offs
// it needs and has, open requests, the history in words, and the actions this role may take.
import { call, query } from './api.js';
import { h, fill, notice, table, section } from './dom.js';
import * as w from './words.js';
import { deptName, session } from './session.js';
import { when, left, urgency, workingLeft, now, shanghaiDay } from './time.js';
import { sentence, actor } from './history.js';
import { actionsFor, actionForm } from './actions.js';
import { attachmentsSection } from './attachments.js';

function facts(t) {
  const caller = t.citizen === null ? '匿名'
    : t.citizen.redacted ? '（保密件：来电人信息不向承办单位显示）'
      : [t.citizen.name, t.citizen.phone].filter(Boolean).join('，') || '匿名';
  const rows = [
    ['状态', h('span', { class: `status s-${t.status}` }, w.say(w.statuses, t.status)) ],
    ['类型', `${w.say(w.types, t.type)}（${w.say(w.channels, t.channel)}）`],
    ['登记时间', when(t.created_at)],
    ['来电人', caller],
    ['区域 / 类别', `${t.region || '—'} / ${t.topic || '—'}`],
    ['主办单位', deptName(t.lead_department)],
    ['协办单位', t.co_reports.length ? t.co_reports.map((c) =>
      `${deptName(c.department)}（${c.reported_at ? `已报送 ${when(c.reported_at)}` : c.overdue ? '超期未报送' : `报送时限 ${when(c.due)}`}）`).join('；') : '—'],
    ['来电次数', t.repeat_count ? `第 ${t.repeat_count + 1} 次（关联 ${t.related_to || '—'}）` : '首次'],
    ['督办', w.say(w.supervisionLevels, t.supervision_level)],
    ['超期', t.overdue ? h('span.due.overdue', {}, '是') : '否'],
    ['重办 / 延期', `${t.rework_count} 次 / ${t.extension_count} 次`],
    ['评价', t.evaluation === 'satisfied' ? '满意' : t.evaluation === 'dissatisfied' ? '不满意' : '—'],
  ];
  if (t.key_source) rows.push(['重点件', w.say(w.keySources, t.key_source)]);
  if (t.confidential) rows.push(['保密', '是']);
  if (t.caller_blocked) rows.push(['屏蔽', '该来电号码已屏蔽']);
  if (t.archived) rows.push(['归档', `保存至 ${t.retain_until || '—'}`]);
  return h('dl.facts', {}, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function overdueKinds(t) {
  return new Set((t.history || []).map((e) => /^(.*)_overdue$/.exec(e.event)).filter(Boolean).map((m) => m[1]));
}

// The events that meet each deadline, and those that set it anew (workflow/events.h): a
// deadline is met when the last of the first comes after the last of the second.
const meets = {
  dispatch: ['dispatched', 'answered', 'declined', 'forwarded'], sign: ['signed', 'deemed_signed'],
  return: ['signed', 'deemed_signed', 'return_requested'], contact: ['contacted'], plan: ['plan_submitted'],
  handle: ['replied'], handle_term: ['replied', 'extension_requested'],
};
const sets = {
  dispatch: ['submitted', 'reopened', 'return_approved'], sign: ['dispatched', 'return_rejected'], return: ['dispatched'],
  contact: ['dispatched', 'signed', 'deemed_signed'], plan: ['signed', 'deemed_signed', 'supervised'],
  handle: ['signed', 'deemed_signed', 'extension_approved', 'rework_started'],
  handle_term: ['signed', 'deemed_signed', 'extension_approved', 'rework_started'],
};

function met(t, kind) {
  if (kind === 'co_report') return t.co_reports.every((c) => c.reported_at);
  const last = (names) => Math.max(0, ...(t.history || []).filter((e) => (names || []).includes(e.event)).map((e) => e.seq));
  return last(meets[kind]) > last(sets[kind]);
}

const ended = ['closed', 'terminated', 'declined'];

function deadlines(t, calendar) {
  const late = overdueKinds(t);
  const rows = Object.entries(t.deadlines).filter(([, due]) => due).map(([kind, due]) => ({ kind, due }));
  return table([
    ['时限', (r) => w.say(w.deadlineKinds, r.kind)],
    ['到期（北京时间）', (r) => when(r.due)],
    ['剩余', (r) => {
      if (met(t, r.kind)) return h('span.due.done', {}, late.has(r.kind) ? '已完成（曾超期）' : '已完成');
      if (ended.includes(t.status)) return h('span.due.done', {}, '已结束');
      const u = urgency(r.due);
      const tag = late.has(r.kind) ? '已超期' : u === 'overdue' ? '已过' : u === 'today' ? '今日到期' : '';
      return h('span', { class: `due ${late.has(r.kind) ? 'overdue' : u}` }, left(r.due), tag ? `（${tag}）` : '');
    }],
    ['剩余工作时间', (r) => {
      if (!calendar || met(t, r.kind) || ended.includes(t.status)) return '';
      const working = workingLeft(r.due, calendar);
      return working ? `剩 ${working}` : '';
    }],
    ['临时日历', (r) => (t.provisional.includes(r.kind) ? '是（当年官方安排未发布）' : '')],
  ], rows, '暂无时限');
}

/** The working days from today to the last deadline still ahead, or null (none ahead, or a
 *  server without GET /api/v1/calendar). */
async function calendarFor(t) {
  const ahead = Object.values(t.deadlines).filter((d) => d && Date.parse(d) > now());
  if (!ahead.length) return null;
  const to = shanghaiDay(Math.max(...ahead.map(Date.parse)));
  try {
    return await call(`/api/v1/calendar${query({ from: shanghaiDay(now()), to })}`);
  } catch (e) {
    return null;
  }
}

function signOffs(t) {
  const rows = Object.entries(t.sign_off_chain).filter(([, chain]) => chain.length).map(([step, chain]) => ({ step, chain }));
  return table([
    ['环节', (r) => w.say(w.steps, r.step)],
    ['须签批', (r) => r.chain.map((l) => w.say(w.levels, l)).join(' → ')],
  ], rows, '当前无须领导签批');
}

function approvals(t) {
  return table([
    ['环节', (a) => w.say(w.steps, a.step)],
    ['层级', (a) => w.say(w.levels, a.level)],
    ['签批人', (a) => `${a.name}${a.post ? `（${a.post}）` : ''}`],
    ['时间', (a) => when(a.at)],
  ], t.approvals, '尚无签批');
}

function pending(t) {
  const rows = Object.entries(t.pending).filter(([, p]) => p).map(([kind, p]) => ({ kind, p }));
  return table([
    ['申请', (r) => w.say(w.pendingKinds, r.kind)],
    ['内容', (r) => [r.p.working_days ? `${r.p.working_days} 个工作日；` : '', r.p.reason || '',
      r.p.basis ? `；依据：${r.p.basis}` : '', r.p.suggest ? `；建议：${r.p.suggest}` : ''].join('')],
    ['申请时间', (r) => when(r.p.at)],
  ], rows, '无待审批申请');
}

function timeline(t) {
  return h('ol.timeline', {}, (t.history || []).map((e) => h('li', { class: `ev-${e.event}` },
    h('span.at', {}, when(e.at)), h('span.by', {}, actor(e.by)), h('span.what', {}, sentence(e)))));
}

/** Who may upload (docs/http-api.md, "Attachments"): center staff while the ticket is open, a
 *  unit that holds it while it is handled or replied. */
function mayUpload(t) {
  const role = session.me.role;
  if (role === 'operator' || role === 'supervisor') return !ended.includes(t.status);
  if (role !== 'department') return false;
  const me = session.me.department;
  const holds = t.lead_department === me || t.unit === me || t.co_departments.includes(me) ||
    session.departments.some((d) => d.id === t.lead_department && d.parent === me);
  return holds && (t.status === 'handling' || t.status === 'replied');
}

/** Renders ticket `id` into `root`. */
export async function ticketPage(root, id) {
  const t = await call(`/api/v1/tickets/${encodeURIComponent(id)}`);
  const calendar = await calendarFor(t);
  const run = async (action, body) => {
    try {
      await call(`/api/v1/tickets/${encodeURIComponent(id)}/${action}`, body);
      await ticketPage(root, id);
      notice(`已${w.say(w.actions, action)}`, 'ok');
    } catch (e) {
      notice(e.message);
    }
  };
  const mine = actionsFor(t);
  fill(root,
    h('p.crumbs', {}, h('a', { href: '#/' }, '← 返回工作台')),
    h('h1', {}, t.title, h('span.id', {}, t.id)),
    h('div.columns', {},
      h('div', {},
        section('基本情况', facts(t), h('p.content', {}, t.content)),
        section('办理时限', deadlines(t, calendar)),
        section('签批要求', signOffs(t)),
        section('已有签批', approvals(t)),
        section('待审批申请', pending(t)),
        section('附件', attachmentsSection(t, mayUpload(t), () => ticketPage(root, id)))),
      h('div', {},
        section('可办理操作', mine.length ? mine.map((a, i) => actionForm(t, a, run, i === 0))
          : h('p.muted', {}, `当前状态下${w.say(w.roles, session.me.role)}无可办理操作`)),
        section('办理经过', timeline(t)))));
}
