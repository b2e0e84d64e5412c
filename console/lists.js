// Ticket lists as the roles see them, and the next deadline of a ticket.
import { call, query, unknownParameter } from './api.js';
import { h, table, ticketLink } from './dom.js';
import * as w from './words.js';
import { deptName } from './session.js';
import { when, left, urgency } from './time.js';

/** The deadline the holder must meet next: the server's `next_due` where it gives one, else
 *  read off the deadlines by status (the sign term before signing, the contact and handling
 *  terms while handling). */
export function nextDue(t) {
  if (t.next_due !== undefined) return t.next_due;
  const d = t.deadlines;
  const open = t.status === 'dispatched' ? [d.sign]
    : t.status === 'handling' ? [d.contact, d.plan, d.handle_term, d.handle] : t.status === 'received' ? [d.dispatch] : [];
  const times = open.filter(Boolean).sort((a, b) => Date.parse(a) - Date.parse(b));
  const ahead = times.find((x) => urgency(x) !== 'overdue');
  return ahead || times[times.length - 1] || null;
}

/** Overdue first, then what falls due today, then by the next deadline; no deadline last. */
export function byUrgency(a, b) {
  const rank = (t) => {
    const due = nextDue(t);
    if (t.overdue) return 0;
    if (!due) return 3;
    return urgency(due) === 'today' ? 1 : 2;
  };
  const ra = rank(a), rb = rank(b);
  if (ra !== rb) return ra - rb;
  const da = nextDue(a), db = nextDue(b);
  return (da ? Date.parse(da) : Infinity) - (db ? Date.parse(db) : Infinity);
}

/** GET /api/v1/tickets with `params`; `sort` is dropped if the server does not take it yet. */
export async function listTickets(params) {
  try {
    return (await call(`/api/v1/tickets${query(params)}`)).items;
  } catch (e) {
    if (params.sort && unknownParameter(e, 'sort')) {
      const { sort, ...rest } = params;
      return (await call(`/api/v1/tickets${query(rest)}`)).items;
    }
    throw e;
  }
}

function dueCell(t) {
  const due = nextDue(t);
  if (!due) return '—';
  const u = t.overdue ? 'overdue' : urgency(due);
  return h('span', { class: `due ${u}` }, when(due), h('br'), left(due), t.overdue ? '（已超期）' : u === 'today' ? '（今日到期）' : '');
}

/** A table of tickets with the columns a worklist needs. */
export function ticketTable(items, empty) {
  return table([
    ['工单', (t) => ticketLink(t.id)],
    ['标题', (t) => t.title],
    ['类型', (t) => w.say(w.types, t.type)],
    ['状态', (t) => h('span', { class: `status s-${t.status}` }, w.say(w.statuses, t.status))],
    ['主办单位', (t) => deptName(t.lead_department)],
    ['督办', (t) => (t.supervision_level === 'none' ? '' : w.say(w.supervisionLevels, t.supervision_level))],
    ['下一时限', dueCell],
  ], items, empty);
}
