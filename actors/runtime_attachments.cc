// An upload through the one door: it becomes the rule core's attach command, carrying its bytes
// to the ticket actor's batch (the reads are in runtime_queries.cc).
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

}  // namespace hotline::actors
