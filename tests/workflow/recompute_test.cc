// Deadlines when an official calendar year arrives while tickets are open (rules.md §9, issue 11):
// recomputed from the facts that set them; fired ones stay history.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "apps/scenario/load_calendars.h"
#include "apps/scenario/provisional_years.h"
#include "tests/support/ticket_case.h"
#include "workflow/provisional_deadlines.h"
#include "workflow/recompute.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using ::testing::ElementsAre;

const std::string notice_2027 =
    "国务院办公厅关于2027年部分节假日安排的通知 (as loaded in this test)";

// 2027 as the holiday law gives it (provisional: Jan 1 New Year's Day, Mon Jan 4 a working
// day), made official with `extra` holidays on top: what a notice that differs looks like.
working_calendar official_2027(const jurisdiction& j, std::vector<date> extra) {
  year_calendar y = scenario::provisional_years(2027, {}).front();
  y.provisional = false;
  y.source = notice_2027;
  y.holidays.insert(y.holidays.end(), extra.begin(), extra.end());
  std::string dir = std::string(HOTLINE_SCENARIOS_DIR) + "/" + j.rules.id;
  auto cal =
      scenario::load_calendar(j.calendar.hours(), scenario::national_calendars_dir(dir), dir, {y});
  EXPECT_TRUE(cal) << cal.error().message;
  return *cal;
}

// Runs the system's recompute on a copy of `s` under `cal`; the state after it.
ticket_state recomputed(const ticket_state& s, const jurisdiction& j, const working_calendar& cal,
                        std::vector<event_record>* events = nullptr) {
  jurisdiction loaded = j;
  loaded.calendar = cal;
  auto out = decide(s, recompute_deadlines{}, {loaded, at("2026-12-28T09:00:00+08:00"), timer()});
  EXPECT_TRUE(out.ok());
  ticket_state after = s;
  for (const auto& e : *out) evolve(after, e);
  if (events) *events = *out;
  return after;
}

struct LateDecember : ::testing::Test {
  ticket_case t{"mengcheng"};
  // A complaint signed on Thursday 24 December 2026: 10 working days (001 art. 18) reach into
  // January 2027, which has no official arrangement yet.
  void signed_on_december_24() {
    t.submit(request(), "2026-12-24T09:00:00+08:00");
    t.ok(dispatch_to("housing"), "2026-12-24T09:30:00+08:00", operator_role());
    t.ok(sign{signed_by("住建局局长")}, "2026-12-24T10:00:00+08:00", department("housing"));
  }
};

TEST_F(LateDecember, Seed001Art18_AnItemSignedInLateDecemberEndsOnTheProvisional2027) {
  signed_on_december_24();
  // Dec 25, 28-31 (5), Jan 1 New Year's Day (holiday law art. 2), Jan 4-8 (10).
  EXPECT_EQ(t.due(deadline_kind::handle), "2027-01-08T17:30:00+08:00");
  EXPECT_THAT(provisional_deadlines(t.state(), t.where().calendar),
              ElementsAre(deadline_kind::handle));
  const auto& fact = *t.state().handle_deadline.set_by;
  EXPECT_EQ(fact.from, at("2026-12-24T09:30:00+08:00"));  // from dispatch (001 art. 18)
  EXPECT_EQ(fact.term, working_days(10));
}

TEST_F(LateDecember, Seed001Art18_TheOfficialArrangementWithAnExtraHolidayMovesTheDeadline) {
  signed_on_december_24();
  auto cal = official_2027(t.where(), {{2027, 1, 4}});
  std::vector<event_record> events;
  ticket_state after = recomputed(t.state(), t.where(), cal, &events);
  ASSERT_EQ(events.size(), 1u);
  const auto& moved = std::get<deadline_recomputed>(events[0].body);
  EXPECT_EQ(moved.kind, deadline_kind::handle);
  EXPECT_EQ(moved.old_due, at("2027-01-08T17:30:00+08:00"));
  EXPECT_EQ(moved.new_due, at("2027-01-11T17:30:00+08:00"));
  EXPECT_EQ(moved.source, notice_2027);
  EXPECT_EQ(events[0].by, "system:timer");
  EXPECT_EQ(*after.handle_deadline.due, at("2027-01-11T17:30:00+08:00"));
  EXPECT_EQ(after.handle_deadline.set_by, t.state().handle_deadline.set_by);  // the same term
  EXPECT_TRUE(provisional_deadlines(after, cal).empty());
  // Loading it again changes nothing more.
  std::vector<event_record> again;
  recomputed(after, t.where(), cal, &again);
  EXPECT_TRUE(again.empty());
}

TEST_F(LateDecember, Seed001Art19_AnExtensionIsRecomputedFromTheEndOfTheTerm) {
  signed_on_december_24();
  t.ok(request_extension{3, "需协调供水公司", signed_by("住建局局长")}, "2026-12-28T09:00:00+08:00",
       department("housing"));
  t.ok(approve_extension{std::nullopt}, "2026-12-28T10:00:00+08:00", supervisor());
  EXPECT_EQ(t.due(deadline_kind::handle), "2027-01-13T17:30:00+08:00");
  EXPECT_EQ(t.state().handle_deadline.set_by->extension_days, 3);
  ticket_state after = recomputed(t.state(), t.where(), official_2027(t.where(), {{2027, 1, 4}}));
  EXPECT_EQ(*after.handle_deadline.due, at("2027-01-14T17:30:00+08:00"));
}

TEST_F(LateDecember, Seed001Art14_AFiredDeadlineIsHistoryAndDoesNotMove) {
  t.submit(request(), "2026-12-31T09:00:00+08:00");
  t.ok(dispatch_to("housing"), "2026-12-31T09:30:00+08:00", operator_role());
  // Signing within 1 working day (001 art. 14): Mon Jan 4 on the provisional year.
  EXPECT_EQ(t.due(deadline_kind::sign), "2027-01-04T17:30:00+08:00");
  t.advance("2027-01-04T17:30:00+08:00");
  ASSERT_TRUE(t.state().sign_deadline.fired);
  std::vector<event_record> events;
  ticket_state after =
      recomputed(t.state(), t.where(), official_2027(t.where(), {{2027, 1, 4}}), &events);
  for (const auto& e : events)
    EXPECT_NE(std::get<deadline_recomputed>(e.body).kind, deadline_kind::sign);
  EXPECT_EQ(*after.sign_deadline.due, at("2027-01-04T17:30:00+08:00"));
  EXPECT_TRUE(after.sign_deadline.fired);
}

TEST_F(LateDecember, ADeadlineSetBeforeItsFactsWereRecordedKeepsItsDate) {
  signed_on_december_24();
  ticket_state old = t.state();
  old.handle_deadline.set_by.reset();  // as a format-3 record decodes
  std::vector<event_record> events;
  ticket_state after =
      recomputed(old, t.where(), official_2027(t.where(), {{2027, 1, 4}}), &events);
  EXPECT_TRUE(events.empty());
  EXPECT_EQ(*after.handle_deadline.due, at("2027-01-08T17:30:00+08:00"));
}

TEST_F(LateDecember, OnlyTheSystemRecomputes) {
  signed_on_december_24();
  auto r = t.refused(recompute_deadlines{}, "2026-12-28T09:00:00+08:00", supervisor());
  EXPECT_EQ(r.code, refusal_code::forbidden);
}

}  // namespace
}  // namespace hotline::testing
