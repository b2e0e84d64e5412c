// A unit's decisions: sign or ask to return, pass to a subordinate unit, contact, plan, report,
// reply.
#include "workflow/decide_support.h"

namespace hotline::workflow::detail {

events decide_one(const ticket_state& s, const sign& c, const context& ctx) {
  auto approval = check_sign_off(sign_off_chain(s, ctx.where.rules, step::sign), step::sign,
                                 c.approved_by, ctx.now);
  if (!approval) return approval.error();
  auto terms = start_handling(s, ctx);
  if (!terms) return terms.error();
  decision d(s, ctx);
  d.add(signed_for{*terms, approval->first, approval->further});
  return d.take();
}

events decide_one(const ticket_state& s, const return_ticket& c, const context& ctx) {
  instant due = *s.return_deadline.due;  // allowed_actions offers return only with a window
  if (ctx.now > due)
    return deadline_passed(deadline_kind::return_window, due,
                           "The return window closed at " + format_instant(due) + ".");
  if (auto r = check_text("reason", c.reason, 2000)) return *r;
  const auto& needs = ctx.where.rules.return_needs;
  if (needs.value == return_grounds::basis_or_owner && c.basis.empty() && c.suggest.empty())
    return invalid_field("basis",
                         "or suggest must give the policy or legal basis, or the right "
                         "owner (" +
                             needs.from + ")");
  if (needs.value == return_grounds::opinion_and_basis && c.basis.empty())
    return invalid_field("basis",
                         "must give the basis for the unit's opinion (" + needs.from + ")");
  for (auto [field, text] : {std::pair{"basis", &c.basis}, {"suggest", &c.suggest}})
    if (!text->empty())
      if (auto r = check_text(field, *text, 2000)) return *r;
  decision d(s, ctx);
  d.add(return_requested{c.reason, c.basis, c.suggest, ctx.by.department});
  return d.take();
}

events decide_one(const ticket_state& s, const assign_unit& c, const context& ctx) {
  const department_tree& tree = ctx.where.departments;
  if (!tree.find(c.unit)) return invalid_field("unit", "'" + c.unit + "' is not a department");
  if (!tree.is_ancestor(s.lead, c.unit))
    return invalid_field("unit", "'" + c.unit + "' is not a subordinate unit of " + s.lead);
  if (c.unit == s.unit) return invalid_field("unit", "already holds the ticket");
  decision d(s, ctx);
  d.add(unit_assigned{c.unit});
  return d.take();
}

events decide_one(const ticket_state& s, const contact& c, const context& ctx) {
  if (!c.note.empty())
    if (auto r = check_text("note", c.note, 2000)) return *r;
  decision d(s, ctx);
  d.add(contacted{c.note});
  return d.take();
}

events decide_one(const ticket_state& s, const submit_plan& c, const context& ctx) {
  return one_checked_event(s, ctx, "plan", c.plan, 20000, plan_given{c.plan});
}

events decide_one(const ticket_state& s, const co_report& c, const context& ctx) {
  for (const auto& co : s.co)
    if (co.department == ctx.by.department && co.reported)
      return invalid_transition(s, ctx.where.rules, "This co-handler has already reported.");
  if (auto r = check_text("result", c.result, 20000)) return *r;
  decision d(s, ctx);
  d.add(co_reported{ctx.by.department, c.result});
  return d.take();
}

events decide_one(const ticket_state& s, const unit_report& c, const context& ctx) {
  return one_checked_event(s, ctx, "result", c.result, 20000, unit_reported{s.unit, c.result});
}

events decide_one(const ticket_state& s, const reply& c, const context& ctx) {
  // The lead answers for the whole, with each co-handler's part; a co-handler past its own term
  // is late itself and no longer holds the lead up (001 art. 14, 004 art. 23(5)).
  std::string missing;
  for (const auto& co : s.co)
    if (!co.reported && !co.overdue) missing += (missing.empty() ? "" : ", ") + co.department;
  if (!missing.empty())
    return invalid_transition(s, ctx.where.rules,
                              "The lead answers for the whole: co-handlers " + missing +
                                  " have not reported yet and their term has not passed "
                                  "(001 art. 14).");
  if (ctx.where.rules.reply_by_lead.value && !s.unit.empty() && !s.unit_reported)
    return invalid_transition(s, ctx.where.rules,
                              "Unit " + s.unit + " has not reported its result to " + s.lead +
                                  " yet (" + ctx.where.rules.reply_by_lead.from + ").");
  if (auto r = check_text("result", c.result, 20000)) return *r;
  // The reply names who answers for it (003 §5(4)).
  for (auto [field, text] : {std::pair{"handler.name", &c.by.name},
                             {"handler.post", &c.by.post},
                             {"handler.phone", &c.by.phone}})
    if (auto r = check_text(field, *text, 100)) return *r;
  auto approval = check_sign_off(sign_off_chain(s, ctx.where.rules, step::reply), step::reply,
                                 c.approved_by, ctx.now);
  if (!approval) return approval.error();
  decision d(s, ctx);
  d.add(replied{c.result, c.by, approval->first, approval->further});
  return d.take();
}

}  // namespace hotline::workflow::detail
