#pragma once
// What the people around a ticket do next, and when: the operator dispatches, answers or
// declines; the unit signs or asks to return, contacts, reports, asks for time, replies (on
// time or late); the caller is satisfied or not; a supervisor decides requests and reviews.
// A pure function of the ticket's state: every draw is keyed by (seed, ticket, version, why),
// so a re-plan after a timer changed the ticket draws afresh and the same state always gives
// the same step.

#include <optional>

#include "apps/simulate/traffic.h"
#include "workflow/decide.h"

namespace hotline::simulate {

struct step {
  workflow::instant at;  // not before this
  workflow::command c;
  workflow::actor_ref by;
};

class behavior {
 public:
  behavior(const load_model& m, const workflow::jurisdiction& j, std::uint64_t seed)
      : m_(m), j_(j), seed_(seed) {}

  /// The next step for ticket `t` (the `index`-th arrival `a`); nothing once it is over.
  /// `blocked`: an optional action the rules refused for this very state, not to plan again.
  std::optional<step> next(const workflow::ticket_state& t, const arrival& a, std::size_t index,
                           std::optional<workflow::action> blocked = std::nullopt) const;

 private:
  enum class why : int;  // what a draw decides: each decision draws its own number
  double chance(const workflow::ticket_state& t, std::size_t index, why reason) const;
  workflow::instant later(workflow::instant from, range hours, const workflow::ticket_state& t,
                          std::size_t index, why reason) const;
  const unit_behavior& unit(const std::string& department) const;
  std::optional<workflow::signatures> sign_off(const workflow::ticket_state& t,
                                               workflow::step s) const;

  std::optional<step> center(const workflow::ticket_state& t, std::size_t index) const;
  std::optional<step> with_unit(const workflow::ticket_state& t, const arrival& a,
                                std::size_t index, std::optional<workflow::action> blocked) const;
  std::optional<step> supervisor(const workflow::ticket_state& t, std::size_t index) const;
  std::optional<step> evaluation(const workflow::ticket_state& t, const arrival& a,
                                 std::size_t index) const;

  const load_model& m_;
  const workflow::jurisdiction& j_;
  std::uint64_t seed_;
};

}  // namespace hotline::simulate
