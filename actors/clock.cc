#include "actors/clock.h"

#include <chrono>

namespace hotline::actors {

workflow::instant real_clock::now() const {
  using namespace std::chrono;
  return {duration_cast<seconds>(system_clock::now().time_since_epoch()).count()};
}

void virtual_clock::move_to(workflow::instant t) {
  std::int64_t current = now_.load();
  while (t.seconds > current && !now_.compare_exchange_weak(current, t.seconds)) {
  }
}

}  // namespace hotline::actors
