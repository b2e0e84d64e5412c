#pragma once
// When the sun reaches an apparent ecliptic longitude, for the solar terms (节气) the holiday law
// names: Qingming is the day, in Beijing time, on which the longitude reaches 15°.
//
// Jean Meeus, Astronomical Algorithms, 2nd ed. (1998), ch. 25 "Solar Coordinates", the
// low-accuracy method (about 0.01°, some 15 minutes of time), solved for the longitude with the
// correction step of ch. 27; ΔT = TT - UT from the polynomial expressions of Espenak and Meeus
// (NASA, "Polynomial Expressions for Delta T", 2006).

#include <optional>

#include "workflow/time.h"

namespace hotline::scenario {

/// The instant (UT) at which the sun's apparent longitude reaches `degrees` within `year`, or
/// nothing outside 1986-2150 (where the ΔT polynomials used hold).
std::optional<workflow::instant> solar_longitude_instant(int year, double degrees);

/// ΔT = TT - UT in seconds for the middle of `year`, or nothing outside 1986-2150.
std::optional<double> delta_t_seconds(int year);

/// The Beijing-time day of Qingming (15°) in `year`, or nothing outside 1986-2150.
std::optional<workflow::date> qingming(int year);

}  // namespace hotline::scenario
