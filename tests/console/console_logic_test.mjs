// The console's logic without a browser (node's test runner): the inbox order, working time left
// across a holiday, and history in words. The modules are the ones the browser loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setServerNow, workingLeft } from '../../console/time.js';
import { byUrgency, nextDue } from '../../console/lists.js';
import { sentence } from '../../console/history.js';
import { session } from '../../console/session.js';

const deadlines = (d) => ({ dispatch: null, sign: null, return: null, contact: null, plan: null, handle: null, handle_term: null, co_report: null, ...d });

test('the inbox puts overdue first, then what is due today, then by the next deadline, none last', () => {
  setServerNow('2026-03-17T09:00:00+08:00');
  const later = { id: 'later', status: 'handling', overdue: false, deadlines: deadlines({ handle: '2026-03-30T17:30:00+08:00' }) };
  const today = { id: 'today', status: 'dispatched', overdue: false, deadlines: deadlines({ sign: '2026-03-17T17:30:00+08:00' }) };
  const late = { id: 'late', status: 'handling', overdue: true, deadlines: deadlines({ contact: '2026-03-16T17:30:00+08:00', handle: '2026-03-31T17:30:00+08:00' }) };
  const sooner = { id: 'sooner', status: 'handling', overdue: false, next_due: '2026-03-20T17:30:00+08:00', deadlines: deadlines({}) };
  const none = { id: 'none', status: 'handling', overdue: false, next_due: null, deadlines: deadlines({}) };
  assert.deepEqual([later, none, sooner, today, late].sort(byUrgency).map((t) => t.id), ['late', 'today', 'sooner', 'later', 'none']);
});

test('without the server\'s next_due, the next deadline is read off the deadlines by status', () => {
  setServerNow('2026-03-17T09:00:00+08:00');
  const handling = { status: 'handling', deadlines: deadlines({ sign: '2026-03-16T17:30:00+08:00', contact: '2026-03-17T17:30:00+08:00', handle: '2026-03-30T17:30:00+08:00' }) };
  assert.equal(nextDue(handling), '2026-03-17T17:30:00+08:00');
  assert.equal(nextDue({ status: 'replied', deadlines: deadlines({ handle: '2026-03-30T17:30:00+08:00' }) }), null);
});

// rules.md §2: business hours 08:30-12:00 and 14:30-17:30; Qingming 2026 is 4-6 April.
test('working time left counts business hours on working days only (Qingming 2026 off)', () => {
  setServerNow('2026-04-03T16:30:00+08:00'); // Friday afternoon
  const hours = [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '17:30' }];
  const days = ['03', '04', '05', '06', '07'].map((d) => ({ date: `2026-04-${d}`, working: d === '03' || d === '07', provisional: false }));
  const calendar = { business_hours: hours, days };
  assert.equal(workingLeft('2026-04-07T17:30:00+08:00', calendar), '1个工作日1小时'); // 1 h Friday, 6.5 h Tuesday
  assert.equal(workingLeft('2026-04-07T09:30:00+08:00', calendar), '2小时');
  assert.equal(workingLeft('2026-04-08T17:30:00+08:00', calendar), null); // past what the calendar covers
});

test('history in words: a dispatch with its sign-off', () => {
  session.departments = [{ id: 'waterworks', name: '蒙城县自来水公司', parent: null, tier: 1 }];
  const d = { lead: 'waterworks', co: [], sign_due: '2026-03-17T17:30:00+08:00', approval: { name: '陈主任', post: '热线办主任' } };
  assert.equal(sentence({ event: 'dispatched', data: d }), '派单至蒙城县自来水公司，签收时限 2026/03/17 17:30；签批：陈主任（热线办主任）');
  assert.equal(sentence({ event: 'sign_overdue', data: { kind: 'sign', due: '2026-03-17T17:30:00+08:00' } }), '签收超期（时限 2026/03/17 17:30）');
});
