// What is read off a ticket's state: its armed deadlines, the actions allowed now, the sign-offs
// its steps need, who may see it, and the names of things.
#include <algorithm>

#include "workflow/decide_support.h"

namespace hotline::workflow {

namespace {

// Whether the ticket's status and open requests call for a `kind` deadline now: it is armed if
// it is also set and has not fired.
bool called_for(const ticket_state& s, deadline_kind kind) {
  const bool dispatched = s.current == status::dispatched;
  const bool handling = s.current == status::handling;
  switch (kind) {
    case deadline_kind::dispatch:
      return s.current == status::received;
    case deadline_kind::sign:  // a return asked for in time stops the sign clock (002 art. 17(1))
      return dispatched && !s.return_request;
    case deadline_kind::return_window:
      return dispatched && s.deemed_on_return_expiry && !s.return_request && !s.return_refused;
    case deadline_kind::contact:  // "at once" runs from dispatch (002 art. 16(3))
      return (dispatched || handling) && !s.contacted;
    case deadline_kind::plan:
      return handling && !s.plan_given;
    case deadline_kind::handle:
      return handling;
    case deadline_kind::co_report:
      return handling &&
             std::any_of(s.co.begin(), s.co.end(), [](const co_handler& c) { return !c.reported; });
    case deadline_kind::survey:  // an evaluation, whoever gives it, moves the ticket on
      return s.current == status::answered || s.current == status::replied;
    case deadline_kind::escalate:  // the ladder climbs by itself only while still late (003 §6)
      return s.still_overdue() && s.supervision < supervision_level::transferred;
  }
  return false;
}

// In the order equal instants are armed in.
constexpr deadline_kind every_kind[] = {
    deadline_kind::dispatch,  deadline_kind::sign,   deadline_kind::return_window,
    deadline_kind::contact,   deadline_kind::plan,   deadline_kind::handle,
    deadline_kind::co_report, deadline_kind::survey, deadline_kind::escalate};

}  // namespace

std::vector<armed_deadline> deadlines(const ticket_state& s) {
  std::vector<armed_deadline> out;
  for (deadline_kind kind : every_kind) {
    const deadline_slot& slot = s.slot(kind);
    if (called_for(s, kind) && slot.due && !slot.fired) out.push_back({kind, *slot.due});
  }
  // Earliest first; at the same instant, in every_kind's order (sign before return).
  std::stable_sort(out.begin(), out.end(),
                   [](const armed_deadline& a, const armed_deadline& b) { return a.due < b.due; });
  return out;
}

std::optional<instant> next_due(const ticket_state& s) {
  if (!s.forwarded_to.empty()) return std::nullopt;  // the lower platform holds it
  std::optional<instant> next;
  // The holder's own terms: the center's dispatch, the unit's sign, contact, plan and reply. The
  // return window is the unit's option, the co-handlers' term theirs, the survey the caller's,
  // the ladder the center's.
  for (deadline_kind kind : {deadline_kind::dispatch, deadline_kind::sign, deadline_kind::contact,
                             deadline_kind::plan, deadline_kind::handle}) {
    const deadline_slot& slot = s.slot(kind);
    // A passed sign, contact, plan or handling term is still owed (the status or flag that meets
    // it has not changed). A fired dispatch term may have been met (a reopened ticket), so only
    // an unfired one counts.
    if (!called_for(s, kind) || !slot.due || (slot.fired && kind == deadline_kind::dispatch))
      continue;
    if (!next || *slot.due < *next) next = slot.due;
  }
  return next;
}

bool is_pending(const ticket_state& s, pending_kind k) {
  switch (k) {
    case pending_kind::return_:
      return s.return_request.has_value();
    case pending_kind::extension:
      return s.extension_request.has_value();
    case pending_kind::termination:
      return s.termination_request.has_value();
    case pending_kind::block:
      return s.block_request.has_value();
  }
  return false;
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

bool sees_confidential_callers(const actor_ref& viewer) {
  return viewer.who != role::department;
}

bool citizen_visible(const ticket_state& s, const actor_ref& viewer) {
  return !s.confidential || sees_confidential_callers(viewer);
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
