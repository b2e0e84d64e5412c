// The entry point: who may ask, whether the status allows it, then the command's own rule.
#include <algorithm>

#include "workflow/decide_support.h"

namespace hotline::workflow {
namespace detail {

refusal forbidden(std::string message) {
  return refused(refusal_code::forbidden, std::move(message));
}

namespace {

role role_for(action a) {
  switch (a) {
    case action::answer:
    case action::decline:
    case action::dispatch:
    case action::evaluate:
    case action::forward:
      return role::operator_;
    case action::platform_report:
      return role::platform;
    case action::survey_reply:
      return role::gateway;
    case action::sign:
    case action::return_ticket:
    case action::assign_unit:
    case action::contact:
    case action::plan:
    case action::co_report:
    case action::request_extension:
    case action::reply:
    case action::request_termination:
    case action::request_block:
    case action::unit_report:
      return role::department;
    default:
      return role::supervisor;
  }
}

}  // namespace

std::optional<refusal> authorize(const ticket_state& s, action a, const actor_ref& who,
                                 const jurisdiction& where) {
  const department_tree& tree = where.departments;
  if (auto denied = authorize_role(a, who)) return denied;
  if (role_for(a) != role::department || who.who != role::department) return std::nullopt;
  const std::string& d = who.department;
  auto is_or_above = [&](const std::string& holder) {
    return !holder.empty() && (holder == d || tree.is_ancestor(d, holder));
  };
  bool allowed = false;
  switch (a) {
    case action::co_report:
      allowed = s.is_co_handler(d);
      break;
    case action::sign:
    case action::return_ticket:
    case action::assign_unit:
      allowed = is_or_above(s.lead);
      break;
    case action::unit_report:
      allowed = d == s.unit;
      break;
    case action::reply:
      // Where a subordinate unit reports to the unit above it, that unit replies (003 §1(4)).
      allowed = is_or_above(s.lead) || (!where.rules.reply_by_lead.value && is_or_above(s.unit));
      break;
    default:
      allowed = is_or_above(s.lead) || is_or_above(s.unit);
  }
  if (!allowed)
    return forbidden("Department " + d + " does not hold this ticket for " +
                     std::string(name_of(a)) + ".");
  return std::nullopt;
}

}  // namespace detail

std::optional<refusal> authorize_role(action a, const actor_ref& who) {
  // The system (timers, escalation rules) may supervise; nobody else acts for a role.
  if (who.who == role::system && a == action::supervise) return std::nullopt;
  // Harassment reaches the center's own staff first: operators may ask for a block too.
  if (who.who == role::operator_ && a == action::request_block) return std::nullopt;
  role needed = detail::role_for(a);
  if (who.who != needed)
    return detail::forbidden("Only the " + std::string(name_of(needed)) + " role may " +
                             std::string(name_of(a)) + " a ticket.");
  return std::nullopt;
}

std::optional<refusal> authorize_intake(const actor_ref& who) {
  // An upper platform registers what it forwards (002 art. 10); decide_one(submit) checks it.
  if (who.who == role::operator_ || who.who == role::platform) return std::nullopt;
  return detail::forbidden("Only the operator role may register a ticket.");
}

result<std::vector<event_record>> decide(const ticket_state& s, const command& c,
                                         const context& ctx) {
  using namespace detail;
  if (std::holds_alternative<submit>(c)) return decide_one(s, std::get<submit>(c), ctx);
  if (!s.exists()) {
    refusal r;
    r.code = refusal_code::not_found;
    r.message = "There is no such ticket.";
    return r;
  }
  if (std::holds_alternative<expire>(c)) return decide_one(s, std::get<expire>(c), ctx);
  if (auto* r = std::get_if<recompute_deadlines>(&c)) return decide_one(s, *r, ctx);
  if (auto* a = std::get_if<attach>(&c)) return decide_one(s, *a, ctx);  // checks its uploader

  action a = *action_of(c);  // every other command is an action
  if (auto denied = authorize(s, a, ctx.by, ctx.where)) return *denied;
  auto allowed = allowed_actions(s, ctx.where.rules);
  if (std::find(allowed.begin(), allowed.end(), a) == allowed.end()) {
    const auto& answerable = ctx.where.rules.direct_answer_types;
    if (a == action::answer && s.current == status::received)
      return invalid_transition(s, ctx.where.rules,
                                "A " + std::string(name_of(s.type)) +
                                    " is not answered directly here (" + answerable.from +
                                    "): dispatch it to a unit.");
    return invalid_transition(s, ctx.where.rules,
                              "A ticket that is " + std::string(name_of(s.current)) +
                                  " does not allow " + std::string(name_of(a)) + " now.");
  }
  return with_survey(s, std::visit([&](const auto& x) { return decide_one(s, x, ctx); }, c), ctx);
}

}  // namespace hotline::workflow
