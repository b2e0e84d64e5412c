// A ticket's history in words: one Chinese sentence per event (workflow/events.h).
import * as w from './words.js';
import { deptName } from './session.js';
import { when } from './time.js';

function signatures(d) {
  const list = [d.approval, ...(d.further_sign_offs || [])].filter(Boolean);
  if (!list.length) return '';
  return `；签批：${list.map((a) => `${a.name}${a.post ? `（${a.post}）` : ''}`).join('、')}`;
}

const due = (label, t) => (t ? `，${label}时限 ${when(t)}` : '');

const sentences = {
  submitted: (d) => `登记${w.say(w.channels, d.channel)}${w.say(w.types, d.type)}：${d.title}` +
    (d.repeat_count ? `（第${d.repeat_count + 1}次来电，关联 ${d.related_to || '前件'}）` : ''),
  answered: (d) => `直接答复：${d.answer}`,
  declined: (d) => `不予受理（${w.say(w.declineReasons, d.reason_code)}）：${d.reason}` + (d.referral ? `；告知去向：${d.referral}` : ''),
  dispatched: (d) => `派单至${deptName(d.lead)}` + (d.co && d.co.length ? `，协办：${d.co.map(deptName).join('、')}` : '') +
    due('签收', d.sign_due) + due('退回', d.return_due) + signatures(d),
  signed: (d) => `签收` + due('联系', d.contact_due) + due('办理', d.handle_due) + signatures(d),
  deemed_signed: (d) => `退回期满未退回，视为签收` + due('办理', d.handle_due),
  return_requested: (d) => `${deptName(d.department)}申请退回：${d.reason}` + (d.basis ? `；依据：${d.basis}` : '') + (d.suggest ? `；建议承办：${d.suggest}` : ''),
  return_approved: (d) => `同意退回` + (d.redispatch_to ? `，改派${deptName(d.redispatch_to)}` : '，退回热线中心'),
  return_rejected: (d) => `不同意退回：${d.reason}` + due('签收', d.sign_due),
  unit_assigned: (d) => `转交下级单位${deptName(d.unit)}`,
  unit_reported: (d) => `${deptName(d.unit)}报送办理结果：${d.result}`,
  contacted: (d) => `已联系来电人` + (d.note ? `：${d.note}` : ''),
  plan_submitted: (d) => `报送阶段方案：${d.plan}`,
  co_reported: (d) => `协办单位${deptName(d.department)}报送：${d.result}`,
  extension_requested: (d) => `申请延期${d.working_days ? ` ${d.working_days} 个工作日` : ''}：${d.reason}` + signatures(d),
  extension_approved: (d) => `批准延期 ${d.working_days} 个工作日` + due('新的办理', d.handle_due),
  extension_rejected: (d) => `不同意延期：${d.reason}`,
  replied: (d) => `办结回复：${d.result}` + (d.handler ? `（经办人：${d.handler.name}，${d.handler.post}，${d.handler.phone}）` : '') + signatures(d),
  evaluated: (d) => `回访评价：${d.satisfied ? '满意' : '不满意'}` + (d.comment ? `，${d.comment}` : '') +
    (d.unit_at_fault === true ? '；经核实单位有责' : d.unit_at_fault === false ? '；经核实单位无责' : '') + (d.scored === false ? '（不计入单位考核）' : ''),
  reopened: () => '来电人对直接答复不满意，重新待处置',
  rework_started: (d) => `退回重办` + due('办理', d.handle_due),
  review_started: () => '转入专业评估',
  reviewed: (d) => `专业评估：${d.upheld ? '维持办理结果' : '不维持办理结果'}` + (d.note ? `，${d.note}` : ''),
  // The rules' own reasons are for logs; the trigger says why in words. A supervisor's is shown.
  supervised: (d) => `${w.say(w.supervisionLevels, d.level)}（${w.say(w.supervisionTriggers, d.trigger)}）` +
    (d.trigger === 'manual' && d.reason ? `：${d.reason}` : ''),
  termination_requested: (d) => `申请终结：${d.reason}` + signatures(d),
  terminated: (d) => `终结` + (d.reason ? `：${d.reason}` : '') + (d.reported_to ? `；报${d.reported_to}销号` : '') + signatures(d),
  termination_rejected: (d) => `不同意终结：${d.reason}`,
  block_requested: (d) => `申请屏蔽来电：${d.reason}`,
  caller_blocked: () => '同意屏蔽：该来电号码不再受理',
  block_rejected: (d) => `不同意屏蔽：${d.reason}`,
  block_lifted: (d) => `解除屏蔽：${d.reason}`,
  closed: () => '结案',
  archived: (d) => `归档` + (d.retain_until ? `，保存至 ${d.retain_until}` : ''),
  co_report_overdue: (d) => `协办单位超期未报送：${(d.departments || []).map(deptName).join('、')}`,
  forwarded: (d) => `转下级平台 ${d.platform || ''}`,
  platform_reported: (d) => `下级平台报告（${d.kind}）` + (d.text ? `：${d.text}` : ''),
  deadline_recomputed: () => '工作日历调整，时限重新计算',
  attached: (d) => (d.redacted ? '上传附件（中心专用，不向承办单位显示）' : `上传附件：${d.name}`),
  survey_sent: (d) => `短信发送满意度调查` + due('回复', d.due),
  survey_unanswered: () => '满意度调查短信未获回复',
};

/** The sentence for one history entry. */
export function sentence(entry) {
  const d = entry.data || {};
  const f = sentences[entry.event];
  if (f) return f(d);
  const overdue = /^(.*)_overdue$/.exec(entry.event);
  if (overdue) return `${w.say(w.deadlineKinds, overdue[1])}超期（时限 ${when(d.due)}）`;
  return entry.event;
}

/** Who acted, in words: "话务员 dev", a department's name, "系统（计时器）". */
export function actor(by) {
  const [role, name] = (by || '').split(':');
  if (role === 'department') return deptName(name);
  if (role === 'system') return name === 'timer' ? '系统（到期）' : name === 'escalation' ? '系统（督办升级）' : '系统';
  return `${w.say(w.roles, role)} ${name || ''}`.trim();
}
