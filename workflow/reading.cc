// What is read off a ticket's state: its armed deadlines, the actions allowed now, the sign-offs
// its steps need, who may see it, and the names of things.
#include <algorithm>

#include "workflow/decide_support.h"

namespace hotline::workflow {

std::vector<armed_deadline> deadlines(const ticket_state& s) {
  std::vector<armed_deadline> out;
  auto arm = [&](deadline_kind kind, bool when) {
    const deadline_slot& slot = s.slot(kind);
    if (when && slot.due && !slot.fired) out.push_back({kind, *slot.due});
  };
  const bool dispatched = s.current == status::dispatched;
  const bool handling = s.current == status::handling;
  arm(deadline_kind::dispatch, s.current == status::received);
  arm(deadline_kind::sign, dispatched);
  arm(deadline_kind::return_window, dispatched && s.deemed_on_return_expiry && !s.return_request);
  arm(deadline_kind::contact, handling && !s.contacted);
  arm(deadline_kind::plan, handling && !s.plan_given);
  arm(deadline_kind::handle, handling);
  arm(deadline_kind::escalate,
      (dispatched || handling) && s.supervision < supervision_level::transferred);
  // Earliest first; at the same instant, in the order of deadline_kind (sign before return).
  std::stable_sort(out.begin(), out.end(),
                   [](const armed_deadline& a, const armed_deadline& b) { return a.due < b.due; });
  return out;
}

std::vector<action> allowed_actions(const ticket_state& s, const policy& p) {
  std::vector<action> out;
  auto allow = [&](action a, bool when = true) {
    if (when) out.push_back(a);
  };
  const bool may_return = s.return_deadline.due && !s.return_refused && !s.return_request;
  const bool may_terminate = p.termination_allowed.value && !s.termination_request &&
                             s.repeat_count + 1 >= p.termination_calls_at_least.value;
  // Harassment may come to light after a ticket ends (on the visit-back, say), so a block can be
  // asked for, decided and lifted on any ticket.
  auto blocks = [&] {
    allow(action::request_block,
          p.harassment_blocking.value && !s.block_request && !s.caller_blocked);
    allow(action::approve_block, bool(s.block_request));
    allow(action::reject_block, bool(s.block_request));
    allow(action::lift_block, s.caller_blocked);
  };
  switch (s.current) {
    case status::received:
      allow(action::answer);
      allow(action::decline);
      allow(action::dispatch);
      break;
    case status::answered:
      allow(action::evaluate);
      break;
    case status::dispatched:
      allow(action::sign, !s.return_request);
      allow(action::return_ticket, may_return);
      allow(action::co_report);
      break;
    case status::handling:
      allow(action::assign_unit);
      allow(action::contact);
      allow(action::plan);
      allow(action::co_report);
      allow(action::request_extension, !s.extension_request);
      allow(action::approve_extension, bool(s.extension_request));
      allow(action::reject_extension, bool(s.extension_request));
      allow(action::reply);
      allow(action::return_ticket, may_return);
      allow(action::request_termination, may_terminate);
      break;
    case status::replied:
      allow(action::evaluate);
      allow(action::request_termination, may_terminate);
      break;
    case status::professional_review:
      allow(action::review);
      break;
    case status::declined:
    case status::terminated:
    case status::closed:
      blocks();
      return out;
  }
  allow(action::approve_return, bool(s.return_request));
  allow(action::reject_return, s.return_request && p.center_may_refuse_return.value);
  allow(action::approve_termination, bool(s.termination_request));
  allow(action::reject_termination, bool(s.termination_request));
  allow(action::supervise, s.exists());
  blocks();
  return out;
}

std::optional<sign_off_level> sign_off_needed(const ticket_state& s, const policy& p, step at) {
  auto facts = detail::sign_off_facts_of(s, p);
  // For an extension, what the shortest one (a single working day) would need; a longer request
  // may need more, and request_extension checks the days actually asked for.
  if (at == step::extension) facts.total_days += 1;
  return detail::sign_off_for(p, at, facts);
}

bool may_view(const ticket_state& s, const actor_ref& viewer, const department_tree& tree) {
  if (viewer.who != role::department) return true;
  const std::string& d = viewer.department;
  auto holds = [&](const std::string& holder) {
    return !holder.empty() && (holder == d || tree.is_ancestor(d, holder));
  };
  if (holds(s.lead) || holds(s.unit)) return true;
  return std::any_of(s.co.begin(), s.co.end(),
                     [&](const co_handler& c) { return holds(c.department); });
}

bool citizen_visible(const ticket_state& s, const actor_ref& viewer) {
  return !(s.confidential && viewer.who == role::department);
}

std::optional<action> action_of(const command& c) {
  return std::visit(
      [](const auto& x) -> std::optional<action> {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, submit> || std::is_same_v<T, expire>)
          return std::nullopt;
        else
          return T::act;
      },
      c);
}

std::string event_name(const event& e) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, overdue>)
          return std::string(name_of(x.kind)) + "_overdue";
        else
          return std::string(T::name);
      },
      e);
}

}  // namespace hotline::workflow
