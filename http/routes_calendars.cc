// GET /admin/calendars, PUT /admin/calendars/{year}, POST /admin/calendars/reload: the working
// calendar's years, and official years loaded while running (docs/calendars.md). GET
// /api/v1/calendar: which days are working days, for counting time left in working time.
#include "http/api.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

namespace {

json::array calendar_items(const working_calendar& cal) {
  json::array items;
  for (const auto& e : cal.entries())
    items.push_back({{"year", e.year},
                     {"scope", e.local ? "local" : "national"},
                     {"provisional", e.provisional},
                     {"source", e.source}});
  return items;
}

// How many open tickets were recomputed and moved, and the years now in force.
response load_response(const result<actors::calendar_load>& done, const working_calendar& now) {
  if (!done) return refusal_response(done.error());
  if (!done->error.empty())
    return error_response(503, "unavailable", done->error,
                          {{"checked", done->checked}, {"changed", done->changed}});
  return json_response(
      200,
      {{"checked", done->checked}, {"changed", done->changed}, {"items", calendar_items(now)}});
}

}  // namespace

// The calendar's years, national and local, each official or provisional (rules.md §9).
response api::admin_calendars() {
  auto where = rt_.where();
  return json_response(200, {{"items", calendar_items(where->calendar)}});
}

response api::admin_put_calendar(const call& c, const std::string& year_text) {
  int year = 0;
  bool digits = year_text.size() == 4;
  for (char ch : year_text) digits = digits && ch >= '0' && ch <= '9';
  if (digits) year = std::stoi(year_text);
  if (!digits || year < 1949)
    return error_response(404, "not_found", "There is no calendar year '" + year_text + "'.");
  // The same media type and JSON checks as every body; the calendar reader names the field.
  auto body = json_body(c.req);
  if (auto* r = std::get_if<response>(&body)) return *r;
  auto done = rt_.load_calendar_year(year, c.req.body);
  return load_response(done, rt_.where()->calendar);
}

response api::admin_reload_calendars() {
  auto done = rt_.reload_calendars();
  return load_response(done, rt_.where()->calendar);
}

namespace {

// "08:30" for a second of the day.
std::string clock_text(std::int64_t second_of_day) {
  auto two = [](std::int64_t n) {
    return std::string{char('0' + n / 10 % 10), char('0' + n % 10)};
  };
  return two(second_of_day / 3600) + ":" + two(second_of_day % 3600 / 60);
}

}  // namespace

// The working days in [from, to] and the business hours: what a client needs to count the
// working time between two instants as the deadlines are counted (rules.md §2).
response api::calendar(const call& c) {
  constexpr std::int64_t max_days = 400;
  date from = local_date(rt_.now()), to = add_days(from, 60);
  for (auto [name, target] : {std::pair{"from", &from}, {"to", &to}}) {
    auto it = c.req.query.find(name);
    if (it == c.req.query.end()) continue;
    auto d = parse_date(it->second);
    if (!d) return refusal_response(invalid_field(name, "must be a date, YYYY-MM-DD"));
    *target = *d;
  }
  const std::int64_t span = days_from_civil(to) - days_from_civil(from);
  if (span < 0) return refusal_response(invalid_field("to", "must not be before from"));
  if (span >= max_days)
    return refusal_response(invalid_field("to", "must be within 400 days of from"));
  auto where = rt_.where();
  const auto& cal = where->calendar;
  json::array hours, days;
  for (const auto& [start, end] : cal.hours().intervals)
    hours.push_back({{"start", clock_text(start)}, {"end", clock_text(end)}});
  for (date d = from; days_from_civil(d) <= days_from_civil(to); d = add_days(d, 1)) {
    auto working = cal.is_working_day(d);
    if (!working) return refusal_response(working.error());
    days.push_back({{"date", format_date(d)},
                    {"working", working.value()},
                    {"provisional", cal.is_provisional(d.year)}});
  }
  return json_response(200, {{"from", format_date(from)},
                             {"to", format_date(to)},
                             {"business_hours", std::move(hours)},
                             {"days", std::move(days)}});
}

}  // namespace hotline::http
