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
  const bool co_missing =
      std::any_of(s.co.begin(), s.co.end(), [](const co_handler& c) { return !c.reported; });
  arm(deadline_kind::dispatch, s.current == status::received);
  // A return asked for in time stops the sign clock until the center decides (002 art. 17(1)).
  arm(deadline_kind::sign, dispatched && !s.return_request);
  arm(deadline_kind::return_window,
      dispatched && s.deemed_on_return_expiry && !s.return_request && !s.return_refused);
  // "At once" contact runs from dispatch (002 art. 16(3)); others from taking the ticket on.
  arm(deadline_kind::contact, (dispatched || handling) && !s.contacted);
  arm(deadline_kind::plan, handling && !s.plan_given);
  arm(deadline_kind::handle, handling);
  arm(deadline_kind::co_report, handling && co_missing);
  // An evaluation, whoever gives it, moves the ticket on and so disarms the survey.
  arm(deadline_kind::survey, s.current == status::answered || s.current == status::replied);
  // The ladder climbs by itself only while the item is still late (003 §6).
  arm(deadline_kind::escalate, s.still_overdue() && s.supervision < supervision_level::transferred);
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
  const auto& answerable = p.direct_answer_types.value;
  // A forwarded item is the lower platform's to handle: it reports back, at any time (even after
  // the center here closed it), and nothing else is done with it here but supervision.
  if (!s.forwarded_to.empty()) {
    allow(action::platform_report);
    if (s.is_open()) allow(action::supervise);
    blocks();
    return out;
  }
  switch (s.current) {
    case status::received:
      // Some jurisdictions answer only consultations directly (001 10(1), 002 16(1), 003 5(3)1).
      allow(action::answer, answerable.empty() || std::find(answerable.begin(), answerable.end(),
                                                            s.type) != answerable.end());
      allow(action::decline);
      allow(action::dispatch);
      allow(action::forward, !p.platforms.empty());
      break;
    case status::answered:
      allow(action::evaluate);
      allow(action::survey_reply);
      break;
    case status::dispatched:
      allow(action::sign, !s.return_request);
      allow(action::return_ticket, may_return);
      allow(action::co_report);
      break;
    case status::handling:
      allow(action::assign_unit);
      allow(action::unit_report, !s.unit.empty() && !s.unit_reported);
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
      allow(action::survey_reply);
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

std::vector<sign_off_level> sign_off_chain(const ticket_state& s, const policy& p, step at) {
  auto facts = detail::sign_off_facts_of(s, p);
  // For an extension, what the shortest one (a single working day) would need; a longer request
  // may need more, and request_extension checks the days actually asked for.
  if (at == step::extension) facts.total_days += 1;
  return detail::sign_off_for(p, at, facts);
}

std::optional<sign_off_level> sign_off_needed(const ticket_state& s, const policy& p, step at) {
  auto chain = sign_off_chain(s, p, at);
  if (chain.empty()) return std::nullopt;
  return chain.back();
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
        if constexpr (!is_action_command_v<T>)
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
