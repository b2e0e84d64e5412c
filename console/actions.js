// The action forms: for each action the ticket's `allowed` list offers and the signed-in role
// may take, the fields its body has (docs/http-api.md, "Actions"), with one signature line per
// level of the step's sign_off_chain.
import { h, field, select, complete } from './dom.js';
import * as w from './words.js';
import { deptOptions, session } from './session.js';

const text = (name, label, opts = {}) => ({ name, label, kind: 'text', ...opts });
const area = (name, label, opts = {}) => ({ name, label, kind: 'area', ...opts });
const choice = (name, label, options, opts = {}) => ({ name, label, kind: 'select', options, ...opts });
const number = (name, label, opts = {}) => ({ name, label, kind: 'number', ...opts });
const signOff = (step) => ({ name: 'approved_by', kind: 'sign_off', step });
const yesNo = [['true', '是'], ['false', '否']];
const departments = () => deptOptions();

/** Each action's fields; `optional: true` leaves the field out of the body when empty; `only`
 *  names the one jurisdiction whose rules have the field (003 §4 classes, 002 art. 17(2)). */
const forms = {
  answer: [area('answer', '答复内容')],
  decline: [
    choice('reason_code', '不予受理理由', () => Object.entries(w.declineReasons)),
    area('reason', '说明'),
    text('referral', '告知去向（如 110、法院）', { optional: true }),
  ],
  dispatch: [
    choice('lead', '主办单位', departments),
    { name: 'co', label: '协办单位', kind: 'departments' },
    choice('class', '分类', () => [['A', 'A 即办'], ['B', 'B 一般'], ['C', 'C 重要'], ['D', 'D 紧急重要']], { only: 'pingdingshan' }),
    choice('complexity', '复杂程度', () => [['general', '一般'], ['complex', '复杂']], { optional: true, only: 'zhijiang' }),
    signOff('dispatch'),
  ],
  sign: [signOff('sign')],
  return: [area('reason', '退回理由'), text('basis', '政策或法律依据', { optional: true }), text('suggest', '建议承办单位', { optional: true })],
  approve_return: [choice('redispatch_to', '改派至（不填则退回中心）', departments, { optional: true }), signOff('dispatch')],
  reject_return: [area('reason', '不同意的理由')],
  assign_unit: [choice('unit', '下级单位', () => deptOptions((d) => d.parent === session.me.department))],
  unit_report: [area('result', '办理结果')],
  contact: [text('note', '联系情况', { optional: true })],
  plan: [area('plan', '阶段方案')],
  co_report: [area('result', '协办结果')],
  request_extension: [number('working_days', '延期工作日数', { optional: true }), area('reason', '延期理由'), signOff('extension')],
  approve_extension: [number('working_days', '批准工作日数（不填则按申请）', { optional: true })],
  reject_extension: [area('reason', '不同意的理由')],
  reply: [
    area('result', '办理结果'),
    text('handler.name', '经办人姓名'), text('handler.post', '经办人职务'), text('handler.phone', '经办人电话'),
    signOff('reply'),
  ],
  evaluate: [
    choice('satisfied', '评价', () => [['true', '满意'], ['false', '不满意']], { bool: true }),
    text('comment', '回访记录', { optional: true }),
    choice('unit_at_fault', '单位是否有责（不满意时填写）', () => yesNo, { optional: true, bool: true }),
  ],
  review: [choice('upheld', '评估结论', () => [['true', '维持办理结果'], ['false', '不维持']], { bool: true }), text('note', '说明', { optional: true })],
  supervise: [area('reason', '督办事由'), choice('level', '督办等级（不填则升一级）', () => Object.entries(w.supervisionLevels).filter(([k]) => k !== 'none'), { optional: true })],
  request_termination: [area('reason', '终结理由'), signOff('termination')],
  approve_termination: [text('reason', '说明', { optional: true }), signOff('termination_approval')],
  reject_termination: [area('reason', '不同意的理由')],
  request_block: [area('reason', '屏蔽理由（骚扰情形）')],
  approve_block: [],
  reject_block: [area('reason', '不同意的理由')],
  lift_block: [area('reason', '解除理由')],
  forward: [text('platform', '下级平台编号')],
};

/** What each role may ever do (docs/http-api.md, "Roles"): the rest of `allowed` is not its. */
const byRole = {
  operator: ['answer', 'decline', 'dispatch', 'evaluate', 'request_block', 'forward'],
  department: ['sign', 'return', 'assign_unit', 'unit_report', 'contact', 'plan', 'co_report', 'request_extension', 'reply', 'request_termination', 'request_block'],
  supervisor: ['approve_return', 'reject_return', 'approve_extension', 'reject_extension', 'review', 'supervise', 'approve_termination', 'reject_termination', 'approve_block', 'reject_block', 'lift_block'],
};

/** Whether `id` is `other` or a unit above it. */
function atOrAbove(id, other) {
  for (let d = other; d; d = (session.departments.find((x) => x.id === d) || {}).parent) if (d === id) return true;
  return false;
}

/** For a department: whether the action is its part on this ticket (the server checks it too:
 *  the lead or a unit above it signs and replies, the holding unit reports, a co-handler
 *  reports its part). */
function departmentsPart(ticket, action) {
  const me = session.me.department;
  if (action === 'co_report') return ticket.co_departments.includes(me);
  if (action === 'unit_report') return ticket.unit === me;
  if (action === 'assign_unit') return atOrAbove(me, ticket.lead_department) && session.departments.some((d) => d.parent === me);
  return atOrAbove(me, ticket.lead_department) || ticket.unit === me;
}

/** The usual next steps first: the form shown unfolded is the one most often wanted. */
const usual = ['dispatch', 'answer', 'sign', 'contact', 'co_report', 'unit_report', 'reply', 'evaluate',
  'approve_extension', 'approve_return', 'approve_termination', 'approve_block', 'review'];
const rank = (a) => (usual.includes(a) ? usual.indexOf(a) : usual.length);

/** The actions of `ticket.allowed` the signed-in role may take, the usual next step first. */
export function actionsFor(ticket) {
  const mine = byRole[session.me.role] || [];
  return ticket.allowed.filter((a) => mine.includes(a) && forms[a] &&
    (session.me.role !== 'department' || departmentsPart(ticket, a))).sort((a, b) => rank(a) - rank(b));
}

function input(f) {
  const required = !f.optional;
  if (f.kind === 'area') return h('textarea', { name: f.name, rows: 3, required });
  if (f.kind === 'number') return h('input', { name: f.name, type: 'number', min: 1, max: 60, required });
  if (f.kind === 'select') return select(f.name, f.options(), f.optional ? '（不填）' : '请选择', required);
  return h('input', { name: f.name, type: 'text', required, autocomplete: 'off' });
}

function signOffInputs(ticket, f) {
  const chain = ticket.sign_off_chain[f.step] || [];
  if (!chain.length) return null;
  return h('fieldset.signoff', {},
    h('legend', {}, `${w.say(w.steps, f.step)}签批（${chain.map((l) => w.say(w.levels, l)).join(' → ')}）`),
    chain.map((level, i) => h('div.row', {},
      field(`${w.say(w.levels, level)}姓名`, h('input', { name: `approved_by.${i}.name`, required: true, autocomplete: 'off' })),
      field('职务', h('input', { name: `approved_by.${i}.post`, autocomplete: 'off' })))));
}

function coInputs() {
  return h('fieldset.co', {}, h('legend', {}, '协办单位（可多选）'),
    h('div.choices', {}, deptOptions().map(([id, name]) =>
      h('label.check', {}, h('input', { type: 'checkbox', name: 'co', value: id }), name))));
}

/** The fields of `action` in this jurisdiction. */
function fieldsOf(action) {
  return forms[action].filter((f) => !f.only || f.only === session.me.jurisdiction);
}

/** The body the form says, in the action's wire names. */
function bodyOf(form, fields, ticket) {
  const body = {};
  const data = new FormData(form);
  for (const f of fields) {
    if (f.kind === 'sign_off') {
      const chain = ticket.sign_off_chain[f.step] || [];
      if (!chain.length) continue;
      const names = chain.map((_, i) => {
        const entry = { name: data.get(`approved_by.${i}.name`).trim() };
        const post = data.get(`approved_by.${i}.post`).trim();
        if (post) entry.post = post;
        return entry;
      });
      body.approved_by = names.length === 1 ? names[0] : names;
      continue;
    }
    if (f.kind === 'departments') {
      const co = data.getAll('co');
      if (co.length) body.co = co;
      continue;
    }
    const raw = (data.get(f.name) || '').trim();
    if (raw === '' && f.optional) continue;
    let value = raw;
    if (f.kind === 'number') value = Number(raw);
    if (f.bool) value = raw === 'true';
    const path = f.name.split('.');
    if (path.length === 2) (body[path[0]] = body[path[0]] || {})[path[1]] = value;
    else body[f.name] = value;
  }
  return body;
}

/** The form for `action` on `ticket`, folded under its name (`open`: unfolded); `run(action,
 *  body)` sends it. */
export function actionForm(ticket, action, run, open) {
  const fields = fieldsOf(action);
  const form = h('form', { novalidate: true },
    fields.map((f) => f.kind === 'sign_off' ? signOffInputs(ticket, f)
      : f.kind === 'departments' ? coInputs() : field(f.label, input(f))),
    h('button', { type: 'submit' }, w.say(w.actions, action)));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!complete(form)) return;
    run(action, bodyOf(form, fields, ticket));
  });
  return h('details.action', { dataset: { action }, open }, h('summary', {}, w.say(w.actions, action)), form);
}
