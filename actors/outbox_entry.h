#pragma once
// An outbox entry and the transport that carries it: the outbox's face, free of storage (the
// outbox itself: outbox.h, internal to actors/).

#include <string>

#include "workflow/outgoing.h"

namespace hotline::actors {

struct outbox_entry {
  workflow::outgoing_message message;
  int attempts = 0;
  bool failed = false;  // refused by the receiver, or undeliverable: an operator looks
  std::string last_error;
  workflow::instant last_attempt;  // wall time
};
template <class F>
void describe(F& f, outbox_entry& x) {
  f("message", x.message);
  f("attempts", x.attempts);
  f("failed", x.failed);
  f("last_error", x.last_error);
  f("last_attempt", x.last_attempt);
}

/// A message not yet tried.
outbox_entry fresh_entry(workflow::outgoing_message m);

/// What one attempt came to. `retry`: the receiver could not take it now (down, overloaded, 5xx);
/// `refused`: it answered that it never will (4xx), so retrying would not help.
struct delivery_result {
  enum class kind { delivered, retry, refused } what = kind::retry;
  std::string error;
};

/// Carries messages to peer platforms and the SMS gateway, with the message id as the
/// idempotency key. Implemented in http/peer_client.h; called from the delivery actor's own
/// thread, so it may block (a bounded time).
class transport {
 public:
  virtual ~transport() = default;
  virtual delivery_result deliver(const workflow::outgoing_message& m) = 0;
};

}  // namespace hotline::actors
