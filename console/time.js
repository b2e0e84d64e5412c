// Times in Asia/Shanghai, and time left counted from the server's clock (a virtual clock in
// tests and drills), never from the browser's.

const zone = 'Asia/Shanghai';
const stamp = new Intl.DateTimeFormat('zh-CN', {
  timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});
const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });

let serverNow = null; // ms since the epoch, from GET /api/v1/me

export function setServerNow(iso) {
  serverNow = Date.parse(iso);
}

export function now() {
  return serverNow === null ? Date.now() : serverNow;
}

/** "2026/03/17 17:30", in Shanghai. */
export function when(iso) {
  if (!iso) return '—';
  return stamp.format(new Date(iso));
}

/** The Shanghai calendar day of an instant, "2026-03-17". */
export function shanghaiDay(ms) {
  return day.format(new Date(ms));
}

/** "剩 2天3小时" / "已过 5小时", from the server's now. */
export function left(iso) {
  const ms = Date.parse(iso) - now();
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86400000);
  const hours = Math.floor((abs % 86400000) / 3600000);
  const minutes = Math.floor((abs % 3600000) / 60000);
  let span = days ? `${days}天${hours}小时` : hours ? `${hours}小时${minutes}分` : `${minutes}分钟`;
  return ms >= 0 ? `剩 ${span}` : `已过 ${span}`;
}

/** 'overdue' (passed), 'today' (due later today, Shanghai), 'later', for colouring. */
export function urgency(iso) {
  const t = Date.parse(iso);
  if (t < now()) return 'overdue';
  return shanghaiDay(t) === shanghaiDay(now()) ? 'today' : 'later';
}

/** The working time from the server's now to `iso`, as the deadlines count it: the business
 *  hours of the working days of `calendar` (GET /api/v1/calendar) in between. "1个工作日6小时"
 *  (a working day being the business hours of one day); null if the calendar does not reach. */
export function workingLeft(iso, calendar) {
  const end = Date.parse(iso);
  let start = now();
  if (end <= start) return null;
  const clock = (day, hm) => Date.parse(`${day}T${hm}:00+08:00`);
  const dayLength = calendar.business_hours.reduce((n, b) => n + clock('2000-01-01', b.end) - clock('2000-01-01', b.start), 0);
  let total = 0;
  const last = shanghaiDay(end);
  for (const d of calendar.days) {
    if (d.date < shanghaiDay(start)) continue;
    if (d.date > last) break;
    if (!d.working) continue;
    for (const b of calendar.business_hours) {
      const from = Math.max(start, clock(d.date, b.start)), to = Math.min(end, clock(d.date, b.end));
      if (to > from) total += to - from;
    }
  }
  if (!calendar.days.length || calendar.days[calendar.days.length - 1].date < last) return null;
  const days = Math.floor(total / dayLength), rest = total - days * dayLength;
  const hours = Math.floor(rest / 3600000), minutes = Math.floor((rest % 3600000) / 60000);
  return `${days ? `${days}个工作日` : ''}${hours ? `${hours}小时` : ''}${minutes || (!days && !hours) ? `${minutes}分` : ''}`;
}
