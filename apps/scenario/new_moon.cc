#include "apps/scenario/new_moon.h"

#include <cmath>

#include "apps/scenario/solar_term.h"

namespace hotline::scenario {
namespace {

constexpr double pi = 3.14159265358979323846;
constexpr double unix_epoch_jd = 2440587.5;

double sin_deg(double degrees) {
  return std::sin(degrees * pi / 180.0);
}

// Meeus eq. 49.1 and the new-moon terms of ch. 49: the JDE (TT) of lunation k (0: 2000-01-06).
double new_moon_jde(double k) {
  const double t = k / 1236.85, t2 = t * t, t3 = t2 * t, t4 = t3 * t;
  double jde =
      2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
  const double e = 1 - 0.002516 * t - 0.0000074 * t2;
  const double m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const double mp =
      201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  const double f =
      160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  const double om = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;
  jde += -0.40720 * sin_deg(mp) + 0.17241 * e * sin_deg(m) + 0.01608 * sin_deg(2 * mp) +
         0.01039 * sin_deg(2 * f) + 0.00739 * e * sin_deg(mp - m) - 0.00514 * e * sin_deg(mp + m) +
         0.00208 * e * e * sin_deg(2 * m) - 0.00111 * sin_deg(mp - 2 * f) -
         0.00057 * sin_deg(mp + 2 * f) + 0.00056 * e * sin_deg(2 * mp + m) -
         0.00042 * sin_deg(3 * mp) + 0.00042 * e * sin_deg(m + 2 * f) +
         0.00038 * e * sin_deg(m - 2 * f) - 0.00024 * e * sin_deg(2 * mp - m) -
         0.00017 * sin_deg(om) - 0.00007 * sin_deg(mp + 2 * m) + 0.00004 * sin_deg(2 * mp - 2 * f) +
         0.00004 * sin_deg(3 * m) + 0.00003 * sin_deg(mp + m - 2 * f) +
         0.00003 * sin_deg(2 * mp + 2 * f) - 0.00003 * sin_deg(mp + m + 2 * f) +
         0.00003 * sin_deg(mp - m + 2 * f) - 0.00002 * sin_deg(mp - m - 2 * f) -
         0.00002 * sin_deg(3 * mp + m) + 0.00002 * sin_deg(4 * mp);
  // The additional corrections for all phases (planetary arguments A1-A14).
  const double a[14][3] = {
      {299.77, 0.107408, 0.000325},  {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
      {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
      {207.14, 2.453732, 0.000060},  {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
      {207.19, 0.121824, 0.000042},  {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
      {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};
  for (int i = 0; i < 14; ++i) {
    double arg = a[i][0] + a[i][1] * k;
    if (i == 0) arg -= 0.009173 * t2;
    jde += a[i][2] * sin_deg(arg);
  }
  return jde;
}

}  // namespace

std::optional<workflow::instant> new_moon_near(workflow::instant near) {
  auto dt = delta_t_seconds(workflow::local_date(near).year);
  if (!dt) return std::nullopt;
  const double jd = unix_epoch_jd + near.seconds / 86400.0;
  const double k = std::round((jd - 2451550.09766) / 29.530588861);
  const double jd_ut = new_moon_jde(k) - *dt / 86400.0;
  return workflow::instant{
      static_cast<std::int64_t>(std::llround((jd_ut - unix_epoch_jd) * 86400.0))};
}

}  // namespace hotline::scenario
