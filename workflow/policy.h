#pragma once
// A jurisdiction's rules as data. Every value carries where it comes from: the seed and article,
// or "assumed: <why>" where the regulation is silent (rules.md §3). The loader builds this from
// scenarios/<id>/; the rule core only reads it.

#include <optional>
#include <string>
#include <vector>

#include "workflow/calendar.h"
#include "workflow/departments.h"
#include "workflow/enums.h"
#include "workflow/period.h"
#include "workflow/survey.h"

namespace hotline::workflow {

/// "002 art. 17(1)", or "assumed: <why>".
using source = std::string;

template <class T>
struct sourced {
  T value{};
  source from;
};

/// Which tickets a rule applies to. An empty list matches every value.
struct selector {
  std::vector<ticket_type> types;
  std::vector<ticket_class> classes;
  std::vector<complexity> complexities;
  std::optional<bool> emergency;
};

/// A term for the tickets `when` matches. No term means no deadline (003 §4 class C: "until done").
/// A limit, where given, is the latest the item may take: it is overdue only past the limit, and
/// the term is when an extension must be asked by (004 art. 18 ¶1-2: help, 3 wd and at most 5).
struct term_rule {
  selector when;
  std::optional<period> term;
  std::optional<period> limit;
  source from;
};
/// The first matching rule applies; when none matches there is no deadline.
using term_table = std::vector<term_rule>;

/// When a sign-off rule applies. All given parts must hold.
struct condition {
  int calls_at_least = 0;   // this is at least the N-th call on the matter (001 art. 10(4))
  std::optional<bool> key;  // a key item (001 art. 10(4))
  std::vector<ticket_class> classes;
  bool joint = false;                    // several units handle it (004 art. 12)
  std::vector<complexity> complexities;  // graded so (004 art. 12: joint and difficult)
  bool hot_spot = false;                 // part of a concentration hot spot (000 art. 5)
  int total_days_above = 0;  // the handling term with extensions exceeds N wd (001 art. 19)
};

/// Who signs a step off: one level, or several names in order (001 art. 24's chain).
struct sign_off_rule {
  step at = step::dispatch;
  condition when;
  std::vector<sign_off_level> chain;  // one level or more, in signing order
  source from;
};

/// A rule that raises supervision by itself.
struct supervision_rule {
  supervision_trigger trigger = supervision_trigger::manual;
  std::optional<key_source> key;  // key_item: which source
  int calls_at_least = 0;         // repeat: from the N-th call
  int nth = 0;                    // dissatisfaction: from the N-th dissatisfaction
  bool needs_fault = false;       // dissatisfaction: only once the unit's fault is confirmed
  supervision_level level = supervision_level::written;
  source from;
};

/// Pingdingshan's ladder (003 §6): automatic rungs while a ticket stays overdue.
struct ladder_policy {
  bool enabled = false;
  term_table escalate_after;              // still overdue this long after a rung: next rung
  period on_site_plan = working_days(3);  // on-site supervision: the unit's plan is due
  source from;
};

/// Which text of a jurisdiction's regulation a policy is (rules.md §9): recorded on every
/// decision taken under it.
struct policy_version {
  std::string id;  // the document number where there is one ("蒙政办秘〔2022〕19号")
  std::optional<date> effective_from;  // none: in force from the start (the seed gives no date)
  std::string source;                  // the regulation and its document number
};

struct policy {
  std::string id;
  std::string name;
  std::string seed;  // the regulation file in shared/seeds/
  policy_version version;

  // Intake: which optional fields the jurisdiction uses.
  sourced<bool> uses_class;                    // Pingdingshan A-D (003 §4)
  sourced<bool> uses_complexity;               // Zhijiang general/complex (002 art. 17(2))
  sourced<bool> uses_nature;                   // Mengcheng mediation/enforcement (001 art. 25)
  sourced<std::vector<key_source>> key_items;  // sources that make a key item for sign-offs
  sourced<bool> upper_platform_is_key;         // an upper platform's item is key without key_source
  sourced<std::vector<ticket_type>> direct_answer_types;  // empty: any type may be answered
  sourced<repeat_ground> repeat_decline;                  // when a repeat may be declined
  sourced<std::optional<int>> dispatch_tier;  // the office dispatches to this tier only (003 1(4))
  sourced<bool> reply_by_lead;  // a subordinate unit reports to the lead, which replies (003 1(4))

  // Terms, each from the instant the step starts.
  term_table dispatch;                     // the center forwards the ticket (000 art. 12, 14)
  term_table sign;                         // the unit signs for it
  term_table return_window;                // the unit may ask to give it back
  term_table contact;                      // the unit contacts the caller
  term_table plan;                         // the unit reports a plan (003 §4 class C)
  term_table handle;                       // the unit replies
  sourced<bool> deemed_acceptance;         // not returned in time = accepted (001 art. 16)
  sourced<bool> center_may_refuse_return;  // a refused return must be handled (002 art. 17(1))
  sourced<return_grounds> return_needs;    // what a return gives besides reasons
  sourced<int> co_report_lead_days;        // co-handlers report this many wd before the lead's term

  // Extensions.
  sourced<std::optional<int>> extension_max_count;         // extensions granted
  sourced<std::optional<int>> extension_max_applications;  // asked, whatever the outcome
  term_table extension_max_total;            // cap on the whole handling term, extensions included
  sourced<bool> extension_same_as_original;  // the extension equals the original term (002 17(3))

  std::vector<sign_off_rule> sign_offs;  // first matching rule per step

  // Dissatisfaction.
  sourced<std::vector<nature>> satisfaction_exempt;  // closed even when dissatisfied (001 art. 25)
  sourced<bool> second_dissatisfaction_review;       // professional evaluation (002 art. 20(2))
  sourced<bool> rework_needs_fault;  // redone only once the unit's fault is confirmed (002 19(3))

  std::vector<supervision_rule> supervision;
  ladder_policy ladder;
  sourced<int> concentration_callers;  // callers on one topic and region that make a hot spot
  sourced<int> concentration_window_days;

  sourced<bool> harassment_blocking;  // an abusive caller may be blocked on request (000 20)
  sourced<bool> routing_precedent;    // a lead fixed for a kind of problem is proposed next time

  sourced<bool> termination_allowed;  // 001 art. 20
  sourced<int> termination_calls_at_least;
  sourced<std::string> termination_report_to;  // reported there for cancellation (001 art. 20)

  sourced<int> retention_years;  // 000 art. 17

  sourced<int> attachment_max_bytes;          // the largest attachment (003 §5(4) names no size)
  sourced<period> survey_expiry;              // an SMS survey unanswered this long is recorded so
  sourced<survey_silence> survey_unanswered;  // and then goes on so

  sourced<std::vector<report_period>> bulletins;  // the periods a bulletin is published for
  sourced<bool> annual_score;  // the 100-point yearly assessment of units (001 art. 27)
  /// Not from the scenario: the other hotlines' servers this one is linked to (`--peers`), by
  /// id, where `forward` may send an item (002 art. 10). None: nothing is forwarded.
  std::vector<std::string> platforms;
  /// Not from the scenario: an SMS gateway is configured (`--peers`), so replies and direct
  /// answers send the caller the survey and arm its expiry.
  bool sms_surveys = false;
};

/// Everything the rule core knows about one jurisdiction.
struct jurisdiction {
  policy rules;                         // the version in force (policy_versions.h)
  std::vector<policy> later;            // versions that take effect after it, by effective_from
  std::vector<policy_version> earlier;  // the versions it replaced, oldest first
  department_tree departments;
  working_calendar calendar;
};

}  // namespace hotline::workflow
