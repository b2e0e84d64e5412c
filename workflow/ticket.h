#pragma once
// The state of one ticket: everything the rules need to decide the next command, folded from its
// events. It holds no history (that lives in the event log) and no policy.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "workflow/attachments.h"
#include "workflow/commands.h"
#include "workflow/describe.h"
#include "workflow/enums.h"
#include "workflow/period.h"
#include "workflow/time.h"
#include "workflow/values.h"

namespace hotline::workflow {

/// One deadline: when it falls due, whether its expiry has already been handled, and what set it
/// (absent in records written before format 4: such a deadline keeps its date).
struct deadline_slot {
  std::optional<instant> due;
  bool fired = false;
  std::optional<term_fact> set_by;
};

struct pending_return {
  std::string reason;
  std::string basis;
  std::string suggest;
  std::string department;
  instant at;
};

struct pending_extension {
  int working_days = 0;
  std::string reason;
  instant at;
};

struct pending_request {
  std::string reason;
  instant at;
};

/// A co-handling unit: it reports its part to the lead by its own term (001 art. 14, 003 §2(1),
/// 004 art. 11) and answers for its own lateness (004 art. 23(5)).
struct co_handler {
  co_handler() = default;
  explicit co_handler(std::string unit) : department(std::move(unit)) {}
  std::string department;
  bool reported = false;
  std::optional<instant> due;
  std::optional<instant> reported_at;
  bool overdue = false;
};

struct ticket_state {
  // Set once, at submission.
  std::string id;
  std::string jurisdiction;
  channel via = channel::phone;
  ticket_type type = ticket_type::consultation;
  std::optional<ticket_class> cls;
  std::optional<complexity> cx;
  bool emergency = false;
  std::optional<nature> kind_of_matter;
  std::string title;
  std::string content;
  std::string region;
  std::string topic;
  std::optional<citizen> caller;
  bool confidential = false;
  std::optional<key_source> key;
  std::string related_to;
  int repeat_count = 0;          // earlier calls on the same matter
  bool related_handled = false;  // the earlier ticket was being handled or answered (002 11(8))
  bool prior_reworked = false;   // the earlier ticket closed after confirmed rework (004 art. 14)
  std::string proposed_lead;
  instant created_at;

  // The lifecycle.
  status current = status::received;
  std::uint64_t version = 0;   // seq of the last event folded in
  instant last_change;         // when the last event happened
  std::string policy_version;  // the policy version the last decision applied (rules.md §9)
  std::string lead;
  std::vector<co_handler> co;
  std::string unit;                         // a subordinate unit holding it (003 §1(4))
  std::optional<instant> received_by_unit;  // the dispatch instant, from which terms run
  bool deemed_on_return_expiry = false;
  bool contacted = false;
  bool plan_given = false;
  bool return_refused = false;
  int handle_term_days = 0;  // the original handling term in working days, 0 if not in days

  deadline_slot dispatch_deadline, sign_deadline, return_deadline, contact_deadline, plan_deadline,
      handle_deadline, escalate_deadline, co_report_deadline;
  std::optional<instant> handle_term_due;  // where a limit is set: the term (004 art. 18)
  bool unit_reported = false;              // the subordinate unit reported to the lead (003 1(4))

  bool overdue = false;
  int rework_count = 0;
  int dissatisfied_count = 0;
  int extension_count = 0;
  int extension_days = 0;
  int extension_applications = 0;  // asked, whatever the outcome (003 §5(6))
  supervision_level supervision = supervision_level::none;
  bool hot_spot = false;  // supervised as part of a concentration hot spot
  std::vector<approval> approvals;
  std::optional<pending_return> return_request;
  std::optional<pending_extension> extension_request;
  std::optional<pending_request> termination_request;
  std::optional<pending_request> block_request;
  bool caller_blocked = false;    // this ticket's approved block screens the caller's phone
  std::optional<bool> satisfied;  // the latest evaluation
  bool archived = false;
  std::optional<date> retain_until;
  std::optional<instant> closed_at;
  std::optional<upper_ref> upper;        // this item came from an upper platform
  std::string forwarded_to;              // sent to this lower platform, which reports back
  std::optional<instant> forwarded_due;  // the term given with it
  deadline_slot survey_deadline;         // the caller's answer to the SMS survey
  std::vector<attachment> attachments;   // in upload order (003 §5(4))

  bool exists() const { return version > 0; }
  /// The slot for `kind`.
  deadline_slot& slot(deadline_kind kind);
  const deadline_slot& slot(deadline_kind kind) const;
  /// Whether `department` is one of the co-handlers.
  bool is_co_handler(const std::string& department) const;
  /// Open: not declined, terminated or closed.
  bool is_open() const;
  /// Still late in the ladder's sense (003 §6 "经…督办仍未按时办结"): with a unit, and its
  /// handling deadline, or its plan deadline with no plan given, passed unmet.
  bool still_overdue() const;
};

template <class F>
void describe(F& f, deadline_slot& x) {
  f("due", x.due);
  f("fired", x.fired);
  f("set_by", x.set_by, since{4});
}
template <class F>
void describe(F& f, pending_return& x) {
  f("reason", x.reason);
  f("basis", x.basis);
  f("suggest", x.suggest);
  f("department", x.department);
  f("at", x.at);
}
template <class F>
void describe(F& f, pending_extension& x) {
  f("working_days", x.working_days);
  f("reason", x.reason);
  f("at", x.at);
}
template <class F>
void describe(F& f, pending_request& x) {
  f("reason", x.reason);
  f("at", x.at);
}
template <class F>
void describe(F& f, co_handler& x) {
  f("department", x.department);
  f("reported", x.reported);
  f("due", x.due, since{2});
  f("reported_at", x.reported_at, since{2});
  f("overdue", x.overdue, since{2});
}

/// Every member, for snapshots and state comparison.
template <class F>
void describe(F& f, ticket_state& x) {
  f("id", x.id);
  f("jurisdiction", x.jurisdiction);
  f("channel", x.via);
  f("type", x.type);
  f("class", x.cls);
  f("complexity", x.cx);
  f("emergency", x.emergency);
  f("nature", x.kind_of_matter);
  f("title", x.title);
  f("content", x.content);
  f("region", x.region);
  f("topic", x.topic);
  f("citizen", x.caller);
  f("confidential", x.confidential);
  f("key_source", x.key);
  f("related_to", x.related_to);
  f("repeat_count", x.repeat_count);
  f("proposed_lead", x.proposed_lead);
  f("created_at", x.created_at);
  f("status", x.current);
  f("version", x.version);
  f("last_change", x.last_change);
  f("lead", x.lead);
  f("co", x.co);
  f("unit", x.unit);
  f("received_by_unit", x.received_by_unit);
  f("deemed_on_return_expiry", x.deemed_on_return_expiry);
  f("contacted", x.contacted);
  f("plan_given", x.plan_given);
  f("return_refused", x.return_refused);
  f("handle_term_days", x.handle_term_days);
  f("dispatch_deadline", x.dispatch_deadline);
  f("sign_deadline", x.sign_deadline);
  f("return_deadline", x.return_deadline);
  f("contact_deadline", x.contact_deadline);
  f("plan_deadline", x.plan_deadline);
  f("handle_deadline", x.handle_deadline);
  f("escalate_deadline", x.escalate_deadline);
  f("overdue", x.overdue);
  f("rework_count", x.rework_count);
  f("dissatisfied_count", x.dissatisfied_count);
  f("extension_count", x.extension_count);
  f("extension_days", x.extension_days);
  f("supervision", x.supervision);
  f("approvals", x.approvals);
  f("return_request", x.return_request);
  f("extension_request", x.extension_request);
  f("termination_request", x.termination_request);
  f("satisfied", x.satisfied);
  f("archived", x.archived);
  f("retain_until", x.retain_until);
  f("closed_at", x.closed_at);
  f("block_request", x.block_request);
  f("caller_blocked", x.caller_blocked);
  f("related_handled", x.related_handled, since{2});
  f("prior_reworked", x.prior_reworked, since{2});
  f("co_report_deadline", x.co_report_deadline, since{2});
  f("handle_term_due", x.handle_term_due, since{2});
  f("unit_reported", x.unit_reported, since{2});
  f("extension_applications", x.extension_applications, since{2});
  f("hot_spot", x.hot_spot, since{2});
  f("upper", x.upper, since{3});
  f("forwarded_to", x.forwarded_to, since{3});
  f("forwarded_due", x.forwarded_due, since{3});
  f("policy_version", x.policy_version, since{5});
  f("survey_deadline", x.survey_deadline, since{5});
  f("attachments", x.attachments, since{5});
}

}  // namespace hotline::workflow
