#pragma once
// A term a regulation gives: "within 5 working days", "within half a working day", "at once".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "workflow/enums.h"
#include "workflow/time.h"

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
template <>
struct enum_names<period::unit> {
  static constexpr std::array names{"working_days"sv, "business_minutes"sv, "clock_minutes"sv};
};
template <class F>
void describe(F& f, period& x) {
  f("unit", x.kind);
  f("amount", x.amount);
}

/// What set a deadline: its term started at `from` and runs `term`; extensions granted since add
/// `extension_days` working days at its end. A calendar loaded later recomputes the deadline from
/// these (workflow/recompute.h). Since add_working_days(add_working_days(t, a), b) equals
/// add_working_days(t, a + b) (each lands at close of business), the total of extensions suffices.
struct term_fact {
  instant from;
  period term;
  int extension_days = 0;
};
inline bool operator==(const term_fact& a, const term_fact& b) {
  return a.from == b.from && a.term == b.term && a.extension_days == b.extension_days;
}
template <class F>
void describe(F& f, term_fact& x) {
  f("from", x.from);
  f("term", x.term);
  f("extension_days", x.extension_days);
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
