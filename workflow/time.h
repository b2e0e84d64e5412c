#pragma once
// Instants, civil dates and the Asia/Shanghai wall clock. China has kept UTC+8 without daylight
// saving since 1991, so local time is a fixed offset and needs no time-zone database.
// Nothing here reads a clock: the caller always says what time it is.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hotline::workflow {

/// A point in time, in whole seconds since 1970-01-01T00:00:00Z.
struct instant {
  std::int64_t seconds = 0;
};
inline bool operator==(instant a, instant b) {
  return a.seconds == b.seconds;
}
inline bool operator!=(instant a, instant b) {
  return a.seconds != b.seconds;
}
inline bool operator<(instant a, instant b) {
  return a.seconds < b.seconds;
}
inline bool operator<=(instant a, instant b) {
  return a.seconds <= b.seconds;
}
inline bool operator>(instant a, instant b) {
  return a.seconds > b.seconds;
}
inline bool operator>=(instant a, instant b) {
  return a.seconds >= b.seconds;
}

/// A day of the proleptic Gregorian calendar.
struct date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};
inline bool operator==(date a, date b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}
inline bool operator!=(date a, date b) {
  return !(a == b);
}
bool operator<(date a, date b);

constexpr std::int64_t seconds_per_day = 86400;
constexpr std::int64_t shanghai_offset = 8 * 3600;

/// Days since 1970-01-01 (negative before).
std::int64_t days_from_civil(date d);
date civil_from_days(std::int64_t days);
date add_days(date d, std::int64_t n);
/// 1 = Monday ... 7 = Sunday (ISO 8601).
int iso_weekday(date d);
/// 0-based day of the year.
int day_of_year(date d);
bool is_valid(date d);
/// The same day `n` years later; 29 February becomes 28 February in a common year.
date add_years(date d, int n);

/// The Asia/Shanghai calendar day of `t`.
date local_date(instant t);
/// Seconds since local midnight, 0..86399.
std::int64_t local_second_of_day(instant t);
/// The instant at `second_of_day` seconds after local midnight of `d`.
instant local_instant(date d, std::int64_t second_of_day);

/// "2026-02-13T17:45:00+08:00".
std::string format_instant(instant t);
/// Accepts RFC 3339 with any offset or Z, and optional fractional seconds (dropped).
std::optional<instant> parse_instant(std::string_view text);
/// "2026-02-13".
std::string format_date(date d);
std::optional<date> parse_date(std::string_view text);

}  // namespace hotline::workflow
