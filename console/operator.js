// The operator's desk: intake (with the caller's earlier tickets, to set related_to), the tickets
// waiting for disposition (answer, decline, dispatch) and for the visit-back (evaluate).
import { call, query, unknownParameter } from './api.js';
import { h, fill, notice, section, field, select, table, ticketLink, complete } from './dom.js';
import * as w from './words.js';
import { when } from './time.js';
import { session } from './session.js';
import { listTickets, ticketTable } from './lists.js';

function intakeForm() {
  const earlier = h('div.lookup', {});
  const related = h('input', { name: 'related_to', type: 'text', placeholder: '前件编号', autocomplete: 'off' });
  const phone = h('input', { name: 'phone', type: 'tel', autocomplete: 'off' });
  const lookup = async () => {
    const digits = phone.value.replace(/\D/g, '');
    if (!digits) {
      fill(earlier, h('p.muted', {}, '请先输入来电号码'));
      return;
    }
    try {
      const items = (await call(`/api/v1/tickets${query({ phone: phone.value.trim(), limit: 20 })}`)).items;
      fill(earlier, h('h3', {}, `该号码的历史工单（${items.length}）`), table([
        ['工单', (t) => ticketLink(t.id)],
        ['登记时间', (t) => when(t.created_at)],
        ['标题', (t) => t.title],
        ['状态', (t) => w.say(w.statuses, t.status)],
        ['', (t) => h('button.small', { type: 'button', onclick: () => { related.value = t.id; } }, '设为关联')],
      ], items, '该号码没有历史工单'));
    } catch (e) {
      fill(earlier, h('p.muted', {}, unknownParameter(e, 'phone')
        ? '本服务器尚不支持按电话查询（phone 筛选）；如知道前件编号，可直接填写关联工单。' : e.message));
    }
  };
  const form = h('form.intake', { novalidate: true },
    h('div.row', {},
      field('来源渠道', select('channel', Object.entries(w.channels).filter(([k]) => k !== 'upper_platform'), undefined, true)),
      field('诉求类型', select('type', Object.entries(w.types), '请选择', true))),
    field('标题', h('input', { name: 'title', required: true, maxlength: 200, autocomplete: 'off' })),
    field('诉求内容', h('textarea', { name: 'content', rows: 4, required: true })),
    h('div.row', {},
      field('来电人姓名', h('input', { name: 'name', autocomplete: 'off' })),
      field('来电号码', phone),
      h('button.lookup-button', { type: 'button', onclick: lookup }, '查询历史工单')),
    earlier,
    h('div.row', {},
      field('区域', h('input', { name: 'region', autocomplete: 'off' })),
      field('诉求类别', h('input', { name: 'topic', autocomplete: 'off' })),
      field('关联工单（重复来电）', related)),
    h('div.row', {},
      field('重点件来源', select('key_source', Object.entries(w.keySources), '（非重点件）')),
      session.me.jurisdiction === 'mengcheng' // 001 art. 25: not scored on satisfaction
        ? field('事项性质', select('nature', Object.entries(w.natures), '（一般事项）')) : null,
      h('label.check', {}, h('input', { type: 'checkbox', name: 'confidential' }), '为来电人保密')),
    h('button', { type: 'submit' }, '登记工单'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!complete(form)) return;
    const d = new FormData(form);
    const body = { channel: d.get('channel'), type: d.get('type'), title: d.get('title').trim(), content: d.get('content').trim() };
    const citizen = {};
    if (d.get('name').trim()) citizen.name = d.get('name').trim();
    if (d.get('phone').trim()) citizen.phone = d.get('phone').trim();
    if (Object.keys(citizen).length) body.citizen = citizen;
    for (const k of ['region', 'topic', 'related_to', 'key_source', 'nature']) if (d.get(k) && d.get(k).trim()) body[k] = d.get(k).trim();
    if (d.get('confidential')) body.confidential = true;
    try {
      const t = await call('/api/v1/tickets', body);
      notice(`已登记 ${t.id}`, 'ok');
      location.hash = `#/ticket/${t.id}`;
    } catch (err) {
      notice(err.message);
    }
  });
  return form;
}

export async function operatorView(root) {
  const [received, answered, replied] = await Promise.all([
    listTickets({ status: 'received', limit: 100 }),
    listTickets({ status: 'answered', limit: 100 }),
    listTickets({ status: 'replied', limit: 100 }),
  ]);
  fill(root, h('h1', {}, '话务员工作台'),
    h('div.columns', {},
      section('来电登记', intakeForm()),
      h('div', {},
        section(`待处置（${received.length}）：直接答复、不予受理或派单`, ticketTable(received, '没有待处置的工单')),
        section(`待回访（${answered.length + replied.length}）`, ticketTable([...answered, ...replied], '没有待回访的工单')))));
}
