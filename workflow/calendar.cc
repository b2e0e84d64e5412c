#include "workflow/calendar.h"

#include <algorithm>

namespace hotline::workflow {
namespace {

bool is_weekend(date d) {
  return iso_weekday(d) >= 6;
}

refusal missing_year(int year) {
  refusal r;
  r.code = refusal_code::calendar_unavailable;
  r.message = "There is no working-day calendar for " + std::to_string(year) + ".";
  return r;
}

// Working days are looked for at most this far ahead; a loaded year always has some.
constexpr int max_scan_days = 800;

}  // namespace

std::int64_t business_hours::seconds_per_day() const {
  std::int64_t total = 0;
  for (auto [from, to] : intervals) total += to - from;
  return total;
}

std::string check_year(const year_calendar& y) {
  auto outside = [&](date d) { return d.year != y.year || !is_valid(d); };
  for (date d : y.holidays) {
    if (outside(d)) return "holiday " + format_date(d) + " is not in " + std::to_string(y.year);
    for (date w : y.working_weekends)
      if (w == d) return format_date(d) + " is both a holiday and a working day";
  }
  for (date d : y.working_weekends) {
    if (outside(d)) return "working day " + format_date(d) + " is not in " + std::to_string(y.year);
    if (!is_weekend(d)) return "make-up working day " + format_date(d) + " is not a weekend day";
  }
  return {};
}

std::string check_layer(const local_layer& l) {
  if (l.source.empty()) return "a local layer needs its source (the regulation and article)";
  for (date d : l.holidays)
    if (d.year != l.year || !is_valid(d))
      return "holiday " + format_date(d) + " is not in " + std::to_string(l.year);
  return {};
}

std::string check_hours(const business_hours& h) {
  if (h.intervals.empty()) return "business hours are empty";
  std::int64_t last = 0;
  for (auto [from, to] : h.intervals) {
    if (from < last || to <= from || to > seconds_per_day)
      return "business hours must be sorted, disjoint intervals within a day";
    last = to;
  }
  return {};
}

working_calendar::working_calendar(business_hours hours, const std::vector<year_calendar>& years,
                                   const std::vector<local_layer>& local)
    : hours_(std::move(hours)) {
  for (const auto& y : years) {
    std::bitset<366> bits;
    for (date d = {y.year, 1, 1}; d.year == y.year; d = add_days(d, 1))
      bits[day_of_year(d)] = !is_weekend(d);
    for (date d : y.holidays) bits[day_of_year(d)] = false;
    for (date d : y.working_weekends) bits[day_of_year(d)] = true;
    years_[y.year] = bits;
    if (y.provisional) provisional_.insert(y.year);
    entries_.push_back({y.year, false, y.provisional, y.source});
  }
  for (const auto& l : local) {
    auto it = years_.find(l.year);
    if (it == years_.end()) continue;
    for (date d : l.holidays) it->second[day_of_year(d)] = false;
    entries_.push_back({l.year, true, false, l.source});
  }
  std::stable_sort(
      entries_.begin(), entries_.end(),
      [](const calendar_entry& a, const calendar_entry& b) { return a.year < b.year; });
}

result<bool> working_calendar::is_working_day(date d) const {
  auto it = years_.find(d.year);
  if (it == years_.end()) return missing_year(d.year);
  return bool(it->second[day_of_year(d)]);
}

std::optional<date> working_calendar::covered_through(date d) const {
  if (!covers(d.year)) return std::nullopt;
  int year = d.year;
  while (covers(year + 1)) ++year;
  return date{year, 12, 31};
}

calendar_horizon horizon_of(const working_calendar& c, date today, std::int64_t warn_days) {
  calendar_horizon h;
  h.covered_through = c.covered_through(today);
  if (!h.covered_through) {
    h.warning = "no calendar for " + std::to_string(today.year) +
                ": every deadline is refused (calendar_unavailable) until scenarios/calendars/" +
                std::to_string(today.year) + ".json is added";
    return h;
  }
  h.days_left = days_from_civil(*h.covered_through) - days_from_civil(today);
  if (!c.is_provisional(today.year)) {
    int year = today.year;
    while (c.covers(year + 1) && !c.is_provisional(year + 1)) ++year;
    h.official_through = date{year, 12, 31};
    h.official_days_left = days_from_civil(*h.official_through) - days_from_civil(today);
  }
  if (h.official_days_left <= warn_days && h.days_left > warn_days) {
    int next = h.official_through ? h.official_through->year + 1 : today.year;
    h.warning =
        std::to_string(next) + " has no official holiday arrangement" +
        (h.official_through ? " (" + std::to_string(h.official_days_left) + " days from now)"
                            : std::string()) +
        ": deadlines reaching into it count the holiday law's statutory holidays "
        "(provisional, no make-up working days) until scenarios/calendars/" +
        std::to_string(next) + ".json is added";
  }
  if (h.days_left <= warn_days) {
    int next = h.covered_through->year + 1;
    h.warning = "the calendar ends on " + format_date(*h.covered_through) + ", " +
                std::to_string(h.days_left) + " days from now: deadlines reaching into " +
                std::to_string(next) +
                " are refused (calendar_unavailable) until scenarios/calendars/" +
                std::to_string(next) + ".json is added";
  }
  return h;
}

result<bool> working_calendar::is_business_time(instant t) const {
  auto working = is_working_day(local_date(t));
  if (!working) return working;
  if (!*working) return false;
  std::int64_t s = local_second_of_day(t);
  for (auto [from, to] : hours_.intervals)
    if (s >= from && s < to) return true;
  return false;
}

result<instant> working_calendar::due(instant from, period p) const {
  switch (p.kind) {
    case period::unit::working_days:
      return add_working_days(from, p.amount);
    case period::unit::business_minutes:
      return add_business_seconds(from, std::int64_t{p.amount} * 60);
    case period::unit::clock_minutes:
      return instant{from.seconds + std::int64_t{p.amount} * 60};
  }
  return from;
}

result<instant> working_calendar::due(const term_fact& f) const {
  auto end = due(f.from, f.term);
  if (!end || f.extension_days == 0) return end;
  return add_working_days(*end, f.extension_days);
}

std::string working_calendar::source_of(int year) const {
  std::string out;
  for (const auto& e : entries_)
    if (e.year == year) out += (out.empty() ? "" : "; ") + e.source;
  return out;
}

result<instant> working_calendar::add_working_days(instant from, int n) const {
  date d = local_date(from);  // the starting day itself is not counted (Civil Code art. 201)
  for (int counted = 0, scanned = 0; counted < n; ++scanned) {
    if (scanned > max_scan_days) return missing_year(d.year);
    d = add_days(d, 1);
    auto working = is_working_day(d);
    if (!working) return working.error();
    if (*working) ++counted;
  }
  return local_instant(d, hours_.close());
}

result<instant> working_calendar::add_business_seconds(instant from, std::int64_t remaining) const {
  date d = local_date(from);
  std::int64_t second = local_second_of_day(from);
  for (int scanned = 0; scanned <= max_scan_days; ++scanned) {
    auto working = is_working_day(d);
    if (!working) return working.error();
    if (*working) {
      for (auto [open, close] : hours_.intervals) {
        if (second >= close) continue;
        std::int64_t start = second > open ? second : open;
        if (remaining <= close - start) return local_instant(d, start + remaining);
        remaining -= close - start;
        second = close;
      }
    }
    d = add_days(d, 1);
    second = 0;
  }
  return missing_year(d.year);
}

}  // namespace hotline::workflow
