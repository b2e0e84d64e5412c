#pragma once
// The outbox's transport over HTTP/1.1 on plain sockets (actors/outbox_entry.h), each step bounded by
// the timeout: a forward is a POST /api/v1/tickets on
// the lower platform, a report a POST /api/v1/tickets/{upper id}/platform_report on the upper,
// an SMS a POST of {"id","to","text","ticket"} to the gateway; each with the link's token and
// the message id as Idempotency-Key. 2xx: delivered; a 4xx but 408 and 429: refused for good;
// anything else (no answer, 5xx): retry.

#include <chrono>

#include "actors/outbox_entry.h"
#include "http/peers.h"

namespace hotline::http {

class peer_client : public actors::transport {
 public:
  explicit peer_client(peers_config config,
                       std::chrono::milliseconds timeout = std::chrono::seconds(10));
  actors::delivery_result deliver(const workflow::outgoing_message& m) override;

 private:
  const peer* find(const std::string& id) const;
  peers_config config_;
  std::chrono::milliseconds timeout_;
};

}  // namespace hotline::http
