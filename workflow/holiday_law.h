#pragma once
// The statutory holidays of a year from the national holiday law, for a year the State Council
// has not yet published its arrangement for (a "provisional" year, rules.md §9).
//
// 全国年节及纪念日放假办法 as amended by 国务院令第795号 (in force 2025-01-01), art. 2: holidays
// for all citizens: New Year's Day (Jan 1); Spring Festival, 4 days (lunar New Year's Eve and lunar
// 1/1-1/3); Qingming (the day of the solar term); Labour Day (May 1-2); Dragon Boat (lunar 5/5);
// Mid-Autumn (lunar 8/15); National Day (Oct 1-3).
// Art. 6: a holiday for all citizens that falls on a Saturday or Sunday is compensated on a working
// day (应当在工作日补假). The law does not say which one; our reading: each such weekend day is
// compensated on the first working day after that festival's run of days (Mon-Fri, not itself a
// statutory holiday, not already a compensatory day), in date order. A day that is two festivals
// at once (Mid-Autumn on Oct 1-3, as in 2028 and 2039) is one holiday day, compensated once if it
// is a weekend day: the law gives no extra day for it, only the yearly notice ever did (2020).
// No make-up working days (调休): those exist only in the yearly notice.
//
// The astronomical and lunar dates are inputs: computing them is not a rule, and the rule core
// does no astronomy (apps/scenario/ does, with ICU and Meeus).

#include <vector>

#include "workflow/calendar.h"

namespace hotline::workflow {

/// The dates the law ties to the lunar calendar and the solar terms, for one Gregorian year.
struct festival_dates {
  int year = 0;
  date lunar_new_year;  // lunar 1/1 of the lunar year that starts in `year`
  date qingming;        // the day (UTC+8) the sun's apparent longitude reaches 15°
  date dragon_boat;     // lunar 5/5
  date mid_autumn;      // lunar 8/15
};

/// One festival's run of statutory days, e.g. Spring Festival: 4 days from the eve.
struct statutory_run {
  date first;
  int days = 1;
};

/// The law's art. 2 runs of `f.year`, in date order.
std::vector<statutory_run> statutory_runs(const festival_dates& f);

/// The year's calendar under the law: the art. 2 days plus the art. 6 compensatory days as
/// holidays, no make-up working days, marked provisional with the law as its source.
year_calendar provisional_year(const festival_dates& f);

}  // namespace hotline::workflow
