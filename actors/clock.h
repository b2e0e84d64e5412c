#pragma once
// One clock interface, two implementations. The actors ask it what time it is and never know
// which one they run on; the timer service asks it what it needs to fire deadlines: whether time
// moves by itself, and (when it does not) to move it to the instant it fires.

#include <atomic>

#include "workflow/time.h"

namespace hotline::actors {

class clock {
 public:
  virtual ~clock() = default;
  virtual workflow::instant now() const = 0;
  /// Wall time moves by itself: the timer fires what falls due on its tick, and a ticket that
  /// arms a deadline already due wakes it. Otherwise time moves only when the timer moves it,
  /// one due instant at a time (runtime::advance).
  virtual bool moves_by_itself() const = 0;
  /// Moves time to `t` if that is later than now; a clock that moves by itself ignores it.
  virtual void move_to(workflow::instant t) = 0;
};

/// Wall-clock time, whole seconds.
class real_clock final : public clock {
 public:
  workflow::instant now() const override;
  bool moves_by_itself() const override { return true; }
  void move_to(workflow::instant) override {}
};

/// Time that moves only through move_to(); never backwards.
class virtual_clock final : public clock {
 public:
  explicit virtual_clock(workflow::instant start) : now_(start.seconds) {}
  workflow::instant now() const override { return {now_.load()}; }
  bool moves_by_itself() const override { return false; }
  void move_to(workflow::instant t) override;

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace hotline::actors
