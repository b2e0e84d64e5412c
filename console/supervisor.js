// The supervisor's desk: the requests waiting for a decision (returns, extensions, terminations,
// blocks), professional reviews, overdue tickets and tickets on each supervision rung.
import { h, fill, section } from './dom.js';
import * as w from './words.js';
import { listTickets, ticketTable, byUrgency } from './lists.js';

export async function supervisorView(root) {
  const kinds = ['return', 'extension', 'termination', 'block'];
  const rungs = ['written', 'on_site', 'key', 'transferred'];
  const [pending, reviews, overdue, supervised] = await Promise.all([
    Promise.all(kinds.map((pending) => listTickets({ pending, limit: 100 }))),
    listTickets({ status: 'professional_review', limit: 100 }),
    listTickets({ overdue: 'true', limit: 100 }),
    Promise.all(rungs.map((supervision_level) => listTickets({ supervision_level, limit: 100 }))),
  ]);
  fill(root, h('h1', {}, '督办员工作台'),
    h('p.summary', {}, kinds.map((k, i) => `${w.pendingKinds[k]} ${pending[i].length} 件`).join('，')),
    kinds.map((k, i) => section(`待审批：${w.pendingKinds[k]}（${pending[i].length}）`, ticketTable(pending[i], `没有待审批的${w.pendingKinds[k]}`))),
    section(`专业评估（${reviews.length}）`, ticketTable(reviews, '没有待评估的工单')),
    section(`超期工单（${overdue.length}）`, ticketTable(overdue.sort(byUrgency), '没有超期工单')),
    section('督办等级', h('div', {}, rungs.map((r, i) => [h('h3', {}, `${w.supervisionLevels[r]}（${supervised[i].length}）`),
      ticketTable(supervised[i], '无')]))));
}
