// The center's and supervisors' decisions: returns, evaluation and its dissatisfaction paths,
// professional review, supervision, termination.
#include <algorithm>

#include "workflow/decide_support.h"

namespace hotline::workflow::detail {
namespace {

bool with_a_unit(const ticket_state& s) {
  return s.current == status::dispatched || s.current == status::handling;
}

// Adds the supervision an automatic trigger brings, where the jurisdiction has a rule for it.
std::optional<refusal> supervise_automatically(decision& d, const ticket_state& s,
                                               const context& ctx, supervision_trigger trigger,
                                               std::string reason, bool handling,
                                               bool fault_confirmed = false) {
  auto level = automatic_level(ctx.where.rules, trigger, s, fault_confirmed);
  if (!level || *level <= s.supervision) return std::nullopt;
  auto e = raise(s, ctx, *level, trigger, std::move(reason), handling, false);
  if (!e) return e.error();
  d.add(*e);
  return std::nullopt;
}

}  // namespace

events decide_one(const ticket_state& s, const approve_return& c, const context& ctx) {
  const policy& p = ctx.where.rules;
  decision d(s, ctx);
  if (c.redispatch_to.empty()) {
    d.add(return_approved{});
    return d.take();
  }
  if (!ctx.where.departments.find(c.redispatch_to))
    return invalid_field("redispatch_to", "'" + c.redispatch_to + "' is not a department");
  if (c.redispatch_to == s.lead)
    return invalid_field("redispatch_to", "is the unit that asked to return it");
  if (auto r = check_dispatch_tier(ctx.where.departments, p, "redispatch_to", c.redispatch_to))
    return *r;
  ticket_state target = s;
  target.co.clear();
  for (const auto& co : s.co)
    if (co.department != c.redispatch_to) target.co.emplace_back(co.department);
  auto e = dispatch_to(target, c.redispatch_to, c.approved_by, ctx);
  if (!e) return e.error();
  d.add(return_approved{c.redispatch_to});
  d.add(*e);
  return d.take();
}

events decide_one(const ticket_state& s, const reject_return& c, const context& ctx) {
  if (auto r = check_text("reason", c.reason, 2000)) return *r;
  // The unit must then take it in the normal way (002 art. 17(1)): one that had not signed signs,
  // with the sign-off signing needs, within a new signing term (the clock stopped meanwhile).
  maybe_term sign_due;
  if (s.current == status::dispatched) {
    auto due = due_by(ctx.where.rules.sign, profile_of(s), ctx.now, ctx.where.calendar);
    if (!due) return due.error();
    sign_due = *due;
  }
  decision d(s, ctx);
  d.add(return_rejected{c.reason, due_of(sign_due), fact_of(sign_due)});
  // The unit and the center disagree on whose duty it is (001 art. 21(3)).
  if (auto r = supervise_automatically(d, s, ctx, supervision_trigger::unclear_responsibility,
                                       "return refused: responsibility disputed", true))
    return *r;
  return d.take();
}

events decide_one(const ticket_state& s, const evaluate& c, const context& ctx) {
  const policy& p = ctx.where.rules;
  if (!c.comment.empty())
    if (auto r = check_text("comment", c.comment, 2000)) return *r;
  const auto& exempt = p.satisfaction_exempt.value;
  const bool answered_directly = s.current == status::answered;
  const bool exempt_matter = s.kind_of_matter && std::find(exempt.begin(), exempt.end(),
                                                           *s.kind_of_matter) != exempt.end();
  if (c.unit_at_fault && (c.satisfied || answered_directly))
    return invalid_field("unit_at_fault",
                         "is a finding on a unit's result the caller is unhappy with");
  // Redone only once the center has verified it is the unit's fault (002 art. 19(3)).
  const bool needs_finding =
      !c.satisfied && !answered_directly && !exempt_matter && p.rework_needs_fault.value;
  if (needs_finding && !c.unit_at_fault)
    return invalid_field("unit_at_fault",
                         "is required: say whether the verification found the unit "
                         "at fault (" +
                             p.rework_needs_fault.from + ")");
  decision d(s, ctx);
  // A direct answer is the center's, not a unit's (rules.md §1); mediation and enforcement items
  // do not chase satisfaction (001 art. 25): neither counts toward a unit's figures.
  d.add(evaluated{c.satisfied, c.comment, c.unit_at_fault, !answered_directly && !exempt_matter});
  if (c.satisfied) {
    close_and_archive(d, ctx, true);  // 002 art. 20(1)
    return d.take();
  }
  if (answered_directly) {
    d.add(reopened{});  // a direct answer that did not satisfy goes to a unit
    return d.take();
  }
  if (exempt_matter || (needs_finding && !*c.unit_at_fault)) {
    close_and_archive(d, ctx, true);  // 001 art. 25; 002 art. 19(3): not the unit's doing
    return d.take();
  }
  const bool review = s.dissatisfied_count + 1 >= 2 && p.second_dissatisfaction_review.value;
  if (review) {
    d.add(review_started{});
  } else {
    auto due = limit_by(p.handle, profile_of(s), ctx.now, ctx.where.calendar);
    if (!due) return due.error();
    d.add(rework_started{due_of(*due), fact_of(*due)});
  }
  if (auto r = supervise_automatically(
          d, s, ctx, supervision_trigger::dissatisfaction,
          "dissatisfied " + std::to_string(s.dissatisfied_count + 1) + " time(s)" +
              (c.unit_at_fault.value_or(false) ? ", the unit at fault" : ""),
          !review, c.unit_at_fault.value_or(false)))
    return *r;
  return d.take();
}

events decide_one(const ticket_state& s, const review& c, const context& ctx) {
  if (!c.note.empty())
    if (auto r = check_text("note", c.note, 2000)) return *r;
  decision d(s, ctx);
  d.add(reviewed{c.upheld, c.note});
  close_and_archive(d, ctx, true);  // 002 art. 20(2): closed after professional evaluation
  return d.take();
}

events decide_one(const ticket_state& s, const supervise& c, const context& ctx) {
  const policy& p = ctx.where.rules;
  supervision_level level;
  if (c.trigger != supervision_trigger::manual) {
    // An automatic trigger (concentration, repeats) raises only where a rule says so.
    auto automatic = automatic_level(p, c.trigger, s);
    if (!automatic || *automatic <= s.supervision) return std::vector<event_record>{};
    level = *automatic;
  } else {
    if (auto r = check_text("reason", c.reason, 2000)) return *r;
    if (!c.level && s.supervision == supervision_level::transferred)
      return limit_reached("The ticket has been transferred, the ladder's top rung.");
    level = c.level.value_or(next_rung(s.supervision));
    if (level <= s.supervision)
      return invalid_field(
          "level", "must be above the current level, " + std::string(name_of(s.supervision)));
  }
  auto e = raise(s, ctx, level, c.trigger, c.reason, with_a_unit(s), s.still_overdue());
  if (!e) return e.error();
  decision d(s, ctx);
  d.add(*e);
  return d.take();
}

events decide_one(const ticket_state& s, const request_termination& c, const context& ctx) {
  if (auto r = check_text("reason", c.reason, 2000)) return *r;
  auto approval = check_sign_off(sign_off_chain(s, ctx.where.rules, step::termination),
                                 step::termination, c.approved_by, ctx.now);
  if (!approval) return approval.error();
  decision d(s, ctx);
  d.add(termination_requested{c.reason, approval->first, approval->further});
  return d.take();
}

events decide_one(const ticket_state& s, const approve_termination& c, const context& ctx) {
  const policy& p = ctx.where.rules;
  if (!c.reason.empty())
    if (auto r = check_text("reason", c.reason, 2000)) return *r;
  // The county head consents, then the item goes to the city for cancellation (001 art. 20).
  auto approval = check_sign_off(sign_off_chain(s, p, step::termination_approval),
                                 step::termination_approval, c.approved_by, ctx.now);
  if (!approval) return approval.error();
  decision d(s, ctx);
  d.add(terminated{c.reason.empty() ? s.termination_request->reason : c.reason, approval->first,
                   approval->further, p.termination_report_to.value});
  close_and_archive(d, ctx, false);
  return d.take();
}

events decide_one(const ticket_state& s, const reject_termination& c, const context& ctx) {
  return one_checked_event(s, ctx, "reason", c.reason, 2000, termination_rejected{c.reason});
}

}  // namespace hotline::workflow::detail
