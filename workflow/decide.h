#pragma once
// The ticket aggregate in the decide/evolve shape (Akka's EventSourcedBehavior, pure):
//   decide(state, command, context) -> events, or a refusal that leaves the state untouched;
//   evolve(state, event)            -> the next state, with no side effects, so replay is safe;
//   deadlines(state)                -> the timers to arm.
// Time is a parameter: nothing here reads a clock, a file or a random source.

#include <optional>
#include <vector>

#include "workflow/commands.h"
#include "workflow/events.h"
#include "workflow/policy.h"
#include "workflow/result.h"
#include "workflow/ticket.h"

namespace hotline::workflow {

struct context {
  const jurisdiction& where;
  instant now;
  actor_ref by;
};

/// The events `c` yields against `s`, numbered after s.version, or why it is refused.
/// An expire for a deadline that is no longer armed yields no events.
result<std::vector<event_record>> decide(const ticket_state& s, const command& c,
                                         const context& ctx);

/// Folds one event into the state.
void evolve(ticket_state& s, const event_record& e);

/// Folds a ticket's whole log, in order.
ticket_state replay(const std::vector<event_record>& log);

struct armed_deadline {
  deadline_kind kind = deadline_kind::sign;
  instant due;
};
inline bool operator==(const armed_deadline& a, const armed_deadline& b) {
  return a.kind == b.kind && a.due == b.due;
}

/// The deadlines whose expiry would change something now, earliest first.
std::vector<armed_deadline> deadlines(const ticket_state& s);

/// The holder's next term: the earliest deadline that whoever holds the ticket now still has to
/// meet (the center's dispatch; the unit's sign, contact, plan and handling terms), passed or not,
/// so an overdue ticket comes before one due later. Nothing when the holder owes none (replied,
/// closed, forwarded to a lower platform...).
std::optional<instant> next_due(const ticket_state& s);

/// Whether a request of kind `k` (a return, an extension, a termination, a block) awaits a
/// decision: the listing's `pending` filter.
bool is_pending(const ticket_state& s, pending_kind k);

/// The actions the ticket's status allows now, whoever asks.
std::vector<action> allowed_actions(const ticket_state& s, const policy& p);

/// The sign-offs each step needs now, in signing order (rules.md §8; 001 art. 24's chain), or
/// none. For an extension: what the shortest possible one would need.
std::vector<sign_off_level> sign_off_chain(const ticket_state& s, const policy& p, step at);
/// The last (highest) level of that chain, or nothing: the ticket's `sign_off` for the step.
std::optional<sign_off_level> sign_off_needed(const ticket_state& s, const policy& p, step at);

/// Whether `who`'s role may ever take `a`, or register a ticket, whichever ticket it is: checked
/// before a request's body is read, so a role that may not act is refused whatever it sent.
std::optional<refusal> authorize_role(action a, const actor_ref& who);
std::optional<refusal> authorize_intake(const actor_ref& who);

/// Whether `viewer` may read the ticket: staff see all; a department sees the tickets it leads,
/// co-handles or holds, and those of its subordinate units.
bool may_view(const ticket_state& s, const actor_ref& viewer, const department_tree& tree);

/// Whether `viewer` may see the caller's name and contact (000 art. 9, 004 art. 19).
bool citizen_visible(const ticket_state& s, const actor_ref& viewer);
/// Whether `viewer` sees the callers of confidential tickets: center staff do, departments do not.
/// So a department's search by phone never finds a confidential ticket: it would tell the
/// department who the hidden caller is.
bool sees_confidential_callers(const actor_ref& viewer);

}  // namespace hotline::workflow
