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

}  // namespace hotline::scenario
