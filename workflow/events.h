#pragma once
// Events: what happened to a ticket. They carry every value the decision computed (deadlines,
// sign-off levels), so folding them needs neither the policy nor the calendar: replay rebuilds the
// same state even after a calendar file changes.
//
// The order of the `event` variant is persisted by the binary codec: append new events at the
// end, never reorder or remove.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "workflow/attachments.h"
#include "workflow/commands.h"
#include "workflow/period.h"
#include "workflow/survey.h"

namespace hotline::workflow {

struct submitted {
  static constexpr std::string_view name = "submitted";
  std::string id;
  std::string jurisdiction;
  intake request;
  int repeat_count = 0;
  bool prior_reworked = false;
  std::string proposed_lead;
  std::optional<instant> dispatch_due;
  bool related_handled = false;            // the related ticket is being handled or was answered
  std::optional<term_fact> dispatch_term;  // what set dispatch_due
};
template <class F>
void describe(F& f, submitted& x) {
  f("id", x.id);
  f("jurisdiction", x.jurisdiction);
  describe(f, x.request);
  f("repeat_count", x.repeat_count);
  f("prior_reworked", x.prior_reworked);
  f("proposed_lead", x.proposed_lead);
  f("dispatch_due", x.dispatch_due);
  f("related_handled", x.related_handled, since{2});
  f("dispatch_term", x.dispatch_term, since{4});
}

struct answered {
  static constexpr std::string_view name = "answered";
  std::string text;
  std::string entry_id{};  // the knowledge entry cited, or "" (001 art. 10(1))
  int entry_revision = 0;  // its revision then: what the operator read
};
template <class F>
void describe(F& f, answered& x) {
  f("answer", x.text);
  f("knowledge_entry", x.entry_id, since{6});
  f("knowledge_revision", x.entry_revision, since{6});
}

struct declined {
  static constexpr std::string_view name = "declined";
  decline_reason reason_code = decline_reason::other_organ;
  std::string reason;
  std::string referral;
};
template <class F>
void describe(F& f, declined& x) {
  f("reason_code", x.reason_code);
  f("reason", x.reason);
  f("referral", x.referral);
}

struct dispatched {
  static constexpr std::string_view name = "dispatched";
  std::string lead;
  std::vector<std::string> co;
  std::optional<ticket_class> cls;
  std::optional<complexity> cx;
  std::optional<approval> signed_off;
  std::optional<instant> sign_due;
  std::optional<instant> return_due;
  bool deemed_on_return_expiry = false;
  std::vector<approval> further_sign_offs;  // the rest of a sign-off chain, in order
  std::optional<instant> contact_due;       // "at once" items: from dispatch, 24x7 (002 16(3))
  // What set each due instant (absent where it is).
  std::optional<term_fact> sign_term, return_term, contact_term;
};
template <class F>
void describe(F& f, dispatched& x) {
  f("lead", x.lead);
  f("co", x.co);
  f("class", x.cls);
  f("complexity", x.cx);
  f("approval", x.signed_off);
  f("sign_due", x.sign_due);
  f("return_due", x.return_due);
  f("deemed_on_return_expiry", x.deemed_on_return_expiry);
  f("further_sign_offs", x.further_sign_offs, since{2});
  f("contact_due", x.contact_due, since{2});
  f("sign_term", x.sign_term, since{4});
  f("return_term", x.return_term, since{4});
  f("contact_term", x.contact_term, since{4});
}

/// The terms that start when a unit takes a ticket on.
struct handling_terms {
  std::optional<instant> contact_due;
  std::optional<instant> plan_due;
  std::optional<instant> handle_due;  // overdue past it: the term, or the limit where one is set
  int handle_term_days = 0;           // the handling term in working days, 0 if not counted in days
  std::optional<instant> term_due;    // where a limit is set: the term itself (004 art. 18)
  std::optional<instant> co_report_due;  // the co-handlers' term (001 art. 14)
  // What set each deadline's due instant (absent where it is).
  std::optional<term_fact> contact_term, plan_term, handle_term, co_report_term;
};
template <class F>
void describe(F& f, handling_terms& x) {
  f("contact_due", x.contact_due);
  f("plan_due", x.plan_due);
  f("handle_due", x.handle_due);
  f("handle_term_days", x.handle_term_days);
  f("term_due", x.term_due, since{2});
  f("co_report_due", x.co_report_due, since{2});
  f("contact_term", x.contact_term, since{4});
  f("plan_term", x.plan_term, since{4});
  f("handle_term", x.handle_term, since{4});
  f("co_report_term", x.co_report_term, since{4});
}

struct signed_for {
  static constexpr std::string_view name = "signed";
  handling_terms terms;
  std::optional<approval> signed_off;
  std::vector<approval> further_sign_offs;
};
template <class F>
void describe(F& f, signed_for& x) {
  describe(f, x.terms);
  f("approval", x.signed_off);
  f("further_sign_offs", x.further_sign_offs, since{2});
}

/// Taken on without a signature: the return window passed (001 art. 16) or the center refused
/// the return (002 art. 17(1)).
struct deemed_signed {
  static constexpr std::string_view name = "deemed_signed";
  handling_terms terms;
  std::string why;
};
template <class F>
void describe(F& f, deemed_signed& x) {
  describe(f, x.terms);
  f("why", x.why);
}

struct return_requested {
  static constexpr std::string_view name = "return_requested";
  std::string reason;
  std::string basis;
  std::string suggest;
  std::string department;
};
template <class F>
void describe(F& f, return_requested& x) {
  f("reason", x.reason);
  f("basis", x.basis);
  f("suggest", x.suggest);
  f("department", x.department);
}

/// The return was granted; the ticket is back with the center (and a `dispatched` may follow).
struct return_approved {
  static constexpr std::string_view name = "return_approved";
  std::string redispatch_to;
};
template <class F>
void describe(F& f, return_approved& x) {
  f("redispatch_to", x.redispatch_to);
}

/// The center refused the return: the unit takes the ticket in the normal way (002 art. 17(1)).
/// A unit that had not signed signs now, with the sign-off signing needs, within a new term.
struct return_rejected {
  static constexpr std::string_view name = "return_rejected";
  std::string reason;
  std::optional<instant> sign_due;
  std::optional<term_fact> sign_term;
};
template <class F>
void describe(F& f, return_rejected& x) {
  f("reason", x.reason);
  f("sign_due", x.sign_due, since{2});
  f("sign_term", x.sign_term, since{4});
}

struct unit_assigned {
  static constexpr std::string_view name = "unit_assigned";
  std::string unit;
};
template <class F>
void describe(F& f, unit_assigned& x) {
  f("unit", x.unit);
}

struct contacted {
  static constexpr std::string_view name = "contacted";
  std::string note;
};
template <class F>
void describe(F& f, contacted& x) {
  f("note", x.note);
}

struct plan_given {
  static constexpr std::string_view name = "plan_submitted";
  std::string plan;
};
template <class F>
void describe(F& f, plan_given& x) {
  f("plan", x.plan);
}

struct co_reported {
  static constexpr std::string_view name = "co_reported";
  std::string department;
  std::string result;
};
template <class F>
void describe(F& f, co_reported& x) {
  f("department", x.department);
  f("result", x.result);
}

struct extension_requested {
  static constexpr std::string_view name = "extension_requested";
  int working_days = 0;
  std::string reason;
  std::optional<approval> signed_off;
  std::vector<approval> further_sign_offs;
};
template <class F>
void describe(F& f, extension_requested& x) {
  f("working_days", x.working_days);
  f("reason", x.reason);
  f("approval", x.signed_off);
  f("further_sign_offs", x.further_sign_offs, since{2});
}

struct extension_approved {
  static constexpr std::string_view name = "extension_approved";
  int working_days = 0;
  instant handle_due;
};
template <class F>
void describe(F& f, extension_approved& x) {
  f("working_days", x.working_days);
  f("handle_due", x.handle_due);
}

struct extension_rejected {
  static constexpr std::string_view name = "extension_rejected";
  std::string reason;
};
template <class F>
void describe(F& f, extension_rejected& x) {
  f("reason", x.reason);
}

struct replied {
  static constexpr std::string_view name = "replied";
  std::string result;
  handler by;
  std::optional<approval> signed_off;
  std::vector<approval> further_sign_offs;
};
template <class F>
void describe(F& f, replied& x) {
  f("result", x.result);
  f("handler", x.by);
  f("approval", x.signed_off);
  f("further_sign_offs", x.further_sign_offs, since{2});
}

struct evaluated {
  static constexpr std::string_view name = "evaluated";
  bool satisfied = false;
  std::string comment;
  std::optional<bool> unit_at_fault;  // the center's finding on a dissatisfaction
  // Whether it counts toward the unit's satisfaction figures: not for a direct answer (no unit
  // handled it) nor for mediation and enforcement items (001 art. 25).
  bool scored = true;
};
template <class F>
void describe(F& f, evaluated& x) {
  f("satisfied", x.satisfied);
  f("comment", x.comment);
  f("unit_at_fault", x.unit_at_fault, since{2});
  f("scored", x.scored, since{2});
}

/// A directly answered ticket the caller was unhappy with goes back to the center to dispatch.
struct reopened {
  static constexpr std::string_view name = "reopened";
};
template <class F>
void describe(F&, reopened&) {}

/// Back to the unit to do again (002 art. 19(3), 20(1)).
struct rework_started {
  static constexpr std::string_view name = "rework_started";
  std::optional<instant> handle_due;
  std::optional<term_fact> handle_term;
};
template <class F>
void describe(F& f, rework_started& x) {
  f("handle_due", x.handle_due);
  f("handle_term", x.handle_term, since{4});
}

/// Professional evaluation after a second dissatisfaction (002 art. 20(2)).
struct review_started {
  static constexpr std::string_view name = "review_started";
};
template <class F>
void describe(F&, review_started&) {}

struct reviewed {
  static constexpr std::string_view name = "reviewed";
  bool upheld = false;
  std::string note;
};
template <class F>
void describe(F& f, reviewed& x) {
  f("upheld", x.upheld);
  f("note", x.note);
}

struct supervised {
  static constexpr std::string_view name = "supervised";
  supervision_level level = supervision_level::written;
  supervision_trigger trigger = supervision_trigger::manual;
  std::string reason;
  std::optional<instant> plan_due;      // on-site supervision: the plan (003 §6(2))
  std::optional<instant> escalate_due;  // the ladder's next check (003 §6)
  std::optional<term_fact> plan_term, escalate_term;
};
template <class F>
void describe(F& f, supervised& x) {
  f("level", x.level);
  f("trigger", x.trigger);
  f("reason", x.reason);
  f("plan_due", x.plan_due);
  f("escalate_due", x.escalate_due);
  f("plan_term", x.plan_term, since{4});
  f("escalate_term", x.escalate_term, since{4});
}

struct termination_requested {
  static constexpr std::string_view name = "termination_requested";
  std::string reason;
  std::optional<approval> signed_off;
  std::vector<approval> further_sign_offs;
};
template <class F>
void describe(F& f, termination_requested& x) {
  f("reason", x.reason);
  f("approval", x.signed_off);
  f("further_sign_offs", x.further_sign_offs, since{2});
}

struct terminated {
  static constexpr std::string_view name = "terminated";
  std::string reason;
  std::optional<approval> signed_off;  // who consented (001 art. 20: the county head)
  std::vector<approval> further_sign_offs;
  std::string reported_to;  // where it was reported for cancellation (销号, 001 art. 20)
};
template <class F>
void describe(F& f, terminated& x) {
  f("reason", x.reason);
  f("approval", x.signed_off, since{2});
  f("further_sign_offs", x.further_sign_offs, since{2});
  f("reported_to", x.reported_to, since{2});
}

struct termination_rejected {
  static constexpr std::string_view name = "termination_rejected";
  std::string reason;
};
template <class F>
void describe(F& f, termination_rejected& x) {
  f("reason", x.reason);
}

struct block_requested {
  static constexpr std::string_view name = "block_requested";
  std::string reason;
};
template <class F>
void describe(F& f, block_requested& x) {
  f("reason", x.reason);
}

/// The caller's phone is screened at intake from now on; the ticket closes with it.
struct caller_blocked {
  static constexpr std::string_view name = "caller_blocked";
  std::string reason;
};
template <class F>
void describe(F& f, caller_blocked& x) {
  f("reason", x.reason);
}

struct block_rejected {
  static constexpr std::string_view name = "block_rejected";
  std::string reason;
};
template <class F>
void describe(F& f, block_rejected& x) {
  f("reason", x.reason);
}

struct block_lifted {
  static constexpr std::string_view name = "block_lifted";
  std::string reason;
};
template <class F>
void describe(F& f, block_lifted& x) {
  f("reason", x.reason);
}

struct closed {
  static constexpr std::string_view name = "closed";
};
template <class F>
void describe(F&, closed&) {}

struct archived {
  static constexpr std::string_view name = "archived";
  date retain_until;
};
template <class F>
void describe(F& f, archived& x) {
  f("retain_until", x.retain_until);
}

/// A deadline passed unmet. Its history name is "<kind>_overdue".
struct overdue {
  deadline_kind kind = deadline_kind::handle;
  instant due;
};
template <class F>
void describe(F& f, overdue& x) {
  f("kind", x.kind);
  f("due", x.due);
}

/// Co-handlers that had not reported their part by their term: late themselves, not the lead
/// (001 art. 14, 004 art. 23(5), 002 art. 23(2)).
struct co_report_overdue {
  static constexpr std::string_view name = "co_report_overdue";
  std::vector<std::string> departments;
  instant due;
};
template <class F>
void describe(F& f, co_report_overdue& x) {
  f("departments", x.departments);
  f("due", x.due);
}

/// A subordinate unit reported its result to the unit above it (003 §1(4)).
struct unit_reported {
  static constexpr std::string_view name = "unit_reported";
  std::string unit;
  std::string result;
};
template <class F>
void describe(F& f, unit_reported& x) {
  f("unit", x.unit);
  f("result", x.result);
}

/// Sent to a lower platform, which now handles it and reports back (002 art. 10).
struct forwarded {
  static constexpr std::string_view name = "forwarded";
  std::string platform;
  std::optional<instant> due;  // the term given with it: the handling term here
};
template <class F>
void describe(F& f, forwarded& x) {
  f("platform", x.platform);
  f("due", x.due);
}

/// What the lower platform reported. `returned`: not theirs, back to the center to dispatch.
struct platform_reported {
  static constexpr std::string_view name = "platform_reported";
  std::string platform;
  platform_report_kind kind = platform_report_kind::progress;
  std::string text;
  std::string lower_ticket;
  std::string reported_to;
};
template <class F>
void describe(F& f, platform_reported& x) {
  f("platform", x.platform);
  f("kind", x.kind);
  f("text", x.text);
  f("lower_ticket", x.lower_ticket);
  f("reported_to", x.reported_to);
}

/// A calendar loaded while the ticket was open moved an armed deadline: recomputed from the facts
/// that set it (workflow/recompute.h). `source` names the calendar year it now falls in.
struct deadline_recomputed {
  static constexpr std::string_view name = "deadline_recomputed";
  deadline_kind kind = deadline_kind::handle;
  instant old_due;
  instant new_due;
  std::string source;
};
template <class F>
void describe(F& f, deadline_recomputed& x) {
  f("kind", x.kind);
  f("old_due", x.old_due);
  f("new_due", x.new_due);
  f("source", x.source);
}

using event =
    std::variant<submitted, answered, declined, dispatched, signed_for, deemed_signed,
                 return_requested, return_approved, return_rejected, unit_assigned, contacted,
                 plan_given, co_reported, extension_requested, extension_approved,
                 extension_rejected, replied, evaluated, reopened, rework_started, review_started,
                 reviewed, supervised, termination_requested, terminated, termination_rejected,
                 closed, archived, overdue, block_requested, caller_blocked, block_rejected,
                 block_lifted, co_report_overdue, unit_reported, forwarded, platform_reported,
                 deadline_recomputed, attached, survey_sent, survey_unanswered>;

/// An event as recorded: its place in the ticket's log, when, and by whom.
struct event_record {
  std::uint64_t seq = 0;
  instant at;
  std::string by;
  event body;
  std::string policy_version{};  // the policy version the decision applied (rules.md §9)
};

/// The history name of an event ("submitted", "deemed_signed", "handle_overdue", ...).
std::string event_name(const event& e);

}  // namespace hotline::workflow
