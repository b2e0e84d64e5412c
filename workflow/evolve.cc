// Folding events into the state. No decisions and no side effects here: replay runs this again.
#include <algorithm>

#include "workflow/decide.h"

namespace hotline::workflow {
namespace {

// `set_by`: what set it, absent in events written before format 4 (and then the deadline keeps
// its date whatever calendar is loaded later).
void set(deadline_slot& slot, std::optional<instant> due, std::optional<term_fact> set_by) {
  slot = {due, false, due ? set_by : std::nullopt};
}

// A deadline set again to the instant it already had keeps its state: an "at once" contact term
// that started at dispatch (and may have fired) is the same term when the unit signs.
void set_again(deadline_slot& slot, std::optional<instant> due, std::optional<term_fact> set_by) {
  if (!(slot.due && due && *slot.due == *due)) set(slot, due, set_by);
}

void take_on(ticket_state& s, const handling_terms& t) {
  s.current = status::handling;
  set_again(s.contact_deadline, t.contact_due, t.contact_term);
  if (!s.plan_given) set(s.plan_deadline, t.plan_due, t.plan_term);
  set(s.handle_deadline, t.handle_due, t.handle_term);
  s.handle_term_days = t.handle_term_days;
  s.handle_term_due = t.term_due;
  set_again(s.co_report_deadline, t.co_report_due, t.co_report_term);
  for (auto& c : s.co)
    if (!c.reported) c.due = t.co_report_due;
}

void record(ticket_state& s, const std::optional<approval>& a,
            const std::vector<approval>& further = {}) {
  if (a) s.approvals.push_back(*a);
  s.approvals.insert(s.approvals.end(), further.begin(), further.end());
}

struct folder {
  ticket_state& s;
  const event_record& r;

  void operator()(const submitted& e) {
    s.id = e.id;
    s.jurisdiction = e.jurisdiction;
    const intake& q = e.request;
    s.via = q.via;
    s.type = q.type;
    s.cls = q.cls;
    s.cx = q.cx;
    s.emergency = q.emergency;
    s.kind_of_matter = q.kind_of_matter;
    s.title = q.title;
    s.content = q.content;
    s.region = q.region;
    s.topic = q.topic;
    s.caller = q.caller;
    s.confidential = q.confidential;
    s.key = q.key;
    s.related_to = q.related_to;
    s.repeat_count = e.repeat_count;
    s.related_handled = e.related_handled;
    s.prior_reworked = e.prior_reworked;
    s.proposed_lead = e.proposed_lead;
    s.created_at = r.at;
    s.upper = q.upper;
    s.current = status::received;
    set(s.dispatch_deadline, e.dispatch_due, e.dispatch_term);
  }
  void operator()(const answered&) { s.current = status::answered; }
  void operator()(const declined&) { s.current = status::declined; }
  void operator()(const dispatched& e) {
    s.current = status::dispatched;
    s.lead = e.lead;
    s.co.clear();
    for (const auto& d : e.co) s.co.emplace_back(d);
    s.unit.clear();
    if (e.cls) s.cls = e.cls;
    if (e.cx) s.cx = e.cx;
    record(s, e.signed_off, e.further_sign_offs);
    s.received_by_unit = r.at;
    s.deemed_on_return_expiry = e.deemed_on_return_expiry;
    s.return_refused = false;
    s.unit_reported = false;
    s.dispatch_deadline.fired = true;
    set(s.sign_deadline, e.sign_due, e.sign_term);
    set(s.return_deadline, e.return_due, e.return_term);
    set(s.contact_deadline, e.contact_due, e.contact_term);
  }
  void operator()(const signed_for& e) {
    record(s, e.signed_off, e.further_sign_offs);
    take_on(s, e.terms);
  }
  void operator()(const deemed_signed& e) { take_on(s, e.terms); }
  void operator()(const return_requested& e) {
    s.return_request = pending_return{e.reason, e.basis, e.suggest, e.department, r.at};
  }
  void operator()(const return_approved&) {
    s.return_request.reset();
    s.current = status::received;
    s.lead.clear();
    s.co.clear();
    s.unit.clear();
    s.received_by_unit.reset();
    for (auto* slot : {&s.sign_deadline, &s.return_deadline, &s.contact_deadline, &s.plan_deadline,
                       &s.handle_deadline, &s.co_report_deadline})
      *slot = {};
    s.handle_term_due.reset();
  }
  void operator()(const return_rejected& e) {
    s.return_request.reset();
    s.return_refused = true;
    if (e.sign_due) set(s.sign_deadline, e.sign_due, e.sign_term);
  }
  void operator()(const unit_assigned& e) {
    s.unit = e.unit;
    s.unit_reported = false;
  }
  void operator()(const unit_reported&) { s.unit_reported = true; }
  void operator()(const contacted&) { s.contacted = true; }
  void operator()(const plan_given&) { s.plan_given = true; }
  void operator()(const co_reported& e) {
    for (auto& c : s.co)
      if (c.department == e.department) {
        c.reported = true;
        c.reported_at = r.at;
      }
  }
  void operator()(const co_report_overdue& e) {
    s.co_report_deadline.fired = true;
    for (auto& c : s.co)
      if (std::find(e.departments.begin(), e.departments.end(), c.department) !=
          e.departments.end())
        c.overdue = true;
  }
  void operator()(const extension_requested& e) {
    record(s, e.signed_off, e.further_sign_offs);
    ++s.extension_applications;
    s.extension_request = pending_extension{e.working_days, e.reason, r.at};
  }
  void operator()(const extension_approved& e) {
    s.extension_request.reset();
    ++s.extension_count;
    s.extension_days += e.working_days;
    // The extension runs on from the end of the handling term (decide_extension.cc).
    std::optional<term_fact> extended = s.handle_deadline.set_by;
    if (extended) extended->extension_days += e.working_days;
    set(s.handle_deadline, e.handle_due, extended);
    s.handle_term_due.reset();
  }
  void operator()(const extension_rejected&) { s.extension_request.reset(); }
  void operator()(const replied& e) {
    record(s, e.signed_off, e.further_sign_offs);
    s.current = status::replied;
    s.extension_request.reset();
    s.return_request.reset();
  }
  void operator()(const evaluated& e) {
    // Only a unit's result can be the unit's dissatisfaction: not an operator's direct answer.
    if (!e.satisfied && e.scored && s.current == status::replied) ++s.dissatisfied_count;
    s.satisfied = e.satisfied;
  }
  void operator()(const reopened&) {
    s.current = status::received;
    s.dispatch_deadline.fired = true;
  }
  void operator()(const rework_started& e) {
    s.current = status::handling;
    ++s.rework_count;
    set(s.handle_deadline, e.handle_due, e.handle_term);
    s.handle_term_due.reset();
  }
  void operator()(const review_started&) { s.current = status::professional_review; }
  void operator()(const reviewed&) {}
  void operator()(const supervised& e) {
    s.supervision = e.level;
    if (e.trigger == supervision_trigger::concentration) s.hot_spot = true;
    if (e.plan_due) set(s.plan_deadline, e.plan_due, e.plan_term);
    if (e.escalate_due) set(s.escalate_deadline, e.escalate_due, e.escalate_term);
  }
  void operator()(const termination_requested& e) {
    record(s, e.signed_off, e.further_sign_offs);
    s.termination_request = pending_request{e.reason, r.at};
  }
  void operator()(const terminated& e) {
    record(s, e.signed_off, e.further_sign_offs);
    s.termination_request.reset();
    s.current = status::terminated;
    s.closed_at = r.at;
  }
  void operator()(const termination_rejected&) { s.termination_request.reset(); }
  void operator()(const block_requested& e) { s.block_request = pending_request{e.reason, r.at}; }
  void operator()(const caller_blocked&) {
    s.block_request.reset();
    s.caller_blocked = true;
  }
  void operator()(const block_rejected&) { s.block_request.reset(); }
  void operator()(const block_lifted&) { s.caller_blocked = false; }
  void operator()(const forwarded& e) {
    s.current = status::dispatched;
    s.forwarded_to = e.platform;
    s.forwarded_due = e.due;
    s.dispatch_deadline = {};  // met: it left the center
  }
  // The item follows what the lower platform reports, while it is open here.
  void operator()(const platform_reported& e) {
    if (!s.is_open()) return;
    switch (e.kind) {
      case platform_report_kind::progress:
        if (s.current == status::dispatched) s.current = status::handling;
        break;
      case platform_report_kind::replied:
        s.current = status::replied;
        break;
      case platform_report_kind::closed:  // decide adds closed and archived
        break;
      case platform_report_kind::terminated:
        s.current = status::terminated;
        s.closed_at = r.at;
        break;
      case platform_report_kind::returned:  // not theirs: the center dispatches it anew
        s.current = status::received;
        s.forwarded_to.clear();
        s.forwarded_due.reset();
        break;
    }
  }
  void operator()(const closed&) {
    // Requests about handling lapse with it; a block request does not (it is about the caller).
    s.return_request.reset();
    s.extension_request.reset();
    s.termination_request.reset();
    s.current = status::closed;
    s.closed_at = r.at;
  }
  void operator()(const archived& e) {
    s.archived = true;
    s.retain_until = e.retain_until;
  }
  // The slot keeps what set it: the same term, on the calendar now loaded.
  void operator()(const deadline_recomputed& e) {
    deadline_slot& slot = s.slot(e.kind);
    slot.due = e.new_due;
    if (e.kind == deadline_kind::co_report)
      for (auto& c : s.co)
        if (!c.reported && c.due == e.old_due) c.due = e.new_due;
  }
  void operator()(const attached& e) {
    s.attachments.push_back({e.digest, e.file_name, e.type, e.size, r.by, r.at, e.center_only});
  }
  void operator()(const survey_sent& e) { set(s.survey_deadline, e.due, e.term); }
  void operator()(const survey_unanswered&) { s.survey_deadline.fired = true; }
  void operator()(const overdue& e) {
    s.slot(e.kind).fired = true;
    if (e.kind != deadline_kind::escalate && e.kind != deadline_kind::return_window)
      s.overdue = true;
  }
};

}  // namespace

void evolve(ticket_state& s, const event_record& e) {
  std::visit(folder{s, e}, e.body);
  s.version = e.seq;
  s.last_change = e.at;
  if (!e.policy_version.empty()) s.policy_version = e.policy_version;
}

ticket_state replay(const std::vector<event_record>& log) {
  ticket_state s;
  for (const auto& e : log) evolve(s, e);
  return s;
}

deadline_slot& ticket_state::slot(deadline_kind kind) {
  return const_cast<deadline_slot&>(std::as_const(*this).slot(kind));
}

const deadline_slot& ticket_state::slot(deadline_kind kind) const {
  switch (kind) {
    case deadline_kind::dispatch:
      return dispatch_deadline;
    case deadline_kind::sign:
      return sign_deadline;
    case deadline_kind::return_window:
      return return_deadline;
    case deadline_kind::contact:
      return contact_deadline;
    case deadline_kind::plan:
      return plan_deadline;
    case deadline_kind::handle:
      return handle_deadline;
    case deadline_kind::co_report:
      return co_report_deadline;
    case deadline_kind::survey:
      return survey_deadline;
    case deadline_kind::escalate:
      break;
  }
  return escalate_deadline;
}

bool ticket_state::is_co_handler(const std::string& department) const {
  return std::any_of(co.begin(), co.end(),
                     [&](const co_handler& c) { return c.department == department; });
}

bool ticket_state::still_overdue() const {
  return current == status::handling &&
         (handle_deadline.fired || (plan_deadline.fired && !plan_given));
}

bool ticket_state::is_open() const {
  return exists() && current != status::declined && current != status::terminated &&
         current != status::closed;
}

}  // namespace hotline::workflow
