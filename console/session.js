// Who is signed in (GET /api/v1/me) and the jurisdiction's departments, read once per page load.
import { call } from './api.js';
import { setServerNow } from './time.js';

export const session = { me: null, departments: [] };

export async function load() {
  session.me = await call('/api/v1/me');
  setServerNow(session.me.now);
  session.departments = (await call('/api/v1/departments')).items;
}

/** Reads the server's clock again (before each view: a virtual clock may have moved); the
 *  page's header listens for 'hotline:me'. */
export async function refreshClock() {
  session.me = await call('/api/v1/me');
  setServerNow(session.me.now);
  document.dispatchEvent(new Event('hotline:me'));
}

/** A department's name by its id. */
export function deptName(id) {
  if (!id) return '—';
  const d = session.departments.find((x) => x.id === id);
  return d ? d.name : id;
}

/** [id, name] pairs, for a <select>. */
export function deptOptions(filter) {
  return session.departments.filter(filter || (() => true)).map((d) => [d.id, d.name]);
}
