#pragma once
// Chinese lunisolar dates as Gregorian days: ICU's Chinese calendar numbers the lunar months
// (leap months included), and each month begins on the Beijing day of its new moon, computed
// with Meeus (new_moon.h) since ICU's own new moons can be minutes off across midnight.

#include <optional>

#include "workflow/time.h"

namespace hotline::scenario {

/// The days of Gregorian `year` (Beijing time) that are lunar 1/1, 5/5 and 8/15 (not in a leap
/// month), or nothing if ICU cannot say.
struct lunar_festivals {
  workflow::date new_year;
  workflow::date dragon_boat;
  workflow::date mid_autumn;
};
std::optional<lunar_festivals> lunar_festivals_of(int year);

/// The day lunar `month`/1 (not a leap month) of the lunar year starting in Gregorian `year`
/// begins: ICU's own answer (`icu`), and the Beijing day of Meeus's new moon nearest to it
/// (`first_day`, what lunar_festivals_of uses) with that new moon's instant.
struct lunar_month_start {
  workflow::date icu;
  workflow::date first_day;
  workflow::instant new_moon;
};
std::optional<lunar_month_start> month_start(int year, int month);

}  // namespace hotline::scenario
