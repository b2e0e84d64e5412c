#include "workflow/time.h"

#include <cstdio>

namespace hotline::workflow {
namespace {

// Howard Hinnant's civil-date algorithms (public domain), valid for the whole int range we use.
constexpr bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

constexpr int days_in_month(int y, int m) {
  constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Reads exactly `n` digits at `pos`, advancing it.
bool read_digits(std::string_view s, std::size_t& pos, int n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (int i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  pos += n;
  return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

std::optional<date> read_date(std::string_view s, std::size_t& pos) {
  date d;
  if (!read_digits(s, pos, 4, d.year) || !expect(s, pos, '-') || !read_digits(s, pos, 2, d.month) ||
      !expect(s, pos, '-') || !read_digits(s, pos, 2, d.day))
    return std::nullopt;
  if (!is_valid(d)) return std::nullopt;
  return d;
}

}  // namespace

bool operator<(date a, date b) {
  return days_from_civil(a) < days_from_civil(b);
}

std::int64_t days_from_civil(date d) {
  std::int64_t y = d.year - (d.month <= 2);
  std::int64_t era = floor_div(y, 400);
  std::int64_t yoe = y - era * 400;
  std::int64_t mp = (d.month + 9) % 12;
  std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

date civil_from_days(std::int64_t z) {
  z += 719468;
  std::int64_t era = floor_div(z, 146097);
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int year = static_cast<int>(yoe + era * 400 + (month <= 2));
  return {year, month, day};
}

date add_days(date d, std::int64_t n) {
  return civil_from_days(days_from_civil(d) + n);
}

int iso_weekday(date d) {
  std::int64_t z = days_from_civil(d);  // 1970-01-01 was a Thursday (4)
  return static_cast<int>((z % 7 + 7 + 3) % 7) + 1;
}

int day_of_year(date d) {
  return static_cast<int>(days_from_civil(d) - days_from_civil({d.year, 1, 1}));
}

bool is_valid(date d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

date add_years(date d, int n) {
  date r{d.year + n, d.month, d.day};
  if (!is_valid(r)) r.day = days_in_month(r.year, r.month);
  return r;
}

date local_date(instant t) {
  return civil_from_days(floor_div(t.seconds + shanghai_offset, seconds_per_day));
}

std::int64_t local_second_of_day(instant t) {
  std::int64_t local = t.seconds + shanghai_offset;
  return local - floor_div(local, seconds_per_day) * seconds_per_day;
}

instant local_instant(date d, std::int64_t second_of_day) {
  return {days_from_civil(d) * seconds_per_day + second_of_day - shanghai_offset};
}

namespace {
// `v` (0 <= v < 10^width) as `width` digits at `at`.
void put_digits(char* at, int v, int width) {
  for (int i = width - 1; i >= 0; --i, v /= 10) at[i] = static_cast<char>('0' + v % 10);
}
}  // namespace

// By hand rather than snprintf: every instant of every answer goes through here.
std::string format_instant(instant t) {
  date d = local_date(t);
  std::int64_t s = local_second_of_day(t);
  if (d.year >= 0 && d.year <= 9999) {
    std::string out = "0000-00-00T00:00:00+08:00";
    put_digits(&out[0], d.year, 4);
    put_digits(&out[5], d.month, 2);
    put_digits(&out[8], d.day, 2);
    put_digits(&out[11], static_cast<int>(s / 3600), 2);
    put_digits(&out[14], static_cast<int>(s / 60 % 60), 2);
    put_digits(&out[17], static_cast<int>(s % 60), 2);
    return out;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", d.year, d.month, d.day,
                static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60),
                static_cast<int>(s % 60));
  return buf;
}

std::optional<instant> parse_instant(std::string_view s) {
  std::size_t pos = 0;
  auto d = read_date(s, pos);
  int hh = 0, mm = 0, ss = 0;
  if (!d || pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) return {};
  ++pos;
  if (!read_digits(s, pos, 2, hh) || !expect(s, pos, ':') || !read_digits(s, pos, 2, mm) ||
      !expect(s, pos, ':') || !read_digits(s, pos, 2, ss))
    return {};
  if (hh > 23 || mm > 59 || ss > 60) return {};
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    std::size_t digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos, ++digits;
    if (digits == 0) return {};
  }
  std::int64_t offset = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int sign = s[pos] == '-' ? -1 : 1;
    ++pos;
    int oh = 0, om = 0;
    if (!read_digits(s, pos, 2, oh) || !expect(s, pos, ':') || !read_digits(s, pos, 2, om) ||
        oh > 23 || om > 59)
      return {};
    offset = sign * (oh * 3600 + om * 60);
  } else {
    return {};
  }
  if (pos != s.size()) return {};
  std::int64_t secs = days_from_civil(*d) * seconds_per_day + hh * 3600 + mm * 60 + ss;
  return instant{secs - offset};
}

std::string format_date(date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::optional<date> parse_date(std::string_view s) {
  std::size_t pos = 0;
  auto d = read_date(s, pos);
  if (!d || pos != s.size()) return std::nullopt;
  return d;
}

}  // namespace hotline::workflow
