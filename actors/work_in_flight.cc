#include "actors/work_in_flight.h"

namespace hotline::actors {

work_token work_in_flight::begin() {
  ++count_;
  // The pointer is only a handle for the deleter; nothing is owned.
  return work_token(
      std::shared_ptr<void>(this, [](void* self) { static_cast<work_in_flight*>(self)->end(); }));
}

void work_in_flight::end() {
  if (--count_ != 0) return;
  std::lock_guard<std::mutex> lock(mutex_);  // so a waiter between its check and its wait hears it
  idle_.notify_all();
}

bool work_in_flight::wait_idle(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return idle_.wait_for(lock, timeout, [&] { return count_ == 0; });
}

}  // namespace hotline::actors
