// The working-time calendar on real dates of 2025-2026 (rules.md §2, §7).
#include <gtest/gtest.h>

#include "tests/support/ticket_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;

const working_calendar& cal() {
  return scenario("mengcheng").calendar;
}

std::string after(const std::string& from, period p) {
  auto due = cal().due(at(from), p);
  return due ? format_instant(*due) : "error: " + due.error().message;
}

TEST(Calendar, SpringFestival2026MakeUpSaturdayCountsAndTheHolidayDoesNot) {
  // Friday 13 Feb 2026; Sat 14 Feb is a make-up working day; 15-23 Feb are holidays.
  EXPECT_EQ(after("2026-02-13T10:00:00+08:00", working_days(1)), "2026-02-14T17:30:00+08:00");
  EXPECT_EQ(after("2026-02-13T10:00:00+08:00", working_days(2)), "2026-02-24T17:30:00+08:00");
  // Sat 28 Feb is the second make-up day: Thu 26 + 1 = Fri 27, + 2 = Sat 28, + 3 = Mon 2 Mar.
  EXPECT_EQ(after("2026-02-26T09:00:00+08:00", working_days(2)), "2026-02-28T17:30:00+08:00");
  EXPECT_EQ(after("2026-02-26T09:00:00+08:00", working_days(3)), "2026-03-02T17:30:00+08:00");
}

TEST(Calendar, ReceivedOnAHolidayCountsFromTheFirstWorkingDayAfter) {
  EXPECT_EQ(after("2026-02-18T11:00:00+08:00", working_days(1)), "2026-02-24T17:30:00+08:00");
}

TEST(Calendar, NationalDay2026) {
  // Wed 30 Sep; 1-7 Oct holidays; Thu 8 Oct works; Sat 10 Oct is a make-up working day.
  EXPECT_EQ(after("2026-09-30T16:00:00+08:00", working_days(1)), "2026-10-08T17:30:00+08:00");
  EXPECT_EQ(after("2026-09-30T16:00:00+08:00", working_days(3)), "2026-10-10T17:30:00+08:00");
  // Sun 20 Sep is a make-up working day before it.
  EXPECT_EQ(after("2026-09-18T16:00:00+08:00", working_days(1)), "2026-09-20T17:30:00+08:00");
}

TEST(Calendar, TicketArrivingAt1745OnAFridayCivilCodeCounting) {
  // Civil Code art. 201: the day of receipt is not counted; art. 203: ends at close of business.
  EXPECT_EQ(after("2026-03-13T17:45:00+08:00", working_days(1)), "2026-03-16T17:30:00+08:00");
  EXPECT_EQ(after("2026-03-13T17:45:00+08:00", working_days(5)), "2026-03-20T17:30:00+08:00");
  // Half a working day runs on business hours: Monday 08:30 + 3h15.
  EXPECT_EQ(after("2026-03-13T17:45:00+08:00", business_minutes(195)), "2026-03-16T11:45:00+08:00");
}

TEST(Calendar, HalfAWorkingDayStartingAt1100CrossesTheLunchBreak) {
  // 11:00-12:00 is one hour; the other 2h15 run from 14:30.
  EXPECT_EQ(after("2026-03-16T11:00:00+08:00", business_minutes(195)), "2026-03-16T16:45:00+08:00");
}

TEST(Calendar, BusinessHoursBeforeOpeningDuringLunchAndOnHolidays) {
  EXPECT_EQ(after("2026-03-16T07:00:00+08:00", business_minutes(195)), "2026-03-16T11:45:00+08:00");
  EXPECT_EQ(after("2026-03-16T12:30:00+08:00", business_minutes(60)), "2026-03-16T15:30:00+08:00");
  EXPECT_EQ(after("2026-10-03T10:00:00+08:00", business_minutes(195)), "2026-10-08T11:45:00+08:00");
  // A make-up Saturday is a full working day.
  EXPECT_EQ(after("2026-02-14T10:00:00+08:00", business_minutes(195)), "2026-02-14T15:45:00+08:00");
  // Exactly filling the morning ends at 12:00, not after lunch.
  EXPECT_EQ(after("2026-03-16T08:30:00+08:00", business_minutes(210)), "2026-03-16T12:00:00+08:00");
}

TEST(Calendar, AcrossTheYearEndNewYear2026AndItsMakeUpSunday) {
  // 1-3 Jan 2026 holidays; Sun 4 Jan is a make-up working day.
  EXPECT_EQ(after("2025-12-31T10:00:00+08:00", working_days(1)), "2026-01-04T17:30:00+08:00");
  EXPECT_EQ(after("2025-12-31T10:00:00+08:00", working_days(2)), "2026-01-05T17:30:00+08:00");
}

TEST(Calendar, SpringFestival2025) {
  // 28 Jan - 4 Feb 2025 holidays; Sun 26 Jan and Sat 8 Feb are make-up working days.
  EXPECT_EQ(after("2025-01-24T09:00:00+08:00", working_days(1)), "2025-01-26T17:30:00+08:00");
  EXPECT_EQ(after("2025-01-27T09:00:00+08:00", working_days(1)), "2025-02-05T17:30:00+08:00");
  EXPECT_EQ(after("2025-02-07T09:00:00+08:00", working_days(1)), "2025-02-08T17:30:00+08:00");
}

TEST(Calendar, TheClockRunsThroughHolidaysForAtOnceItems) {
  EXPECT_EQ(after("2026-10-01T20:00:00+08:00", clock_minutes(24 * 60)),
            "2026-10-02T20:00:00+08:00");
}

TEST(Calendar, AYearBeyondWhatCanBeComputedIsAnErrorNeverAGuess) {
  // Provisional years (rules.md §9) reach 2100; past them, and before the first official file,
  // there is nothing to count on.
  auto due = cal().due(at("2100-12-24T10:00:00+08:00"), working_days(10));
  ASSERT_FALSE(due);
  EXPECT_EQ(due.error().code, refusal_code::calendar_unavailable);
  EXPECT_NE(due.error().message.find("2101"), std::string::npos);
  EXPECT_FALSE(cal().is_working_day({2024, 6, 3}));
}

TEST(Calendar, SaysHowFarItsYearsReachOfficiallyAndProvisionally) {
  EXPECT_EQ(*cal().covered_through({2025, 3, 1}), (date{2100, 12, 31}));
  auto h = horizon_of(cal(), {2025, 3, 1});
  EXPECT_EQ(*h.official_through, (date{2026, 12, 31}));  // 2025 runs on into 2026
  EXPECT_FALSE(horizon_of(cal(), {2027, 1, 4}).official_through);
  EXPECT_FALSE(cal().covered_through({2024, 12, 31}));
}

TEST(Calendar, WarnsOperatorsSixtyDaysBeforeTheOfficialYearsEnd) {
  auto far = horizon_of(cal(), {2026, 10, 31});
  EXPECT_EQ(far.official_days_left, 61);
  EXPECT_EQ(far.warning, "");
  auto near = horizon_of(cal(), {2026, 11, 23});
  EXPECT_EQ(near.official_days_left, 38);
  EXPECT_NE(near.warning.find("2027 has no official holiday arrangement (38 days from now)"),
            std::string::npos)
      << near.warning;
  EXPECT_NE(near.warning.find("calendars/2027.json"), std::string::npos);
  auto inside = horizon_of(cal(), {2027, 1, 4});
  EXPECT_NE(inside.warning.find("2027 has no official holiday arrangement: "), std::string::npos)
      << inside.warning;
}

TEST(Calendar, WarnsWhenItsDataEndsAndRefusesBeyond) {
  year_calendar only{2026, {}, {}, "test"};
  working_calendar one(cal().hours(), {only});
  auto near = horizon_of(one, {2026, 11, 23});
  EXPECT_EQ(near.days_left, 38);
  EXPECT_NE(near.warning.find("deadlines reaching into 2027 are refused"), std::string::npos);
  auto beyond = horizon_of(one, {2027, 1, 4});
  EXPECT_FALSE(beyond.covered_through);
  EXPECT_NE(beyond.warning.find("every deadline is refused"), std::string::npos);
}

TEST(Calendar, WorkingDaysAndBusinessTime) {
  EXPECT_TRUE(*cal().is_working_day({2026, 2, 14}));   // make-up Saturday
  EXPECT_FALSE(*cal().is_working_day({2026, 2, 16}));  // Spring Festival, a Monday
  EXPECT_FALSE(*cal().is_working_day({2026, 3, 14}));  // an ordinary Saturday
  EXPECT_TRUE(*cal().is_business_time(at("2026-03-16T08:30:00+08:00")));
  EXPECT_FALSE(*cal().is_business_time(at("2026-03-16T12:00:00+08:00")));
  EXPECT_FALSE(*cal().is_business_time(at("2026-03-16T17:30:00+08:00")));
}

TEST(Calendar, YearDataIsChecked) {
  year_calendar y{2026, {{2026, 2, 16}}, {{2026, 2, 16}}, "test"};
  EXPECT_NE(check_year(y), "");  // both a holiday and a working day
  y = {2026, {}, {{2026, 2, 16}}, "test"};
  EXPECT_NE(check_year(y), "");  // a make-up day that is a Monday
  y = {2026, {{2025, 10, 1}}, {}, "test"};
  EXPECT_NE(check_year(y), "");  // outside the year
}

TEST(Time, Rfc3339RoundTripsInShanghaiTime) {
  EXPECT_EQ(format_instant(at("2026-02-13T09:45:00Z")), "2026-02-13T17:45:00+08:00");
  EXPECT_EQ(format_instant(at("2026-02-13T17:45:00.123+08:00")), "2026-02-13T17:45:00+08:00");
  EXPECT_FALSE(parse_instant("2026-02-30T10:00:00+08:00"));
  EXPECT_FALSE(parse_instant("2026-02-13 17:45"));
  EXPECT_EQ(iso_weekday({2026, 2, 14}), 6);
  EXPECT_EQ(add_years({2028, 2, 29}, 2), (date{2030, 2, 28}));
}

}  // namespace
}  // namespace hotline::testing
