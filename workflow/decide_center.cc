// The center's and supervisors' decisions: returns, evaluation and its dissatisfaction paths,
// professional review, supervision, termination.
#include <algorithm>

#include "workflow/decide_support.h"

namespace hotline::workflow::detail {
namespace {

bool with_a_unit(const ticket_state& s) {
  return s.current == status::dispatched || s.current == status::handling;
}

// Still overdue in the ladder's sense: the handling or plan deadline passed unmet.
bool overdue_in_handling(const ticket_state& s) {
  return s.current == status::handling && (s.handle_deadline.fired || s.plan_deadline.fired);
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
  ticket_state target = s;
  target.co.clear();
  for (const auto& co : s.co)
    if (co.department != c.redispatch_to) target.co.push_back(co);
  auto approval = check_sign_off(sign_off_needed(target, p, step::dispatch), step::dispatch,
                                 c.approved_by, ctx.now);
  if (!approval) return approval.error();
  profile prof = profile_of(s);
  auto sign_due = due_by(p.sign, prof, ctx.now, ctx.where.calendar);
  if (!sign_due) return sign_due.error();
  auto return_due = due_by(p.return_window, prof, ctx.now, ctx.where.calendar);
  if (!return_due) return return_due.error();
  std::vector<std::string> co;
  for (const auto& h : target.co) co.push_back(h.department);
  d.add(return_approved{c.redispatch_to});
  d.add(dispatched{c.redispatch_to, co, std::nullopt, std::nullopt, *approval, *sign_due,
                   *return_due, p.deemed_acceptance.value});
  return d.take();
}

events decide_one(const ticket_state& s, const reject_return& c, const context& ctx) {
  if (auto r = check_text("reason", c.reason, 2000)) return *r;
  decision d(s, ctx);
  d.add(return_rejected{c.reason});
  // The unit must then handle it (002 art. 17(1)): a unit that had not signed is taken on.
  if (s.current == status::dispatched) {
    auto terms = start_handling(s, ctx);
    if (!terms) return terms.error();
    d.add(deemed_signed{*terms, "return_rejected"});
  }
  return d.take();
}

events decide_one(const ticket_state& s, const evaluate& c, const context& ctx) {
  const policy& p = ctx.where.rules;
  if (!c.comment.empty())
    if (auto r = check_text("comment", c.comment, 2000)) return *r;
  decision d(s, ctx);
  d.add(evaluated{c.satisfied, c.comment});
  if (c.satisfied) {
    close_and_archive(d, ctx, true);  // 002 art. 20(1)
    return d.take();
  }
  if (s.current == status::answered) {
    d.add(reopened{});  // a direct answer that did not satisfy goes to a unit
    return d.take();
  }
  const auto& exempt = p.satisfaction_exempt.value;
  if (s.kind_of_matter &&
      std::find(exempt.begin(), exempt.end(), *s.kind_of_matter) != exempt.end()) {
    close_and_archive(d, ctx, true);  // 001 art. 25: no chasing satisfaction
    return d.take();
  }
  const bool review = s.dissatisfied_count + 1 >= 2 && p.second_dissatisfaction_review.value;
  if (review) {
    d.add(review_started{});
  } else {
    auto due = due_by(p.handle, profile_of(s), ctx.now, ctx.where.calendar);
    if (!due) return due.error();
    d.add(rework_started{*due});
  }
  auto level = automatic_level(p, supervision_trigger::dissatisfaction, s);
  if (level && *level > s.supervision) {
    auto e = raise(s, ctx, *level, supervision_trigger::dissatisfaction,
                   "dissatisfied " + std::to_string(s.dissatisfied_count + 1) + " time(s)", !review,
                   false);
    if (!e) return e.error();
    d.add(*e);
  }
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
  auto e = raise(s, ctx, level, c.trigger, c.reason, with_a_unit(s), overdue_in_handling(s));
  if (!e) return e.error();
  decision d(s, ctx);
  d.add(*e);
  return d.take();
}

events decide_one(const ticket_state& s, const request_termination& c, const context& ctx) {
  if (auto r = check_text("reason", c.reason, 2000)) return *r;
  auto approval = check_sign_off(sign_off_needed(s, ctx.where.rules, step::termination),
                                 step::termination, c.approved_by, ctx.now);
  if (!approval) return approval.error();
  decision d(s, ctx);
  d.add(termination_requested{c.reason, *approval});
  return d.take();
}

events decide_one(const ticket_state& s, const approve_termination& c, const context& ctx) {
  decision d(s, ctx);
  d.add(terminated{c.reason.empty() ? s.termination_request->reason : c.reason});
  close_and_archive(d, ctx, false);
  return d.take();
}

events decide_one(const ticket_state& s, const reject_termination& c, const context& ctx) {
  return one_checked_event(s, ctx, "reason", c.reason, 2000, termination_rejected{c.reason});
}

}  // namespace hotline::workflow::detail
