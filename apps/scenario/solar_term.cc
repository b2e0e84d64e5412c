#include "apps/scenario/solar_term.h"

#include <cmath>

namespace hotline::scenario {
namespace {
using workflow::date;
using workflow::instant;

constexpr double pi = 3.14159265358979323846;
constexpr double unix_epoch_jd = 2440587.5;  // 1970-01-01T00:00Z as a Julian day

double radians(double degrees) {
  return degrees * pi / 180.0;
}

// Meeus ch. 25, eq. 25.2-25.5 and the apparent-longitude correction: degrees, not reduced.
double apparent_longitude(double jde) {
  const double t = (jde - 2451545.0) / 36525.0;
  const double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const double m = radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
  const double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * std::sin(m) +
                   (0.019993 - 0.000101 * t) * std::sin(2 * m) + 0.000289 * std::sin(3 * m);
  const double omega = radians(125.04 - 1934.136 * t);
  return l0 + c - 0.00569 - 0.00478 * std::sin(omega);
}

}  // namespace

// Espenak and Meeus's polynomials, for the three pieces covering 1986-2150.
std::optional<double> delta_t_seconds(int year) {
  const double y = year + 0.5;
  if (y < 1986 || y > 2150) return std::nullopt;
  if (y < 2005) {
    const double t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t +
           0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
  }
  if (y < 2050) {
    const double t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  const double u = (y - 1820) / 100;
  return -20 + 32 * u * u - 0.5628 * (2150 - y);
}

std::optional<instant> solar_longitude_instant(int year, double degrees) {
  auto dt = delta_t_seconds(year);
  if (!dt) return std::nullopt;
  // Start from the mean sun: 0° near 20 March, about 365.2422/360 days a degree.
  double jde = unix_epoch_jd + workflow::days_from_civil({year, 3, 20}) + degrees * 365.2422 / 360;
  for (int i = 0; i < 50; ++i) {  // Meeus ch. 27: JDE += 58 sin(target - λ)
    const double step = 58.0 * std::sin(radians(degrees - apparent_longitude(jde)));
    jde += step;
    if (std::fabs(step) < 1e-7) break;
  }
  const double jd_ut = jde - *dt / 86400.0;
  return instant{static_cast<std::int64_t>(std::llround((jd_ut - unix_epoch_jd) * 86400.0))};
}

std::optional<date> qingming(int year) {
  auto t = solar_longitude_instant(year, 15.0);
  if (!t) return std::nullopt;
  return workflow::local_date(*t);
}

}  // namespace hotline::scenario
