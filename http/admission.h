#pragma once
// Admission at the edge: at most `slots` requests are worked on at once. A request that finds no
// slot may wait a short moment for one (a burst is smoothed), then is shed: it is answered
// 503 overloaded at once instead of queueing behind work the server cannot finish in time.
// A slot is held by a ticket: for one request, or by a connection across its requests (a seat,
// docs/http.md "Connections").

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace hotline::http {

class admission {
 public:
  explicit admission(std::size_t slots) : free_(slots) {}

  /// A slot held; false when the request was shed.
  class ticket {
   public:
    explicit ticket(admission* a = nullptr) : a_(a) {}
    ticket(ticket&& o) noexcept : a_(o.a_) { o.a_ = nullptr; }
    ticket(const ticket&) = delete;
    ticket& operator=(const ticket&) = delete;
    ticket& operator=(ticket&& o) noexcept {
      if (this != &o) {
        if (a_) a_->release();
        a_ = o.a_;
        o.a_ = nullptr;
      }
      return *this;
    }
    ~ticket() {
      if (a_) a_->release();
    }
    explicit operator bool() const { return a_ != nullptr; }

   private:
    admission* a_;
  };

  /// A slot, waiting at most `patience` for one to free (zero: only one free now).
  ticket enter(std::chrono::milliseconds patience) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (free_ == 0 && !freed_.wait_for(lock, patience, [this] { return free_ > 0; }))
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
};

}  // namespace hotline::http
