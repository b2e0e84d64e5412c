// Provisional calendar years: the statutory holidays of the national holiday law
// (全国年节及纪念日放假办法, as amended by 国务院令第795号, art. 2 and art. 6; rules.md §9) on
// dates computed with ICU and Meeus, never typed in.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <set>

#include "apps/scenario/lunar_calendar.h"
#include "apps/scenario/provisional_years.h"
#include "apps/scenario/solar_term.h"
#include "tests/support/ticket_case.h"
#include "workflow/provisional_deadlines.h"

namespace hotline::testing {
namespace {
using namespace workflow;

std::vector<std::string> holidays_of(int year) {
  auto f = scenario::festivals_of(year);
  EXPECT_TRUE(f) << year;
  std::vector<std::string> out;
  for (date d : provisional_year(*f).holidays) out.push_back(format_date(d));
  return out;
}

TEST(HolidayLaw, Provisional2027Art2HolidaysAndArt6Compensation) {
  // Art. 2: Jan 1; Spring Festival Feb 5 (Fri, the eve) - Feb 8, lunar New Year Sat Feb 6;
  // Qingming Mon Apr 5; May 1-2 (Sat, Sun); Dragon Boat Wed Jun 9; Mid-Autumn Wed Sep 15;
  // Oct 1-3 (Fri-Sun). Art. 6: Feb 6-7 -> Tue Feb 9, Wed Feb 10; May 1-2 -> May 3-4;
  // Oct 2-3 -> Oct 4-5.
  EXPECT_EQ(holidays_of(2027),
            (std::vector<std::string>{"2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07",
                                      "2027-02-08", "2027-02-09", "2027-02-10", "2027-04-05",
                                      "2027-05-01", "2027-05-02", "2027-05-03", "2027-05-04",
                                      "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02",
                                      "2027-10-03", "2027-10-04", "2027-10-05"}));
}

TEST(HolidayLaw, Provisional2028MidAutumnOnNationalDayIsOneHoliday) {
  // Art. 2: Sat Jan 1 (-> Mon Jan 3, art. 6); eve Tue Jan 25, lunar New Year Wed Jan 26 - Fri
  // Jan 28; Qingming Tue Apr 4; May 1-2 (Mon, Tue); Dragon Boat Sun May 28 (-> Mon May 29);
  // Mid-Autumn Tue Oct 3, the same day as National Day's third: one holiday day, no extra one;
  // Sun Oct 1 -> Wed Oct 4.
  EXPECT_EQ(holidays_of(2028),
            (std::vector<std::string>{"2028-01-01", "2028-01-03", "2028-01-25", "2028-01-26",
                                      "2028-01-27", "2028-01-28", "2028-04-04", "2028-05-01",
                                      "2028-05-02", "2028-05-28", "2028-05-29", "2028-10-01",
                                      "2028-10-02", "2028-10-03", "2028-10-04"}));
}

TEST(HolidayLaw, AWeekendDayTwoFestivalsShareIsCompensatedOnce) {
  // 2039: National Day Sat Oct 1 - Mon Oct 3, Mid-Autumn Sun Oct 2: Oct 1 and Oct 2 are two
  // weekend holiday days (art. 6), compensated Tue Oct 4 and Wed Oct 5; Thu Oct 6 works.
  auto days = holidays_of(2039);
  std::vector<std::string> october(days.end() - 5, days.end());
  EXPECT_EQ(october, (std::vector<std::string>{"2039-10-01", "2039-10-02", "2039-10-03",
                                               "2039-10-04", "2039-10-05"}));
}

// Art. 2 and art. 6 for any year the library covers: every statutory day is a holiday, and each
// statutory day on a weekend gets exactly one compensatory weekday that is not itself statutory.
RC_GTEST_PROP(HolidayLaw, EveryYearHasItsStatutoryDaysAndOneWeekdayForEachOnAWeekend, ()) {
  const int year = *rc::gen::inRange(2027, scenario::last_provisional_year + 1);
  auto f = scenario::festivals_of(year);
  RC_ASSERT(f.has_value());
  std::set<std::int64_t> statutory;
  for (const auto& run : statutory_runs(*f))
    for (int i = 0; i < run.days; ++i) statutory.insert(days_from_civil(add_days(run.first, i)));
  auto y = provisional_year(*f);
  std::set<std::int64_t> holidays;
  for (date d : y.holidays) holidays.insert(days_from_civil(d));
  RC_ASSERT(holidays.size() == y.holidays.size());  // no day twice
  RC_ASSERT(y.working_weekends.empty());            // no make-up working days
  std::size_t on_weekends = 0, compensatory = 0;
  for (auto day : statutory) {
    RC_ASSERT(holidays.count(day) == 1u);
    on_weekends += iso_weekday(civil_from_days(day)) >= 6;
  }
  for (auto day : holidays) {
    if (statutory.count(day)) continue;
    ++compensatory;
    RC_ASSERT(iso_weekday(civil_from_days(day)) <= 5);
    RC_ASSERT(civil_from_days(day).year == year);
  }
  RC_ASSERT(compensatory == on_weekends);
  RC_ASSERT(check_year(y).empty());
}

TEST(HolidayLaw, EveryComputedHolidayOf2025And2026IsAHolidayInTheStateCouncilNotice) {
  // The official notices (rules.md §7) add bridge days and make-up days, but never drop a day the
  // law names nor its compensation.
  const working_calendar& official = scenario("mengcheng").calendar;
  for (int year : {2025, 2026}) {
    ASSERT_FALSE(official.is_provisional(year));
    for (const auto& day : holidays_of(year))
      EXPECT_FALSE(*official.is_working_day(*parse_date(day))) << day;
  }
}

TEST(HolidayLaw, YearsAfterTheLastFileAreProvisionalAndNeverRefused) {
  const working_calendar& cal = scenario("heyuan").calendar;
  EXPECT_FALSE(cal.is_provisional(2026));
  for (int year : {2027, 2050, scenario::last_provisional_year}) {
    EXPECT_TRUE(cal.is_provisional(year)) << year;
    EXPECT_TRUE(cal.is_working_day({year, 6, 1})) << year;
  }
  EXPECT_FALSE(cal.covers(scenario::last_provisional_year + 1));
}

TEST(HolidayLaw, AnItemSignedInLateDecember2026EndsInJanuary2027) {
  // Thu 24 Dec 2026 + 10 working days: Dec 25, 28-31 (5), Jan 1 2027 is New Year's Day, Jan 4-8.
  auto due = scenario("mengcheng").calendar.due(at("2026-12-24T10:00:00+08:00"), working_days(10));
  ASSERT_TRUE(due) << due.error().message;
  EXPECT_EQ(format_instant(*due), "2027-01-08T17:30:00+08:00");
}

TEST(HolidayLaw, ATicketSaysWhichOfItsDeadlinesWereCountedOnAProvisionalYear) {
  // rules.md §9. Heyuan: sign within 1 working day, complaints handled in 10 (004 art. 18).
  ticket_case t("heyuan");
  t.submit(request(), "2026-12-24T09:00:00+08:00");
  t.ok(dispatch_to("housing"), "2026-12-24T09:05:00+08:00", operator_role());
  EXPECT_TRUE(provisional_deadlines(t.state(), t.where().calendar).empty());  // Fri Dec 25
  t.ok(sign{}, "2026-12-24T10:00:00+08:00", department("housing"));
  EXPECT_EQ(provisional_deadlines(t.state(), t.where().calendar),
            std::vector<deadline_kind>{deadline_kind::handle});
}

// The 寿星 formula for the 21st century: Qingming falls on April [Y×0.2422+4.81]−[Y/4], Y the
// last two digits of the year. It assumes a leap year every fourth year, so it is a day early in
// 2100 (not a leap year).
int shouxing_qingming(int year) {
  int y = year - 2000;
  int day = static_cast<int>(y * 0.2422 + 4.81) - y / 4;
  return year == 2100 ? day + 1 : day;
}

RC_GTEST_PROP(HolidayLaw, QingmingByMeeusAgreesWithTheShouxingFormula2000To2100, ()) {
  const int year = *rc::gen::inRange(2000, 2101);
  auto day = scenario::qingming(year);
  RC_ASSERT(day.has_value());
  RC_ASSERT(day->month == 4);
  RC_ASSERT(day->day == shouxing_qingming(year));
}

// Two methods for the day a lunar month begins: ICU's Chinese calendar and Meeus's new moon
// (ch. 49). They agree unless the new moon is within half an hour of Beijing midnight, where ICU's
// minutes of error can cross it (2027-02-06 23:56, 2030-02-03 00:07); then they differ by a day.
RC_GTEST_PROP(HolidayLaw, LunarMonthsByIcuAndByMeeusAgreeAwayFromMidnight2000To2100, ()) {
  const int year = *rc::gen::inRange(2000, 2101);
  const int month = *rc::gen::element(1, 5, 8);
  auto m = scenario::month_start(year, month);
  RC_ASSERT(m.has_value());
  const auto second = local_second_of_day(m->new_moon);
  const bool near_midnight = second < 1800 || second > seconds_per_day - 1800;
  if (!near_midnight) {
    RC_ASSERT(m->icu == m->first_day);
  } else {
    const auto apart = days_from_civil(m->icu) - days_from_civil(m->first_day);
    RC_ASSERT(apart >= -1 && apart <= 1);
  }
}

TEST(HolidayLaw, IcuAloneWouldPutSpringFestival2027AndOf2030OnTheWrongDay) {
  auto y2027 = scenario::month_start(2027, 1), y2030 = scenario::month_start(2030, 1);
  EXPECT_EQ(format_date(y2027->first_day), "2027-02-06");
  EXPECT_EQ(format_instant(y2027->new_moon).substr(0, 16), "2027-02-06T23:56");
  EXPECT_EQ(format_date(y2027->icu), "2027-02-07");
  EXPECT_EQ(format_date(y2030->first_day), "2030-02-03");
  EXPECT_EQ(format_date(y2030->icu), "2030-02-02");
}

}  // namespace
}  // namespace hotline::testing
