#pragma once
// The working-time calendar: which days are working days (weekends, statutory holidays and the
// make-up working days of the State Council's yearly notice), the business hours within them, and
// deadline arithmetic over both.
//
// Counting follows the PRC Civil Code (art. 201, 203): a term of N working days does not count the
// day it starts, and ends at close of business on the N-th working day after it. Fractions of a
// working day run on business hours from the starting instant. A year without data is an error,
// never a guess.

#include <bitset>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "workflow/period.h"
#include "workflow/result.h"
#include "workflow/time.h"

namespace hotline::workflow {

/// Business hours as [start, end) second-of-day intervals, sorted and disjoint.
struct business_hours {
  std::vector<std::pair<std::int64_t, std::int64_t>> intervals;
  std::int64_t seconds_per_day() const;
  /// Second-of-day at which the working day ends (the end of the last interval).
  std::int64_t close() const { return intervals.back().second; }
};

/// One year's official arrangement: holidays, and weekend days that are working days (调休).
struct year_calendar {
  int year = 0;
  std::vector<date> holidays;
  std::vector<date> working_weekends;
  std::string source;  // the notice it comes from
};

/// An error message if `y` is inconsistent (dates outside the year, a make-up day that is not on
/// a weekend, a day both holiday and working), or an empty string.
std::string check_year(const year_calendar& y);
/// An error message if `h` is not sorted, disjoint and non-empty, or an empty string.
std::string check_hours(const business_hours& h);

class working_calendar {
 public:
  /// A calendar that covers no year: every question about a day is calendar_unavailable.
  working_calendar() = default;
  /// REQUIRES: check_hours(hours) and check_year(y) for every y are empty.
  working_calendar(business_hours hours, const std::vector<year_calendar>& years);

  /// calendar_unavailable if the year of `d` has no data.
  result<bool> is_working_day(date d) const;
  /// Whether `t` falls inside business hours on a working day.
  result<bool> is_business_time(instant t) const;
  /// When a term of `p` that starts at `from` ends.
  result<instant> due(instant from, period p) const;
  result<instant> add_working_days(instant from, int n) const;
  result<instant> add_business_seconds(instant from, std::int64_t seconds) const;

  bool covers(int year) const { return years_.count(year) != 0; }
  /// The last day of the unbroken run of covered years that holds `d`, or nothing if `d`'s year
  /// has no data: past it, deadlines are refused until an operator adds the next year's file.
  std::optional<date> covered_through(date d) const;
  const business_hours& hours() const { return hours_; }

 private:
  business_hours hours_;
  std::map<int, std::bitset<366>> years_;  // bit set: a working day, by day of year
};

/// How far the calendar reaches from today, for operators: deadlines past `covered_through` are
/// refused (calendar_unavailable), so the next year's file must arrive before `today` gets close.
struct calendar_horizon {
  std::optional<date> covered_through;  // nothing: today itself has no calendar
  std::int64_t days_left = 0;           // from today to covered_through
  std::string warning;                  // empty while more than `warn_days` are left
};
/// Assumed: 60 days, since the longest terms the five policies set (with their extensions) reach
/// about 45 calendar days past the day a ticket arrives.
calendar_horizon horizon_of(const working_calendar& c, date today, std::int64_t warn_days = 60);

}  // namespace hotline::workflow
