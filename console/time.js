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
