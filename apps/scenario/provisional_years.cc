#include "apps/scenario/provisional_years.h"

#include <set>

#include "apps/scenario/lunar_calendar.h"
#include "apps/scenario/solar_term.h"

namespace hotline::scenario {
using namespace workflow;

std::optional<festival_dates> festivals_of(int year) {
  auto lunar = lunar_festivals_of(year);
  auto qing = qingming(year);
  if (!lunar || !qing) return std::nullopt;
  return festival_dates{year, lunar->new_year, *qing, lunar->dragon_boat, lunar->mid_autumn};
}

std::vector<year_calendar> provisional_years(int first,
                                             const std::vector<year_calendar>& official) {
  std::set<int> known;
  for (const auto& y : official) known.insert(y.year);
  std::vector<year_calendar> out;
  for (int year = first; year <= last_provisional_year; ++year) {
    if (known.count(year)) continue;
    auto f = festivals_of(year);
    if (!f) break;  // past what can be computed: such years stay missing (calendar_unavailable)
    out.push_back(provisional_year(*f));
  }
  return out;
}

}  // namespace hotline::scenario
