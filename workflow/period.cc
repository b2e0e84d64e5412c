#include "workflow/period.h"

#include <charconv>
#include <cmath>

namespace hotline::workflow {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::optional<double> read_number(std::string_view s) {
  // std::from_chars for double is not in GCC 12's libstdc++ for all modes; parse by hand.
  double whole = 0, frac = 0, scale = 1;
  bool dot = false, digits = false;
  for (char c : s) {
    if (c == '.' && !dot) {
      dot = true;
    } else if (c >= '0' && c <= '9') {
      digits = true;
      if (dot) {
        scale /= 10;
        frac += (c - '0') * scale;
      } else {
        whole = whole * 10 + (c - '0');
      }
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  return whole + frac;
}

std::optional<std::int32_t> read_whole(std::string_view s) {
  auto n = read_number(s);
  if (!n || *n != std::floor(*n) || *n > 1e6) return std::nullopt;
  return static_cast<std::int32_t>(*n);
}

}  // namespace

std::optional<period> parse_period(std::string_view text, std::int32_t business_day_minutes) {
  if (ends_with(text, "wd")) {
    auto n = read_number(text.substr(0, text.size() - 2));
    if (!n || *n <= 0 || *n > 1000) return std::nullopt;
    if (*n == std::floor(*n)) return working_days(static_cast<std::int32_t>(*n));
    return business_minutes(static_cast<std::int32_t>(std::lround(*n * business_day_minutes)));
  }
  if (ends_with(text, "bmin")) {
    auto n = read_whole(text.substr(0, text.size() - 4));
    if (!n || *n <= 0) return std::nullopt;
    return business_minutes(*n);
  }
  if (ends_with(text, "min")) {
    auto n = read_whole(text.substr(0, text.size() - 3));
    if (!n || *n <= 0) return std::nullopt;
    return clock_minutes(*n);
  }
  if (ends_with(text, "h")) {
    auto n = read_whole(text.substr(0, text.size() - 1));
    if (!n || *n <= 0) return std::nullopt;
    return clock_minutes(*n * 60);
  }
  return std::nullopt;
}

std::string format_period(period p) {
  switch (p.kind) {
    case period::unit::working_days:
      return std::to_string(p.amount) + "wd";
    case period::unit::business_minutes:
      return std::to_string(p.amount) + "bmin";
    case period::unit::clock_minutes:
      return std::to_string(p.amount) + "min";
  }
  return {};
}

}  // namespace hotline::workflow
