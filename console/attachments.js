// A ticket's attachments (003 §5(4): the signed sign-off and photos of the handling): the list,
// downloads (fetched with the token, never a token in a link) and an upload of one file.
import { token, ApiError } from './api.js';
import { h, table, notice } from './dom.js';
import { actor } from './history.js';
import { when } from './time.js';

const base = (id) => `/api/v1/tickets/${encodeURIComponent(id)}/attachments`;

async function send(path, init) {
  const response = await fetch(path, { ...init, headers: { Authorization: `Bearer ${token()}`, ...(init || {}).headers } });
  if (response.ok) return response;
  let e = {};
  try {
    e = (await response.json()).error || {};
  } catch (ignored) { /* not the contract's JSON: the status says it */ }
  throw new ApiError(response.status, e.code || 'error', e.message || `HTTP ${response.status}`, e.details);
}

async function download(ticketId, a) {
  try {
    const blob = await (await send(`${base(ticketId)}/${a.digest}`)).blob();
    const link = h('a', { href: URL.createObjectURL(blob), download: a.name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  } catch (e) {
    notice(e.message);
  }
}

const size = (n) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** The list, and (where `mayUpload`) a form that uploads one JPEG, PNG or PDF; `done()` redraws. */
export function attachmentsSection(t, mayUpload, done) {
  const file = h('input', { type: 'file', name: 'file', accept: 'image/jpeg,image/png,application/pdf' });
  const form = h('form.upload', {}, h('div.row', {}, file, h('button', { type: 'submit' }, '上传附件')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = file.files[0];
    if (!f) return notice('请选择要上传的文件');
    try {
      await send(base(t.id), {
        method: 'POST', body: f,
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}` },
      });
      await done();
      notice(`已上传附件 ${f.name}`, 'ok');
    } catch (err) {
      notice(err.message);
    }
  });
  return [
    table([
      ['文件', (a) => h('a', { href: '#', onclick: (e) => { e.preventDefault(); download(t.id, a); } }, a.name)],
      ['类型', (a) => a.type.split('/').pop().toUpperCase()],
      ['大小', (a) => size(a.size)],
      ['上传', (a) => `${actor(a.by)} ${when(a.at)}`],
    ], t.attachments || [], '暂无附件'),
    mayUpload ? [h('p.muted', {}, '可上传领导签发件、办理过程照片等（JPEG、PNG 或 PDF）'), form] : null,
  ];
}
