#pragma once
// Internal to actors/: where the outbox's deliveries stand, shared by the ticket actors (which
// add messages), the delivery actor (which settles them) and the runtime (figures, and a barrier
// that waits until nothing is left to deliver). Thread-safe.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace hotline::actors {

struct outbox_figures {
  std::size_t pending = 0;  // durable, not yet delivered (retrying ones included)
  std::size_t failed = 0;   // refused for good, kept for an operator
  std::uint64_t delivered = 0;
  std::uint64_t attempts = 0;
  std::uint64_t retries = 0;  // attempts that will be tried again
};

class outbox_progress {
 public:
  /// Messages made durable, on their way to the delivery actor.
  void sent(std::size_t n);
  /// The delivery actor took in `n` messages sent (`fresh`) or found in storage, of which
  /// `pending` were new to it.
  void taken(std::size_t fresh, std::size_t pending);
  void start(std::size_t pending, std::size_t failed, std::uint64_t delivered);
  void attempted(bool will_retry);
  void delivered();
  void failed();
  outbox_figures figures() const;
  /// Waits until nothing is pending (or `timeout` passes); whether it got there.
  bool wait_settled(std::chrono::milliseconds timeout);

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t in_transit_ = 0;
  outbox_figures f_;
};

}  // namespace hotline::actors
