#pragma once
// Provisional calendar years: the holiday law's statutory holidays (workflow/holiday_law.h) on the
// lunar dates ICU gives and the Qingming day Meeus's algorithm gives.

#include <optional>
#include <vector>

#include "workflow/holiday_law.h"

namespace hotline::scenario {

/// The festival dates of `year`, or nothing where ICU or the solar algorithm cannot say.
std::optional<workflow::festival_dates> festivals_of(int year);

/// Assumed: provisional years are built up to this one (the ΔT of solar_term.h holds to 2150).
constexpr int last_provisional_year = 2100;

/// A provisional year for every year from `first` through last_provisional_year that `official`
/// does not hold.
std::vector<workflow::year_calendar> provisional_years(
    int first, const std::vector<workflow::year_calendar>& official);

}  // namespace hotline::scenario
