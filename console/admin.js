// The system operator's desk: health and the calendar horizon, the clock (moved by hand when
// virtual), the calendar years and policy versions, live actors and their mailboxes, the armed
// timers of live tickets, the outbox.
import { call } from './api.js';
import { h, fill, notice, section, table, field, ticketLink } from './dom.js';
import * as w from './words.js';
import { when, left } from './time.js';
import { refreshClock, deptName } from './session.js';

function clockForm(clock, redraw) {
  if (clock.mode !== 'virtual') return h('p.muted', {}, '真实时钟：不能手动调整');
  const form = h('form.clock', {},
    h('div.row', {},
      field('拨快（小时）', h('input', { name: 'hours', type: 'number', min: 0, step: 'any', value: 1 })),
      h('button', { type: 'submit' }, '拨快时钟')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const hours = Number(new FormData(form).get('hours'));
    try {
      const r = await call('/admin/clock', { advance_seconds: Math.round(hours * 3600) });
      notice(`时钟已到 ${when(r.now)}，触发到期事件 ${r.fired} 个`, 'ok');
      await refreshClock();
      await redraw();
    } catch (err) {
      notice(err.message);
    }
  });
  return form;
}

/** Live actors by kind: how many, and the messages waiting in their mailboxes. */
function actorSummary(items) {
  const kinds = [...new Set(items.map((a) => a.kind))];
  return table([
    ['类型', (k) => w.say(w.actorKinds, k)],
    ['数量', (k) => items.filter((a) => a.kind === k).length],
    ['邮箱积压', (k) => items.filter((a) => a.kind === k).reduce((n, a) => n + a.mailbox, 0)],
  ], kinds);
}

/** An actor's supervisor in words: the center, or a department actor ("department:<id>"). */
function supervisorWords(supervisor) {
  if (!supervisor) return '—';
  if (supervisor === 'center') return w.actorKinds.center;
  const [kind, id] = supervisor.split(':');
  return kind === 'department' ? deptName(id) : supervisor;
}

/** A calendar's source: its Chinese title where the source gives one in brackets. */
function sourceWords(source) {
  const chinese = /\(([^)]*[\u4e00-\u9fff][^)]*)\)/.exec(source || '');
  return chinese ? chinese[1] : source;
}

/** The official years one by one; the provisional run (computed from the holiday law until an
 *  official file arrives, docs/calendars.md) as one line. */
function calendarsTable(items) {
  const official = items.filter((c) => !c.provisional);
  const provisional = items.filter((c) => c.provisional).map((c) => c.year);
  return [
    table([
      ['年份', (c) => c.year], ['范围', (c) => (c.scope === 'national' ? '全国' : '本地')], ['来源', (c) => sourceWords(c.source)],
    ], official, '没有官方日历'),
    provisional.length ? h('p.muted', {}, `${Math.min(...provisional)}—${Math.max(...provisional)} 年为临时日历：` +
      '按《全国年节及纪念日放假办法》推算法定节假日，无调休工作日；官方安排发布后请添加对应年份的日历文件，' +
      '或以 PUT /admin/calendars/{年份} 在线加载。') : null,
  ];
}

/** The policy versions, oldest first, the one in force marked (docs/policy-versions.md). */
function policyTable(policy) {
  return table([
    ['版本', (v) => v.id],
    ['施行日期', (v) => v.effective_from || '自始施行'],
    ['现行', (v) => (v.in_force ? h('span.status.s-closed', {}, '现行') : '')],
    ['来源', (v) => v.source],
  ], policy.items, '没有政策版本');
}

async function timersOf(actors) {
  const tickets = actors.filter((a) => a.kind === 'ticket').slice(0, 20);
  const details = await Promise.all(tickets.map((a) => call(`/admin/actors/ticket/${encodeURIComponent(a.id)}`).catch(() => null)));
  return details.filter(Boolean).flatMap((d) => d.timers.map((t) => ({ id: d.id, ...t })))
    .sort((a, b) => Date.parse(a.due) - Date.parse(b.due));
}

export async function adminView(root) {
  const redraw = () => adminView(root);
  const [health, clock, actors, calendars, policy, outbox] = await Promise.all([
    call('/admin/health'), call('/admin/clock'), call('/admin/actors?limit=10000'),
    call('/admin/calendars'), call('/admin/policy'), call('/admin/outbox?limit=20'),
  ]);
  const timers = await timersOf(actors.items);
  const mailboxes = actors.items.reduce((n, a) => n + a.mailbox, 0);
  fill(root, h('h1', {}, '系统运维'),
    h('div.columns', {},
      h('div', {},
        section('运行状况', h('dl.facts', {},
          h('dt', {}, '状态'), h('dd', {}, h('span', { class: `status ${health.status === 'ok' ? 's-closed' : 's-overdue'}` }, health.status === 'ok' ? '正常' : '故障')),
          h('dt', {}, '在办工单'), h('dd', {}, health.tickets_open),
          h('dt', {}, '活动 Actor'), h('dd', {}, `${health.actors} 个，邮箱积压 ${mailboxes} 条`),
          h('dt', {}, '持久化'), h('dd', {}, health.durable ? '每次写入落盘（sync）' : '不强制落盘（relaxed）'),
          h('dt', {}, '日历覆盖至'), h('dd', {}, health.calendar_covered_through || '—'),
          h('dt', {}, '官方日历至'), h('dd', {}, health.calendar_official_through || '—'),
          h('dt', {}, '告警'), h('dd', {}, health.warnings.length ? health.warnings.join('；') : '无'))),
        section('时钟', h('p', {}, `${clock.mode === 'virtual' ? '虚拟时钟' : '真实时钟'}：${when(clock.now)}`), clockForm(clock, redraw)),
        section('工作日历', calendarsTable(calendars.items)),
        section('政策版本', policyTable(policy)),
        section('发件箱', h('p', {}, `待投递 ${outbox.pending}，失败 ${outbox.failed}，已投递 ${outbox.delivered}`))),
      h('div', {},
        section('活动 Actor', actorSummary(actors.items), h('h3', {}, '邮箱积压最多的 50 个'), table([
          ['类型', (a) => w.say(w.actorKinds, a.kind)],
          ['编号', (a) => (a.kind === 'ticket' ? ticketLink(a.id) : a.kind === 'department' ? `${deptName(a.id)}（${a.id}）` : a.id)],
          ['邮箱', (a) => a.mailbox],
          ['监管者', (a) => supervisorWords(a.supervisor)],
        ], [...actors.items].sort((a, b) => b.mailbox - a.mailbox).slice(0, 50))),
        section(`已设定时器（${timers.length}）`, table([
          ['工单', (t) => ticketLink(t.id)],
          ['时限', (t) => w.say(w.deadlineKinds, t.kind)],
          ['到期', (t) => when(t.due)],
          ['剩余', (t) => left(t.due)],
        ], timers, '没有活动工单的定时器')))));
}
