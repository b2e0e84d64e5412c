// Properties over generated inputs: replay rebuilds the state, and the calendar's deadlines are
// well placed and monotonic. (That a refusal changes nothing is checked where it could break:
// through the runtime and storage, tests/actors/refusal_test.cc.)
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <fstream>
#include <sstream>

#include "apps/scenario/load_calendars.h"
#include "tests/support/ticket_case.h"
#include "workflow/recompute.h"

namespace hotline::testing {
namespace {
using namespace workflow;

const std::vector<std::string> jurisdictions = {"yaoan-water", "mengcheng", "zhijiang",
                                                "pingdingshan", "heyuan"};

// Some instant in 2025-01-01 .. 2026-11-30, Shanghai time.
rc::Gen<instant> any_instant() {
  instant from = at("2025-01-01T00:00:00+08:00"), to = at("2026-11-30T23:59:59+08:00");
  return rc::gen::map(rc::gen::inRange<std::int64_t>(from.seconds, to.seconds),
                      [](std::int64_t s) { return instant{s}; });
}

// A department of `j`, sometimes one that does not exist.
std::string any_department(const jurisdiction& j) {
  const auto& all = j.departments.all();
  auto i = *rc::gen::inRange<std::size_t>(0, all.size() + 1);
  return i == all.size() ? "nowhere" : all[i].id;
}

std::optional<signature> maybe_signed() {
  return *rc::gen::element(0, 1, 1) ? std::optional<signature>(signed_by("领导")) : std::nullopt;
}

std::string some_text() {
  return *rc::gen::element<std::string>("", "理由", "已处理完毕");
}

// A plausible command for `s`, from a plausible (sometimes wrong) actor.
std::pair<command, actor_ref> any_command(const jurisdiction& j, const ticket_state& s) {
  std::string lead = s.lead.empty() ? any_department(j) : s.lead;
  actor_ref unit = department(*rc::gen::element(0, 1, 2) ? lead : any_department(j));
  std::optional<ticket_class> cls;
  if (j.rules.uses_class.value)
    cls = *rc::gen::element(ticket_class::A, ticket_class::B, ticket_class::C, ticket_class::D);
  switch (*rc::gen::inRange(0, 16)) {
    case 0:
      return {answer{some_text()}, operator_role()};
    case 1:
      return {decline{*rc::gen::element(decline_reason::too_vague, decline_reason::emergency),
                      some_text(), *rc::gen::element<std::string>("", "110")},
              operator_role()};
    case 2: {
      dispatch d = dispatch_to(any_department(j), {}, maybe_signed());
      d.cls = cls;
      if (*rc::gen::element(0, 1)) d.co = {any_department(j)};
      return {d, operator_role()};
    }
    case 3:
      return {sign{maybe_signed()}, unit};
    case 4:
      return {return_ticket{some_text(), some_text(), some_text()}, unit};
    case 5:
      return {approve_return{*rc::gen::element<std::string>("", any_department(j)), maybe_signed()},
              supervisor()};
    case 6:
      return {reject_return{some_text()}, supervisor()};
    case 7:
      return {contact{some_text()}, unit};
    case 8:
      return {request_extension{*rc::gen::element<std::optional<int>>(std::nullopt, 1, 5, 20),
                                some_text(), maybe_signed()},
              unit};
    case 9:
      return {approve_extension{*rc::gen::element<std::optional<int>>(std::nullopt, 2, 10)},
              supervisor()};
    case 10:
      return {reply_with(some_text(), maybe_signed()), unit};
    case 11:
      return {evaluate{*rc::gen::arbitrary<bool>(), some_text(),
                       *rc::gen::element<std::optional<bool>>(std::nullopt, true, false)},
              operator_role()};
    case 12:
      return {review{*rc::gen::arbitrary<bool>(), some_text()}, supervisor()};
    case 13:
      return {supervise{some_text(), std::nullopt}, supervisor()};
    case 14:
      return {request_termination{some_text(), maybe_signed()}, unit};
    default:
      return {approve_termination{some_text(), maybe_signed()}, supervisor()};
  }
}

// Drives one ticket through generated commands and due timers.
std::vector<event_record> drive(const jurisdiction& j, ticket_state& s) {
  std::vector<event_record> log;
  instant now = at("2026-03-02T08:00:00+08:00");
  intake r = request(
      *rc::gen::element(ticket_type::consultation, ticket_type::help, ticket_type::complaint));
  r.key = *rc::gen::element<std::optional<key_source>>(std::nullopt, key_source::leader);
  auto first = decide(s, workflow::submit{r, {"T-1", *rc::gen::inRange(0, 4), false, "", ""}},
                      {j, now, operator_role()});
  RC_ASSERT(first.ok());
  for (const auto& e : *first) evolve(s, e), log.push_back(e);
  const int steps = *rc::gen::inRange(1, 30);
  for (int i = 0; i < steps; ++i) {
    now.seconds += *rc::gen::inRange(0, 3 * 86400);
    // Timers due by now fire first, as the runtime would fire them.
    for (auto armed = deadlines(s); !armed.empty() && armed.front().due <= now;
         armed = deadlines(s)) {
      auto fired =
          decide(s, expire{armed.front().kind, armed.front().due}, {j, armed.front().due, timer()});
      RC_ASSERT(fired.ok());
      RC_ASSERT(!fired->empty());
      for (const auto& e : *fired) evolve(s, e), log.push_back(e);
    }
    auto [c, who] = any_command(j, s);
    auto events = decide(s, c, {j, now, who});
    if (events)
      for (const auto& e : *events) evolve(s, e), log.push_back(e);
  }
  return log;
}

RC_GTEST_PROP(Properties, ReplayingATicketsEventsRebuildsTheSameState, ()) {
  const jurisdiction& j = scenario(*rc::gen::elementOf(jurisdictions));
  ticket_state live;
  auto log = drive(j, live);
  RC_ASSERT(fingerprint(replay(log)) == fingerprint(live));
  for (std::size_t i = 0; i < log.size(); ++i) RC_ASSERT(log[i].seq == i + 1);
}

RC_GTEST_PROP(Properties, RecomputingOnTheSameCalendarChangesNothing, ()) {
  const jurisdiction& j = scenario(*rc::gen::elementOf(jurisdictions));
  ticket_state s;
  drive(j, s);
  RC_ASSERT(recompute(s, j.calendar).empty());
}

// The official 2026 with some more holidays in March-April, where drive()'s tickets run.
working_calendar with_more_holidays(const jurisdiction& j) {
  std::string dir = std::string(HOTLINE_SCENARIOS_DIR) + "/" + j.rules.id;
  std::ifstream in(scenario::national_calendars_dir(dir) + "/2026.json");
  std::stringstream text;
  text << in.rdbuf();
  auto read = scenario::read_official_year(text.str(), 2026);
  RC_ASSERT(read.ok());
  year_calendar y = *read;
  for (int i = *rc::gen::inRange(1, 6); i > 0; --i) {
    date d = add_days({2026, 3, 2}, *rc::gen::inRange(0, 50));
    if (iso_weekday(d) < 6) y.holidays.push_back(d);
  }
  auto cal =
      scenario::load_calendar(j.calendar.hours(), scenario::national_calendars_dir(dir), dir, {y});
  RC_ASSERT(cal.ok());
  return *cal;
}

RC_GTEST_PROP(Properties, AfterALoadEveryArmedDeadlineIsItsTermOnTheNewCalendar, ()) {
  const jurisdiction& j = scenario(*rc::gen::elementOf(jurisdictions));
  ticket_state s;
  drive(j, s);
  working_calendar cal = with_more_holidays(j);
  auto before = deadlines(s);
  for (const auto& e : recompute(s, cal)) {
    RC_ASSERT(!s.slot(e.kind).fired);
    evolve(s, {s.version + 1, at("2026-03-02T08:00:00+08:00"), "system:calendar", e, ""});
  }
  auto after = deadlines(s);
  RC_ASSERT(after.size() == before.size());  // the same deadlines are armed, perhaps moved
  for (const auto& d : after) {
    const auto& fact = s.slot(d.kind).set_by;
    RC_ASSERT(fact.has_value());
    auto due = cal.due(*fact);
    if (due) RC_ASSERT(*due == d.due);
  }
  RC_ASSERT(recompute(s, cal).empty());
}

RC_GTEST_PROP(Properties, AWorkingDayDeadlineEndsAtCloseOfBusinessOnAWorkingDay, ()) {
  const working_calendar& cal = scenario("mengcheng").calendar;
  instant from = *any_instant();
  int n = *rc::gen::inRange(1, 21);
  auto due = cal.add_working_days(from, n);
  if (!due) RC_SUCCEED("ran past the last calendar year");
  RC_ASSERT(*due > from);
  RC_ASSERT(*cal.is_working_day(local_date(*due)));
  RC_ASSERT(local_second_of_day(*due) == cal.hours().close());
}

RC_GTEST_PROP(Properties, ABusinessMinuteDeadlineFallsWithinBusinessHours, ()) {
  const working_calendar& cal = scenario("zhijiang").calendar;
  instant from = *any_instant();
  auto due = cal.add_business_seconds(from, 60 * *rc::gen::inRange(1, 2000));
  if (!due) RC_SUCCEED("ran past the last calendar year");
  RC_ASSERT(*due > from);
  // Inside business hours, or exactly at the close of an interval.
  instant just_before{due->seconds - 1};
  RC_ASSERT(*cal.is_business_time(just_before));
}

RC_GTEST_PROP(Properties, MoreWorkingDaysNeverGiveAnEarlierDeadline, ()) {
  const working_calendar& cal = scenario("pingdingshan").calendar;
  instant from = *any_instant();
  instant later{from.seconds + *rc::gen::inRange(0, 5 * 86400)};
  int n = *rc::gen::inRange(1, 20), m = n + *rc::gen::inRange(0, 10);
  auto a = cal.add_working_days(from, n), b = cal.add_working_days(from, m);
  auto c = cal.add_working_days(later, n);
  if (!a || !b || !c) RC_SUCCEED("ran past the last calendar year");
  RC_ASSERT(*a <= *b);
  RC_ASSERT(*a <= *c);
}

}  // namespace
}  // namespace hotline::testing
