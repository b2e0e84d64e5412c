#pragma once
// Commands: what someone asks of a ticket. The JSON names in describe() are the contract's
// (shared/api.md), so the HTTP layer decodes a body straight into a command.

#include <string>
#include <variant>
#include <vector>

#include "workflow/attachments.h"
#include "workflow/describe.h"
#include "workflow/knowledge.h"

namespace hotline::workflow {

/// The upper platform's item a lower platform's ticket answers to (002 art. 10, 001 art. 2).
struct upper_ref {
  std::string platform;        // the upper's peer id here: set from the token, never the body
  std::string ticket;          // its ticket id on the upper platform
  std::optional<instant> due;  // the term the upper set for the result
};
template <class F>
void describe(F& f, upper_ref& x) {
  f("platform", x.platform, optional);
  f("ticket", x.ticket);
  f("due", x.due);
}

/// What a caller's request says (POST /api/v1/tickets).
struct intake {
  channel via = channel::phone;
  ticket_type type = ticket_type::consultation;
  std::string title;
  std::string content;
  std::optional<citizen> caller;
  bool confidential = false;
  std::string region;
  std::string topic;
  std::optional<key_source> key;
  std::string related_to;
  std::optional<ticket_class> cls;
  std::optional<complexity> cx;
  bool emergency = false;                // Zhijiang's emergency items (002 art. 16(3))
  std::optional<nature> kind_of_matter;  // Mengcheng's mediation and enforcement (001 art. 25)
  std::optional<upper_ref> upper;        // forwarded by an upper platform (its token only)
};
template <class F>
void describe(F& f, intake& x) {
  f("channel", x.via);
  f("type", x.type);
  f("title", x.title);
  f("content", x.content);
  f("citizen", x.caller);
  f("confidential", x.confidential, optional);
  f("region", x.region, optional);
  f("topic", x.topic, optional);
  f("key_source", x.key);
  f("related_to", x.related_to, optional);
  f("class", x.cls);
  f("complexity", x.cx);
  f("emergency", x.emergency, optional);
  f("nature", x.kind_of_matter);
  f("upper", x.upper, since{3});
}

/// What the hotline center knows about a new ticket beyond the request itself.
struct intake_facts {
  std::string id;
  int repeat_count = 0;          // earlier calls on the same matter (related_to chain)
  bool prior_reworked = false;   // the related ticket was closed after confirmed rework (004 14)
  std::string proposed_lead;     // Zhijiang's routing precedent (002 art. 16(4))
  std::string blocked_by;        // the ticket whose approved block screens this caller's phone
  bool related_handled = false;  // the related ticket is being handled or answered (002 11(8))
};

struct submit {
  intake request;
  intake_facts facts;
};

struct answer {
  static constexpr action act = action::answer;
  std::string text;
  std::string entry_id{};  // the knowledge entry the answer rests on (001 art. 10(1))
  // That entry as stored when the command was sent: filled by the runtime, never from the body.
  std::optional<knowledge_entry> cited{};
};
template <class F>
void describe(F& f, answer& x) {
  f("answer", x.text);
  f("knowledge_entry", x.entry_id, optional);
}

struct decline {
  static constexpr action act = action::decline;
  decline_reason reason_code = decline_reason::other_organ;
  std::string reason;
  std::string referral;
};
template <class F>
void describe(F& f, decline& x) {
  f("reason_code", x.reason_code);
  f("reason", x.reason);
  f("referral", x.referral, optional);
}

struct dispatch {
  static constexpr action act = action::dispatch;
  std::string lead;
  std::vector<std::string> co;
  std::optional<ticket_class> cls;
  std::optional<complexity> cx;
  std::optional<signatures> approved_by;
};
template <class F>
void describe(F& f, dispatch& x) {
  f("lead", x.lead);
  f("co", x.co, optional);
  f("class", x.cls);
  f("complexity", x.cx);
  f("approved_by", x.approved_by);
}

struct sign {
  static constexpr action act = action::sign;
  std::optional<signatures> approved_by;
};
template <class F>
void describe(F& f, sign& x) {
  f("approved_by", x.approved_by);
}

struct return_ticket {
  static constexpr action act = action::return_ticket;
  std::string reason;
  std::string basis;
  std::string suggest;
};
template <class F>
void describe(F& f, return_ticket& x) {
  f("reason", x.reason);
  f("basis", x.basis, optional);
  f("suggest", x.suggest, optional);
}

struct approve_return {
  static constexpr action act = action::approve_return;
  std::string redispatch_to;              // empty: back to the center to dispatch anew
  std::optional<signatures> approved_by;  // where dispatch needs a sign-off (rules.md §8)
};
template <class F>
void describe(F& f, approve_return& x) {
  f("redispatch_to", x.redispatch_to, optional);
  f("approved_by", x.approved_by);
}

struct reject_return {
  static constexpr action act = action::reject_return;
  std::string reason;
};
template <class F>
void describe(F& f, reject_return& x) {
  f("reason", x.reason);
}

struct assign_unit {
  static constexpr action act = action::assign_unit;
  std::string unit;
};
template <class F>
void describe(F& f, assign_unit& x) {
  f("unit", x.unit);
}

struct contact {
  static constexpr action act = action::contact;
  std::string note;
};
template <class F>
void describe(F& f, contact& x) {
  f("note", x.note, optional);
}

struct submit_plan {
  static constexpr action act = action::plan;
  std::string plan;
};
template <class F>
void describe(F& f, submit_plan& x) {
  f("plan", x.plan);
}

struct co_report {
  static constexpr action act = action::co_report;
  std::string result;
};
template <class F>
void describe(F& f, co_report& x) {
  f("result", x.result);
}

struct request_extension {
  static constexpr action act = action::request_extension;
  std::optional<int> working_days;
  std::string reason;
  std::optional<signatures> approved_by;
};
template <class F>
void describe(F& f, request_extension& x) {
  f("working_days", x.working_days);
  f("reason", x.reason);
  f("approved_by", x.approved_by);
}

struct approve_extension {
  static constexpr action act = action::approve_extension;
  std::optional<int> working_days;
};
template <class F>
void describe(F& f, approve_extension& x) {
  f("working_days", x.working_days);
}

struct reject_extension {
  static constexpr action act = action::reject_extension;
  std::string reason;
};
template <class F>
void describe(F& f, reject_extension& x) {
  f("reason", x.reason);
}

struct reply {
  static constexpr action act = action::reply;
  std::string result;
  handler by;
  std::optional<signatures> approved_by;
};
template <class F>
void describe(F& f, reply& x) {
  f("result", x.result);
  f("handler", x.by);
  f("approved_by", x.approved_by);
}

struct evaluate {
  static constexpr action act = action::evaluate;
  bool satisfied = false;
  std::string comment;
  // The center's finding on a dissatisfaction: the unit's fault (000 art. 13(3) "办理不力",
  // 001 art. 21(4), 002 art. 19(3) "经核实确属承办单位责任"); nothing if not examined.
  std::optional<bool> unit_at_fault;
};
template <class F>
void describe(F& f, evaluate& x) {
  f("satisfied", x.satisfied);
  f("comment", x.comment, optional);
  f("unit_at_fault", x.unit_at_fault);
}

struct review {
  static constexpr action act = action::review;
  bool upheld = false;
  std::string note;
};
template <class F>
void describe(F& f, review& x) {
  f("upheld", x.upheld);
  f("note", x.note, optional);
}

struct supervise {
  static constexpr action act = action::supervise;
  std::string reason;
  std::optional<supervision_level> level;  // omitted: the next rung
  supervision_trigger trigger = supervision_trigger::manual;
};
template <class F>
void describe(F& f, supervise& x) {
  f("reason", x.reason);
  f("level", x.level);
}

struct request_termination {
  static constexpr action act = action::request_termination;
  std::string reason;
  std::optional<signatures> approved_by;
};
template <class F>
void describe(F& f, request_termination& x) {
  f("reason", x.reason);
  f("approved_by", x.approved_by);
}

struct approve_termination {
  static constexpr action act = action::approve_termination;
  std::string reason;
  std::optional<signatures> approved_by;  // the county head's consent (001 art. 20)
};
template <class F>
void describe(F& f, approve_termination& x) {
  f("reason", x.reason, optional);
  f("approved_by", x.approved_by);
}

struct reject_termination {
  static constexpr action act = action::reject_termination;
  std::string reason;
};
template <class F>
void describe(F& f, reject_termination& x) {
  f("reason", x.reason);
}

// Harassment (000 art. 20, 001 art. 13): whoever the caller harasses asks, a supervisor decides;
// a block screens the caller's phone at intake until a supervisor lifts it.
struct request_block {
  static constexpr action act = action::request_block;
  std::string reason;
};
template <class F>
void describe(F& f, request_block& x) {
  f("reason", x.reason);
}

struct approve_block {
  static constexpr action act = action::approve_block;
};
template <class F>
void describe(F&, approve_block&) {}

struct reject_block {
  static constexpr action act = action::reject_block;
  std::string reason;
};
template <class F>
void describe(F& f, reject_block& x) {
  f("reason", x.reason);
}

struct lift_block {
  static constexpr action act = action::lift_block;
  std::string reason;
};
template <class F>
void describe(F& f, lift_block& x) {
  f("reason", x.reason);
}

/// A subordinate unit reports its result to the unit above it, which replies (003 §1(4)).
struct unit_report {
  static constexpr action act = action::unit_report;
  std::string result;
};
template <class F>
void describe(F& f, unit_report& x) {
  f("result", x.result);
}

/// The center sends the item to a lower platform, a configured peer (002 art. 10, 003 §1(4)).
struct forward {
  static constexpr action act = action::forward;
  std::string platform;
};
template <class F>
void describe(F& f, forward& x) {
  f("platform", x.platform);
}

/// A lower platform reports on an item forwarded to it: progress, or how it ended.
struct platform_report {
  static constexpr action act = action::platform_report;
  platform_report_kind kind = platform_report_kind::progress;
  std::string text;
  std::string lower_ticket;  // the lower platform's ticket id
  std::string reported_to;   // a termination: whom it is reported to for cancellation (001 art. 20)
};
template <class F>
void describe(F& f, platform_report& x) {
  f("kind", x.kind);
  f("text", x.text, optional);
  f("lower_ticket", x.lower_ticket, optional);
  f("reported_to", x.reported_to, optional);
}

/// A caller's SMS answer to the satisfaction survey, from the gateway: the evaluation (004 art.
/// 15, 002 art. 19(1)) when it comes from the caller's phone and says 1 or 2.
struct survey_reply {
  static constexpr action act = action::survey_reply;
  std::string from;  // the phone it came from
  std::string text;
};
template <class F>
void describe(F& f, survey_reply& x) {
  f("from", x.from);
  f("text", x.text);
}

/// A deadline's timer went off. Stale timers (the deadline moved or was met) change nothing.
struct expire {
  deadline_kind kind = deadline_kind::sign;
  instant due;
};

/// The system brings the ticket's armed deadlines onto the calendar now in force, after an
/// operator loaded a calendar year (workflow/recompute.h). Deadlines that do not move change
/// nothing.
struct recompute_deadlines {};

/// Whether `T` is a contract action: not the registration, nor one of the system's own commands,
/// nor an upload.
template <class T>
constexpr bool is_action_command_v =
    !std::is_same_v<T, submit> && !std::is_same_v<T, expire> &&
    !std::is_same_v<T, recompute_deadlines> && !std::is_same_v<T, attach>;

using command =
    std::variant<submit, answer, decline, dispatch, sign, return_ticket, approve_return,
                 reject_return, assign_unit, contact, submit_plan, co_report, request_extension,
                 approve_extension, reject_extension, reply, evaluate, review, supervise,
                 request_termination, approve_termination, reject_termination, expire,
                 request_block, approve_block, reject_block, lift_block, unit_report, forward,
                 platform_report, survey_reply, recompute_deadlines, attach>;

/// The contract's action for a command; submit, expire, recompute_deadlines and attach (a route of
/// its own, not an action) have none.
std::optional<action> action_of(const command& c);

}  // namespace hotline::workflow
