#include "workflow/holiday_law.h"

#include <algorithm>
#include <set>

namespace hotline::workflow {
namespace {

bool is_weekend(date d) {
  return iso_weekday(d) >= 6;
}

const char* law_source =
    "provisional: statutory holidays of 全国年节及纪念日放假办法 (国务院令第795号, 2025) art. 2, "
    "weekend holidays compensated on the next working day (art. 6); no make-up working days";

}  // namespace

std::vector<statutory_run> statutory_runs(const festival_dates& f) {
  std::vector<statutory_run> runs = {
      {{f.year, 1, 1}, 1},                  // New Year's Day
      {add_days(f.lunar_new_year, -1), 4},  // Spring Festival, from lunar New Year's Eve
      {f.qingming, 1},                      // Qingming
      {{f.year, 5, 1}, 2},                  // Labour Day
      {f.dragon_boat, 1},                   // Dragon Boat
      {f.mid_autumn, 1},                    // Mid-Autumn
      {{f.year, 10, 1}, 3},                 // National Day
  };
  std::stable_sort(runs.begin(), runs.end(), [](const statutory_run& a, const statutory_run& b) {
    return a.first < b.first;
  });
  return runs;
}

year_calendar provisional_year(const festival_dates& f) {
  const auto runs = statutory_runs(f);
  std::set<std::int64_t> statutory;  // days since the epoch; a day two festivals share counts once
  for (const auto& run : runs)
    for (int i = 0; i < run.days; ++i) statutory.insert(days_from_civil(add_days(run.first, i)));

  // Art. 6, as we read it: each weekend day of a run moves to the next free weekday after it.
  // A weekend day two festivals share (Mid-Autumn on Sun Oct 2, 2039) is compensated once.
  std::set<std::int64_t> compensation, compensated;
  for (const auto& run : runs) {
    const date last = add_days(run.first, run.days - 1);
    date next = last;
    for (int i = 0; i < run.days; ++i) {
      const date day = add_days(run.first, i);
      if (!is_weekend(day) || !compensated.insert(days_from_civil(day)).second) continue;
      do {
        next = add_days(next, 1);
      } while (is_weekend(next) || statutory.count(days_from_civil(next)) ||
               compensation.count(days_from_civil(next)));
      compensation.insert(days_from_civil(next));
    }
  }

  year_calendar y;
  y.year = f.year;
  y.provisional = true;
  y.source = law_source;
  for (auto day : statutory) y.holidays.push_back(civil_from_days(day));
  for (auto day : compensation) y.holidays.push_back(civil_from_days(day));
  std::sort(y.holidays.begin(), y.holidays.end());
  return y;
}

}  // namespace hotline::workflow
