#pragma once
// Internal to the rule core: the pieces every decision uses. Not part of the public face.

#include <string>
#include <vector>

#include "workflow/decide.h"

namespace hotline::workflow::detail {

/// Collects the events of one decision, numbering them after the state's version.
class decision {
 public:
  decision(const ticket_state& s, const context& ctx) : s_(s), ctx_(ctx) {}
  template <class E>
  void add(E e) {
    events_.push_back({s_.version + events_.size() + 1, ctx_.now, by_text(ctx_.by), event{e},
                       ctx_.where.rules.version.id});
  }
  std::vector<event_record> take() { return std::move(events_); }

 private:
  const ticket_state& s_;
  const context& ctx_;
  std::vector<event_record> events_;
};

using events = result<std::vector<event_record>>;

/// What term rules select on.
struct profile {
  ticket_type type = ticket_type::consultation;
  std::optional<ticket_class> cls;
  std::optional<complexity> cx;
  bool emergency = false;
};
profile profile_of(const ticket_state& s);

/// The rule of `table` that applies to `p`, or nullptr.
const term_rule* select(const term_table& table, const profile& p);
/// A deadline's due instant, and what set it.
struct set_term {
  instant due;
  term_fact set_by;
};
using maybe_term = std::optional<set_term>;
inline std::optional<instant> due_of(const maybe_term& t) {
  return t ? std::optional<instant>(t->due) : std::nullopt;
}
inline std::optional<term_fact> fact_of(const maybe_term& t) {
  return t ? std::optional<term_fact>(t->set_by) : std::nullopt;
}
/// The term `p` that starts at `from`, on `cal`.
result<set_term> term_from(instant from, period p, const working_calendar& cal);

/// When the selected term that starts at `from` ends; nothing if no term applies.
result<maybe_term> due_by(const term_table& table, const profile& p, instant from,
                          const working_calendar& cal);

/// When the selected rule's limit that starts at `from` ends, or its term where it sets no limit.
result<maybe_term> limit_by(const term_table& table, const profile& p, instant from,
                            const working_calendar& cal);

/// The handling terms that start when the unit takes the ticket on.
result<handling_terms> start_handling(const ticket_state& s, const context& ctx);

/// What sign-off conditions look at.
struct sign_off_facts {
  int calls = 1;
  bool key = false;
  std::optional<ticket_class> cls;
  std::optional<complexity> cx;
  bool joint = false;
  bool hot_spot = false;
  int total_days = 0;
};
sign_off_facts sign_off_facts_of(const ticket_state& s, const policy& p);
/// The chain of the first rule for `at` that holds, or none.
std::vector<sign_off_level> sign_off_for(const policy& p, step at, const sign_off_facts& f);

/// The sign-offs a step records: the first approver, and the rest of a chain in order.
struct sign_offs {
  std::optional<approval> first;
  std::vector<approval> further;
};
/// What to record, or a refusal if the step needs sign-offs that were not all given: one name
/// per level of `chain`, in its order (001 art. 24).
result<sign_offs> check_sign_off(const std::vector<sign_off_level>& chain, step at,
                                 const std::optional<signatures>& given, instant now);

/// The dispatch of `target` (its class, complexity and co-handlers as they will be) to `lead`:
/// its sign-off, sign and return windows, and an "at once" contact term.
result<dispatched> dispatch_to(const ticket_state& target, const std::string& lead,
                               const std::optional<signatures>& approved_by, const context& ctx);
/// Refuses a unit the office may not dispatch to directly (003 §1(4): tier-2 units only).
std::optional<refusal> check_dispatch_tier(const department_tree& tree, const policy& p,
                                           const std::string& field, const std::string& id);

/// A supervised event raising `s` to `level`, with the ladder's plan and escalation terms.
/// `handling` says whether the ticket is (or is about to be) with a unit.
result<supervised> raise(const ticket_state& s, const context& ctx, supervision_level level,
                         supervision_trigger trigger, std::string reason, bool handling,
                         bool overdue_now);
/// The level an automatic trigger raises to in this jurisdiction, or nothing.
/// `fault_confirmed`: the center found the unit at fault (rules with needs_fault ask for it).
std::optional<supervision_level> automatic_level(const policy& p, supervision_trigger t,
                                                 const ticket_state& s,
                                                 bool fault_confirmed = false);
supervision_level next_rung(supervision_level l);

/// Closes the ticket: `closed` and `archived` with the retention date (000 art. 17).
void close_and_archive(decision& d, const context& ctx, bool add_closed);

/// Length in Unicode code points of valid UTF-8; -1 if not valid UTF-8.
long utf8_length(const std::string& s);
/// Refuses `text` unless it has 1..max code points.
std::optional<refusal> check_text(const std::string& field, const std::string& text, long max);

/// A step that records one checked text: `text` must be a valid `field` of at most `max`
/// characters, and then `e` is the one event.
template <class E>
events one_checked_event(const ticket_state& s, const context& ctx, const std::string& field,
                         const std::string& text, long max, E e) {
  if (auto r = check_text(field, text, max)) return *r;
  decision d(s, ctx);
  d.add(std::move(e));
  return d.take();
}

refusal invalid_transition(const ticket_state& s, const policy& p, std::string message);
refusal deadline_passed(deadline_kind kind, instant due, std::string message);
refusal limit_reached(std::string message);
refusal forbidden(std::string message);

// The decisions, one overload per command.
events decide_one(const ticket_state& s, const submit& c, const context& ctx);
events decide_one(const ticket_state& s, const answer& c, const context& ctx);
events decide_one(const ticket_state& s, const decline& c, const context& ctx);
events decide_one(const ticket_state& s, const dispatch& c, const context& ctx);
events decide_one(const ticket_state& s, const sign& c, const context& ctx);
events decide_one(const ticket_state& s, const return_ticket& c, const context& ctx);
events decide_one(const ticket_state& s, const approve_return& c, const context& ctx);
events decide_one(const ticket_state& s, const reject_return& c, const context& ctx);
events decide_one(const ticket_state& s, const assign_unit& c, const context& ctx);
events decide_one(const ticket_state& s, const contact& c, const context& ctx);
events decide_one(const ticket_state& s, const submit_plan& c, const context& ctx);
events decide_one(const ticket_state& s, const co_report& c, const context& ctx);
events decide_one(const ticket_state& s, const request_extension& c, const context& ctx);
events decide_one(const ticket_state& s, const approve_extension& c, const context& ctx);
events decide_one(const ticket_state& s, const reject_extension& c, const context& ctx);
events decide_one(const ticket_state& s, const reply& c, const context& ctx);
events decide_one(const ticket_state& s, const evaluate& c, const context& ctx);
events decide_one(const ticket_state& s, const review& c, const context& ctx);
events decide_one(const ticket_state& s, const supervise& c, const context& ctx);
events decide_one(const ticket_state& s, const request_termination& c, const context& ctx);
events decide_one(const ticket_state& s, const approve_termination& c, const context& ctx);
events decide_one(const ticket_state& s, const reject_termination& c, const context& ctx);
events decide_one(const ticket_state& s, const expire& c, const context& ctx);
events decide_one(const ticket_state& s, const recompute_deadlines& c, const context& ctx);
events decide_one(const ticket_state& s, const request_block& c, const context& ctx);
events decide_one(const ticket_state& s, const approve_block& c, const context& ctx);
events decide_one(const ticket_state& s, const reject_block& c, const context& ctx);
events decide_one(const ticket_state& s, const lift_block& c, const context& ctx);
events decide_one(const ticket_state& s, const unit_report& c, const context& ctx);
events decide_one(const ticket_state& s, const forward& c, const context& ctx);
events decide_one(const ticket_state& s, const platform_report& c, const context& ctx);
events decide_one(const ticket_state& s, const survey_reply& c, const context& ctx);
events decide_one(const ticket_state& s, const attach& c, const context& ctx);

/// `decided` (the events of one command on `s`) followed by survey_sent where they send the
/// caller the satisfaction survey by SMS (a reply or a direct answer, an SMS gateway, a caller
/// with a phone who is not blocked): its expiry is armed with it.
events with_survey(const ticket_state& s, events decided, const context& ctx);
/// The survey's time passed unanswered: recorded, then as the jurisdiction says.
events survey_expired(decision& d, const context& ctx, instant due);

/// Whether `who` may issue `a` on `s` (role and department), or why not.
std::optional<refusal> authorize(const ticket_state& s, action a, const actor_ref& who,
                                 const jurisdiction& where);

}  // namespace hotline::workflow::detail
