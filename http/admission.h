#pragma once
// Admission at the edge: at most `slots` requests are worked on at once. A request that finds no
// slot waits a short moment for one (a burst is smoothed), then is shed: it is answered
// 503 overloaded at once instead of queueing behind work the server cannot finish in time.
// How the server paces a client that asks again before its Retry-After: docs/http.md.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace hotline::http {

/// The Retry-After of a 503 overloaded, in seconds.
constexpr int overloaded_retry_after = 1;

class admission {
 public:
  admission(std::size_t slots, std::chrono::milliseconds patience)
      : free_(slots), patience_(patience) {}

  /// A slot held for one request; false when the request was shed.
  class ticket {
   public:
    explicit ticket(admission* a) : a_(a) {}
    ticket(ticket&& o) noexcept : a_(o.a_) { o.a_ = nullptr; }
    ticket(const ticket&) = delete;
    ticket& operator=(const ticket&) = delete;
    ticket& operator=(ticket&&) = delete;
    ~ticket() {
      if (a_) a_->release();
    }
    explicit operator bool() const { return a_ != nullptr; }

   private:
    admission* a_;
  };

  ticket enter() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (free_ == 0 && !freed_.wait_for(lock, patience_, [this] { return free_ > 0; }))
      return ticket(nullptr);
    --free_;
    return ticket(this);
  }

 private:
  void release() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++free_;
    }
    freed_.notify_one();
  }

  std::mutex mutex_;
  std::condition_variable freed_;
  std::size_t free_;
  std::chrono::milliseconds patience_;
};

}  // namespace hotline::http
