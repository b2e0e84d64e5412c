#pragma once
// The instant of a new moon, for the first day of a Chinese lunar month (the Beijing day that
// holds the new moon).
//
// Jean Meeus, Astronomical Algorithms, 2nd ed. (1998), ch. 49 "Phases of the Moon": the mean
// phase (49.1) with the periodic terms for the new moon and the additional corrections A1-A14
// (errors of seconds, against the minutes of ICU 72's Chinese calendar, which puts the new moons
// of 2027-02-06 23:56 and 2030-02-03 00:07 Beijing time on the wrong day).

#include <optional>

#include "workflow/time.h"

namespace hotline::scenario {

/// The new moon (UT) nearest to `near`, or nothing outside 1986-2150 (where ΔT is known).
std::optional<workflow::instant> new_moon_near(workflow::instant near);

}  // namespace hotline::scenario
