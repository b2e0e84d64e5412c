#pragma once
// A term a regulation gives: "within 5 working days", "within half a working day", "at once".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hotline::workflow {

struct period {
  enum class unit : std::uint8_t {
    working_days,      // Civil Code counting: ends at close of business on the N-th working day
    business_minutes,  // business-hours arithmetic, for fractions of a working day
    clock_minutes      // the 24x7 clock, for items not delayed by holidays
  };
  unit kind = unit::working_days;
  std::int32_t amount = 0;
};
inline bool operator==(period a, period b) {
  return a.kind == b.kind && a.amount == b.amount;
}

inline period working_days(std::int32_t n) {
  return {period::unit::working_days, n};
}
inline period business_minutes(std::int32_t n) {
  return {period::unit::business_minutes, n};
}
inline period clock_minutes(std::int32_t n) {
  return {period::unit::clock_minutes, n};
}

/// Reads "5wd", "0.5wd", "1h", "24h", "90min". A fractional working-day count becomes business
/// minutes, so it needs the length of a business day (`business_day_minutes`).
std::optional<period> parse_period(std::string_view text, std::int32_t business_day_minutes);
/// "5wd", "195bmin", "60min".
std::string format_period(period p);

}  // namespace hotline::workflow
