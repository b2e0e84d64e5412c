// A department's inbox: the tickets it must sign or is handling, overdue and due-today first,
// then by the next deadline (sort=due on the server where it has it, and here in any case).
import { h, fill, section } from './dom.js';
import { session } from './session.js';
import { listTickets, ticketTable, byUrgency } from './lists.js';

export async function departmentView(root) {
  const department = session.me.department;
  const [dispatched, handling, replied] = await Promise.all(['dispatched', 'handling', 'replied'].map((status) =>
    listTickets({ department, status, sort: 'due', limit: 200 })));
  const inbox = [...dispatched, ...handling].sort(byUrgency);
  const overdue = inbox.filter((t) => t.overdue).length;
  fill(root, h('h1', {}, `${session.me.display_name} · 待办工单`),
    h('p.summary', {}, `待签收 ${dispatched.length} 件，办理中 ${handling.length} 件，其中超期 ${overdue} 件`),
    section('我的待办（超期、今日到期优先，按下一时限排序）', ticketTable(inbox, '没有待办工单')),
    section(`已回复待回访（${replied.length}）`, ticketTable(replied, '没有已回复的工单')));
}
