#pragma once
// The closed vocabularies of the hotline: every enum the rules speak of, with its wire names.
// One table per enum (enum_names<E>) serves both directions, so a name is never spelled twice.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace hotline::workflow {

enum class channel { phone, sms, email, web, wechat, app, mailbox, upper_platform };
enum class ticket_type { consultation, help, complaint, report, suggestion, praise };
/// Pingdingshan's classes (003 §4): A at once, B general, C important, D important and urgent.
enum class ticket_class { A, B, C, D };
/// Zhijiang's complexity (002 art. 17(2)).
enum class complexity { general, complex };
/// Matters that do not chase satisfaction (001 art. 25).
enum class nature { mediation, enforcement };
enum class status {
  received,
  declined,
  answered,
  dispatched,
  handling,
  replied,
  professional_review,
  terminated,
  closed
};
enum class key_source { upper_hotline, peoples_daily, leader, deputies, media };
enum class decline_reason {
  emergency,
  out_of_jurisdiction,
  legal_procedure,
  other_organ,
  secret_or_privacy,
  unlawful,
  too_vague,
  repeat_without_new_facts
};
/// The supervision ladder (003 §6); other jurisdictions use its lower rungs.
enum class supervision_level { none, written, on_site, key, transferred };
enum class supervision_trigger {
  manual,
  key_item,
  repeat,
  concentration,
  overdue,
  dissatisfaction,
  still_overdue,
  multi_unit,             // several units handle it (001 art. 21(5))
  unclear_responsibility  // a unit's return was refused: whose duty it is is disputed (001 21(3))
};
enum class sign_off_level {
  bureau_leader,
  bureau_head,
  hotline_head,
  office_head,
  deputy_county_head,
  county_head,
  unit_head,
  named_leader,
  city_leader
};
/// The steps whose sign-off a regulation names (rules.md §8).
enum class step { dispatch, sign, extension, reply, termination, termination_approval };
/// What a timer can be armed for. `escalate` is Pingdingshan's ladder check (003 §6);
/// `co_report` is the co-handlers' term to report their part to the lead (001 art. 14); `survey`
/// the caller's time to answer the satisfaction survey by SMS.
enum class deadline_kind {
  dispatch,
  sign,
  return_window,
  contact,
  plan,
  handle,
  escalate,
  co_report,
  survey  // the caller's answer to the SMS survey (workflow/survey.h)
};
enum class action {
  answer,
  decline,
  dispatch,
  sign,
  return_ticket,
  approve_return,
  reject_return,
  assign_unit,
  contact,
  plan,
  co_report,
  request_extension,
  approve_extension,
  reject_extension,
  reply,
  evaluate,
  review,
  supervise,
  request_termination,
  approve_termination,
  reject_termination,
  request_block,
  approve_block,
  reject_block,
  lift_block,
  unit_report,
  forward,
  platform_report,
  survey_reply
};
/// Whether a repeat is a ground to decline, and when (rules.md §1).
enum class repeat_ground {
  none,                   // repeats are accepted (001: they end by termination, art. 20)
  handled_or_answered,    // a complaint being handled or clearly answered, no new facts (002 11(8))
  after_confirmed_rework  // the same facts after supervised or reworked handling (004 art. 14)
};
/// What a unit's return must give besides its reasons (rules.md §1).
enum class return_grounds {
  reasons,            // 002 art. 17(1), 004 art. 17
  basis_or_owner,     // the policy or legal basis, or the right owner (001 art. 16)
  opinion_and_basis,  // its opinion and the basis for it (003 §5(6))
};
/// `platform`: another hotline's server, a configured peer (upper or lower platform, 002 art. 10).
/// `gateway`: the SMS gateway, bringing callers' replies (004 art. 15).
enum class role { operator_, department, supervisor, admin, system, platform, gateway };
/// What a lower platform reports back on an item the upper forwarded to it.
enum class platform_report_kind { progress, replied, closed, terminated, returned };
/// Whom a message from the outbox goes to (workflow/outgoing.h).
enum class outgoing_kind {
  forward,  // to a lower platform: register this item (002 art. 10)
  report,   // to the upper platform: progress or the end of its item (001 art. 20)
  sms       // to the caller, through the SMS gateway (004 art. 15, 002 art. 19(1), 001 art. 15)
};
/// The requests that wait for a supervisor's decision.
enum class pending_kind { return_, extension, termination, block };
/// The periods bulletins cover (001 art. 26, 003 §7(4)).
enum class report_period { week, month, quarter, year };
enum class refusal_code {
  validation_failed,
  invalid_transition,
  deadline_passed,
  limit_reached,
  forbidden,
  not_found,
  calendar_unavailable,
  caller_blocked,
  payload_too_large  // an attachment over the jurisdiction's size limit
};

template <class E>
struct enum_names;

#define HOTLINE_ENUM_NAMES(E, ...)                  \
  template <>                                       \
  struct enum_names<E> {                            \
    static constexpr std::array names{__VA_ARGS__}; \
  }

using namespace std::string_view_literals;
HOTLINE_ENUM_NAMES(channel, "phone"sv, "sms"sv, "email"sv, "web"sv, "wechat"sv, "app"sv,
                   "mailbox"sv, "upper_platform"sv);
HOTLINE_ENUM_NAMES(ticket_type, "consultation"sv, "help"sv, "complaint"sv, "report"sv,
                   "suggestion"sv, "praise"sv);
HOTLINE_ENUM_NAMES(ticket_class, "A"sv, "B"sv, "C"sv, "D"sv);
HOTLINE_ENUM_NAMES(complexity, "general"sv, "complex"sv);
HOTLINE_ENUM_NAMES(nature, "mediation"sv, "enforcement"sv);
HOTLINE_ENUM_NAMES(status, "received"sv, "declined"sv, "answered"sv, "dispatched"sv, "handling"sv,
                   "replied"sv, "professional_review"sv, "terminated"sv, "closed"sv);
HOTLINE_ENUM_NAMES(key_source, "upper_hotline"sv, "peoples_daily"sv, "leader"sv, "deputies"sv,
                   "media"sv);
HOTLINE_ENUM_NAMES(decline_reason, "emergency"sv, "out_of_jurisdiction"sv, "legal_procedure"sv,
                   "other_organ"sv, "secret_or_privacy"sv, "unlawful"sv, "too_vague"sv,
                   "repeat_without_new_facts"sv);
HOTLINE_ENUM_NAMES(supervision_level, "none"sv, "written"sv, "on_site"sv, "key"sv, "transferred"sv);
HOTLINE_ENUM_NAMES(supervision_trigger, "manual"sv, "key_item"sv, "repeat"sv, "concentration"sv,
                   "overdue"sv, "dissatisfaction"sv, "still_overdue"sv, "multi_unit"sv,
                   "unclear_responsibility"sv);
HOTLINE_ENUM_NAMES(sign_off_level, "bureau_leader"sv, "bureau_head"sv, "hotline_head"sv,
                   "office_head"sv, "deputy_county_head"sv, "county_head"sv, "unit_head"sv,
                   "named_leader"sv, "city_leader"sv);
HOTLINE_ENUM_NAMES(step, "dispatch"sv, "sign"sv, "extension"sv, "reply"sv, "termination"sv,
                   "termination_approval"sv);
HOTLINE_ENUM_NAMES(deadline_kind, "dispatch"sv, "sign"sv, "return"sv, "contact"sv, "plan"sv,
                   "handle"sv, "escalate"sv, "co_report"sv, "survey"sv);
HOTLINE_ENUM_NAMES(action, "answer"sv, "decline"sv, "dispatch"sv, "sign"sv, "return"sv,
                   "approve_return"sv, "reject_return"sv, "assign_unit"sv, "contact"sv, "plan"sv,
                   "co_report"sv, "request_extension"sv, "approve_extension"sv,
                   "reject_extension"sv, "reply"sv, "evaluate"sv, "review"sv, "supervise"sv,
                   "request_termination"sv, "approve_termination"sv, "reject_termination"sv,
                   "request_block"sv, "approve_block"sv, "reject_block"sv, "lift_block"sv,
                   "unit_report"sv, "forward"sv, "platform_report"sv, "survey_reply"sv);
HOTLINE_ENUM_NAMES(repeat_ground, "none"sv, "handled_or_answered"sv, "after_confirmed_rework"sv);
HOTLINE_ENUM_NAMES(return_grounds, "reasons"sv, "basis_or_owner"sv, "opinion_and_basis"sv);
HOTLINE_ENUM_NAMES(pending_kind, "return"sv, "extension"sv, "termination"sv, "block"sv);
HOTLINE_ENUM_NAMES(report_period, "week"sv, "month"sv, "quarter"sv, "year"sv);
HOTLINE_ENUM_NAMES(role, "operator"sv, "department"sv, "supervisor"sv, "admin"sv, "system"sv,
                   "platform"sv, "gateway"sv);
HOTLINE_ENUM_NAMES(outgoing_kind, "forward"sv, "report"sv, "sms"sv);
HOTLINE_ENUM_NAMES(platform_report_kind, "progress"sv, "replied"sv, "closed"sv, "terminated"sv,
                   "returned"sv);
HOTLINE_ENUM_NAMES(refusal_code, "validation_failed"sv, "invalid_transition"sv, "deadline_passed"sv,
                   "limit_reached"sv, "forbidden"sv, "not_found"sv, "calendar_unavailable"sv,
                   "caller_blocked"sv, "payload_too_large"sv);
#undef HOTLINE_ENUM_NAMES

/// Marks the enums that have a name table, for generic code (codecs, JSON).
template <class T, class = void>
struct is_named_enum : std::false_type {};
template <class T>
struct is_named_enum<T, std::void_t<decltype(enum_names<T>::names)>> : std::true_type {};

/// The wire name of `e`.
template <class E>
constexpr std::string_view name_of(E e) {
  return enum_names<E>::names[static_cast<std::size_t>(e)];
}

/// The enum value called `name`, or nothing.
template <class E>
constexpr std::optional<E> parse_name(std::string_view name) {
  const auto& names = enum_names<E>::names;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<E>(i);
  return std::nullopt;
}

/// How many values `E` has.
template <class E>
constexpr std::size_t count_of() {
  return enum_names<E>::names.size();
}

}  // namespace hotline::workflow
