#include "actors/outbox_progress.h"

namespace hotline::actors {

void outbox_progress::sent(std::size_t n) {
  std::lock_guard<std::mutex> lock(mutex_);
  in_transit_ += n;
}

void outbox_progress::taken(std::size_t fresh, std::size_t pending) {
  std::lock_guard<std::mutex> lock(mutex_);
  in_transit_ -= fresh;
  f_.pending += pending;
  changed_.notify_all();
}

void outbox_progress::start(std::size_t pending, std::size_t failed, std::uint64_t delivered) {
  std::lock_guard<std::mutex> lock(mutex_);
  f_.pending += pending;
  f_.failed += failed;
  f_.delivered += delivered;
  changed_.notify_all();
}

void outbox_progress::attempted(bool will_retry) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++f_.attempts;
  if (will_retry) ++f_.retries;
}

void outbox_progress::delivered() {
  std::lock_guard<std::mutex> lock(mutex_);
  --f_.pending;
  ++f_.delivered;
  changed_.notify_all();
}

void outbox_progress::failed() {
  std::lock_guard<std::mutex> lock(mutex_);
  --f_.pending;
  ++f_.failed;
  changed_.notify_all();
}

outbox_figures outbox_progress::figures() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return f_;
}

bool outbox_progress::wait_settled(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return in_transit_ == 0 && f_.pending == 0; });
}

}  // namespace hotline::actors
