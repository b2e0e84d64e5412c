#pragma once
// The working-time calendar: which days are working days (weekends, statutory holidays and the
// make-up working days of the State Council's yearly notice), the business hours within them, and
// deadline arithmetic over both.
//
// Counting follows the PRC Civil Code (art. 201, 203): a term of N working days does not count the
// day it starts, and ends at close of business on the N-th working day after it. Fractions of a
// working day run on business hours from the starting instant. A year is official (the State
// Council's notice), provisional (computed from the holiday law, workflow/holiday_law.h: a
// warning, never a stop) or missing (an error, never a guess: calendar_unavailable).
// Local layers add the holidays a local regulation grants on top of the national calendar.

#include <bitset>
#include <map>
#include <optional>
#include <set>
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
  /// Not the official arrangement: computed from the holiday law (workflow/holiday_law.h).
  bool provisional = false;
};

/// Holidays a local regulation adds to one year of the national calendar (an autonomous
/// prefecture's festival days, for example).
struct local_layer {
  int year = 0;
  std::vector<date> holidays;
  std::string source;  // the local regulation and article
};

/// One entry of the calendar's listing, for operators.
struct calendar_entry {
  int year = 0;
  bool local = false;
  bool provisional = false;
  std::string source;
};

/// An error message if `y` is inconsistent (dates outside the year, a make-up day that is not on
/// a weekend, a day both holiday and working), or an empty string.
std::string check_year(const year_calendar& y);
/// An error message if a holiday of `l` is outside its year, or an empty string.
std::string check_layer(const local_layer& l);
/// An error message if `h` is not sorted, disjoint and non-empty, or an empty string.
std::string check_hours(const business_hours& h);

class working_calendar {
 public:
  /// A calendar that covers no year: every question about a day is calendar_unavailable.
  working_calendar() = default;
  /// REQUIRES: check_hours(hours), check_year(y) for every y and check_layer(l) for every l are
  /// empty. A local layer for a year without national data is ignored.
  working_calendar(business_hours hours, const std::vector<year_calendar>& years,
                   const std::vector<local_layer>& local = {});

  /// calendar_unavailable if the year of `d` has no data.
  result<bool> is_working_day(date d) const;
  /// Whether `t` falls inside business hours on a working day.
  result<bool> is_business_time(instant t) const;
  /// When a term of `p` that starts at `from` ends.
  result<instant> due(instant from, period p) const;
  /// When the term `f` records ends: its period from its start, then its extensions.
  result<instant> due(const term_fact& f) const;
  result<instant> add_working_days(instant from, int n) const;
  result<instant> add_business_seconds(instant from, std::int64_t seconds) const;

  bool covers(int year) const { return years_.count(year) != 0; }
  bool is_provisional(int year) const { return provisional_.count(year) != 0; }
  /// Every year and local layer, with whether it is provisional and its source, by year.
  const std::vector<calendar_entry>& entries() const { return entries_; }
  /// The national source of `year` (the notice, or the holiday law for a provisional year), with
  /// its local layers' after it; empty if the year has no data.
  std::string source_of(int year) const;
  /// The last day of the unbroken run of covered years that holds `d`, or nothing if `d`'s year
  /// has no data: past it, deadlines are refused until an operator adds the next year's file.
  std::optional<date> covered_through(date d) const;
  const business_hours& hours() const { return hours_; }

 private:
  business_hours hours_;
  std::map<int, std::bitset<366>> years_;  // bit set: a working day, by day of year
  std::set<int> provisional_;
  std::vector<calendar_entry> entries_;
};

/// How far the calendar reaches from today, for operators. Deadlines past `covered_through` are
/// refused (calendar_unavailable); deadlines past `official_through` are computed on provisional
/// years, so the next year's official file should arrive before `today` gets close.
struct calendar_horizon {
  std::optional<date> covered_through;   // nothing: today itself has no calendar
  std::int64_t days_left = 0;            // from today to covered_through
  std::optional<date> official_through;  // nothing: today's year is provisional or missing
  std::int64_t official_days_left = 0;   // from today to official_through (0 without one)
  std::string warning;                   // empty while more than `warn_days` are left of both
};
/// Assumed: 60 days, since the longest terms the five policies set (with their extensions) reach
/// about 45 calendar days past the day a ticket arrives.
calendar_horizon horizon_of(const working_calendar& c, date today, std::int64_t warn_days = 60);

}  // namespace hotline::workflow
