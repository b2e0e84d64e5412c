// GET /admin/calendars, PUT /admin/calendars/{year}, POST /admin/calendars/reload: the working
// calendar's years, and official years loaded while running (docs/calendars.md).
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
  return json_response(200, {{"checked", done->checked},
                             {"changed", done->changed},
                             {"items", calendar_items(now)}});
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

}  // namespace hotline::http
