#pragma once
// Internal to actors/: the barrier behind runtime::quiesce(). Every piece of work the runtime
// has started and not finished holds a token: a command until it is answered, a write until it
// is durable, a notification, passivation or restart until its actor has handled it. A token
// counts for as long as any copy of it lives (a notification sent to three actors is one piece
// of work until the last of them is done with it).
//
// The rule that makes this a barrier: whoever handles work and causes more takes the new
// tokens before letting go of its own. Then the count cannot touch zero while a chain of
// effects (a submission -> its notification -> the escalation's supervise commands -> their
// writes -> ...) is still running, and zero means nothing will happen without new input.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>

namespace hotline::actors {

class work_in_flight;

/// One piece of work. Default-constructed: none.
class work_token {
 public:
  work_token() = default;
  /// Lets go before the last copy goes away.
  void release() { held_.reset(); }

 private:
  friend class work_in_flight;
  explicit work_token(std::shared_ptr<void> held) : held_(std::move(held)) {}
  std::shared_ptr<void> held_;
};

class work_in_flight {
 public:
  work_token begin();

  /// Counts the handler it lives in, until the handler returns. For messages that carry no token
  /// of their own: a command's token goes with its reply, which may be sent (from the storage
  /// thread) before the actor has finished what it does after handing the command on.
  class handling {
   public:
    explicit handling(work_in_flight& w) : w_(w) { ++w_.count_; }
    ~handling() { w_.end(); }
    handling(const handling&) = delete;
    handling& operator=(const handling&) = delete;

   private:
    work_in_flight& w_;
  };

  /// Waits until no work is in flight, or `timeout` passes; whether it got there.
  bool wait_idle(std::chrono::milliseconds timeout);
  std::size_t count() const { return count_; }

 private:
  void end();

  std::atomic<std::size_t> count_{0};
  std::mutex mutex_;
  std::condition_variable idle_;
};

}  // namespace hotline::actors
