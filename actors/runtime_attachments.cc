// Attachments through the one door: an upload becomes the rule core's attach command, carrying
// its bytes to the ticket actor's batch; reads show what the viewer may see of the ticket.
#include <algorithm>

#include "actors/attachment_store.h"
#include "actors/runtime_impl.h"

namespace hotline::actors {
using namespace workflow;

void runtime::attach(const std::string& id, upload file, actor_ref by, reply_to reply,
                     std::string idempotency_key) {
  workflow::attach c;
  c.name = std::move(file.name);
  c.declared_type = std::move(file.content_type);
  c.head = file.bytes.substr(0, sniffed_bytes);
  c.size = file.bytes.size();
  c.digest = sha256_hex(file.bytes);
  runtime_context* ctx = impl_->ctx.get();
  ctx->route(ticket_message{
      id, command_request{std::move(c), std::move(by), ctx->track(std::move(reply)),
                          std::move(idempotency_key),
                          std::make_shared<const std::string>(std::move(file.bytes))}});
}

answer<std::vector<attachment>> runtime::attachments(const std::string& id,
                                                     const actor_ref& viewer) const {
  auto stored = state(id);
  if (stored.failed()) return answer<std::vector<attachment>>::unavailable(stored.error());
  if (!stored) return refusal{refusal_code::not_found, "There is no ticket " + id + "."};
  if (!may_view(*stored, viewer, where()->departments))
    return refusal{refusal_code::forbidden,
                   "Department " + viewer.department + " does not hold " + id + "."};
  return visible_attachments(*stored, viewer);
}

answer<attachment_file> runtime::attachment(const std::string& id, const std::string& digest,
                                            const actor_ref& viewer) const {
  auto listed = attachments(id, viewer);
  if (!listed) {
    if (auto* r = listed.refused()) return *r;
    return answer<attachment_file>::unavailable(*listed.unavailable());
  }
  auto it = std::find_if(listed->begin(), listed->end(),
                         [&](const attachment& a) { return a.digest == digest; });
  if (it == listed->end())
    return refusal{refusal_code::not_found, "Ticket " + id + " has no attachment " + digest + "."};
  auto bytes = read_attachment(impl_->ctx->db, digest);
  if (bytes.failed()) return answer<attachment_file>::unavailable(bytes.error());
  if (!bytes)  // recorded with its bytes in one batch: absent bytes are a damaged store
    return answer<attachment_file>::unavailable("the bytes of attachment " + digest +
                                                " are missing from storage");
  return attachment_file{*it, std::move(*bytes)};
}

}  // namespace hotline::actors
