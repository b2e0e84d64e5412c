#pragma once
// One clock interface, two implementations. The actors ask it what time it is and never know
// which one they run on; the timer service asks it whether time moves by itself.

#include <atomic>

#include "workflow/time.h"

namespace hotline::actors {

class clock {
 public:
  virtual ~clock() = default;
  virtual workflow::instant now() const = 0;
  /// A virtual clock moves only when told (advance); a real one by itself.
  virtual bool is_virtual() const = 0;
};

/// Wall-clock time, whole seconds.
class real_clock final : public clock {
 public:
  workflow::instant now() const override;
  bool is_virtual() const override { return false; }
};

/// Time that moves only through set(); never backwards.
class virtual_clock final : public clock {
 public:
  explicit virtual_clock(workflow::instant start) : now_(start.seconds) {}
  workflow::instant now() const override { return {now_.load()}; }
  bool is_virtual() const override { return true; }
  /// Moves to `t` if that is later than now.
  void set(workflow::instant t);

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace hotline::actors
