// /admin/health, /admin/actors, /admin/actors/ticket/{id}, /admin/clock, /admin/calendars,
// /metrics.
#include "http/api.h"
#include "http/json_codec.h"
#include "http/ticket_json.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

response api::health() {
  auto s = rt_.stats();
  std::size_t fixed = rt_.where()->departments.all().size() + 3;  // center, escalation, timer
  auto horizon = horizon_of(rt_.where()->calendar, local_date(rt_.now()));
  json::array warnings;
  if (!horizon.warning.empty()) warnings.push_back(json::string(horizon.warning));
  // A failed store refuses every change: load balancers and monitors must see it.
  const bool failing = !s.store.failure.empty();
  if (failing) warnings.push_back(json::string(s.store.failure));
  if (s.store.read_errors > 0)  // unreadable data: reads of it are refused, not skipped
    warnings.push_back(json::string(std::to_string(s.store.read_errors) +
                                    " reads failed; the last: " + s.store.last_read_error));
  // Search alone is held back: tickets go on, searches wait or answer 503.
  if (auto search = rt_.search(); !search.failure.empty())
    warnings.push_back(json::string("full-text search: " + search.failure));
  json::value through = nullptr, official = nullptr;
  if (horizon.covered_through) through = json::string(format_date(*horizon.covered_through));
  if (horizon.official_through) official = json::string(format_date(*horizon.official_through));
  return json_response(failing ? 503 : 200, {{"status", failing ? "failing" : "ok"},
                                             {"tickets_open", s.open_tickets},
                                             {"actors", s.live_tickets + fixed},
                                             {"clock", rt_.virtual_time() ? "virtual" : "real"},
                                             {"durable", s.store.durable},
                                             {"calendar_covered_through", through},
                                             {"calendar_official_through", official},
                                             {"warnings", warnings}});
}

response api::admin_actors(const call& c) {
  std::string kind;
  std::size_t limit = 100;
  if (auto it = c.req.query.find("kind"); it != c.req.query.end()) kind = it->second;
  if (auto it = c.req.query.find("limit"); it != c.req.query.end()) {
    char* end = nullptr;
    long n = std::strtol(it->second.c_str(), &end, 10);
    if (*end || n < 1 || n > 10000)
      return refusal_response(invalid_field("limit", "must be 1..10000"));
    limit = static_cast<std::size_t>(n);
  }
  if (!kind.empty() && kind != "ticket" && kind != "department" && kind != "center" &&
      kind != "escalation" && kind != "timer")
    return refusal_response(
        invalid_field("kind", "must be ticket, department, center, escalation or timer"));
  json::array items;
  for (const auto& a : rt_.actors(kind, limit))
    items.push_back(
        {{"kind", a.kind},
         {"id", a.id},
         {"mailbox", a.mailbox},
         {"supervisor", a.supervisor.empty() ? json::value(nullptr) : json::value(a.supervisor)}});
  return json_response(200, {{"items", std::move(items)}});
}

response api::admin_ticket_actor(const call& c, const std::string& id) {
  auto info = rt_.inspect(id);
  if (!info.state) return error_response(404, "not_found", "There is no ticket " + id + ".");
  json::array timers;
  for (const auto& t : info.timers)
    timers.push_back({{"kind", name_of(t.kind)}, {"due", format_instant(t.due)}});
  return json_response(200, {{"id", id},
                             {"alive", info.alive},
                             {"failed", info.failed},
                             {"mailbox", info.mailbox},
                             {"supervisor", info.supervisor},
                             {"restarts", info.restarts},
                             {"timers", std::move(timers)},
                             {"state", ticket_json(*info.state, *rt_.where(), c.who, nullptr)}});
}

response api::admin_kill(const call&, const std::string& id) {
  if (!rt_.kill_ticket_actor(id))
    return error_response(404, "not_found", "Ticket " + id + " has no live actor.");
  return json_response(200, {{"id", id}, {"killed", true}});
}

// After repeated crashes a ticket is parked (its commands answer 503) until an operator, having
// looked at why, lets it run again.
response api::admin_unpark(const std::string& id) {
  if (!rt_.unpark_ticket(id))
    return error_response(404, "not_found", "Ticket " + id + " is not parked.");
  return json_response(200, {{"id", id}, {"parked", false}});
}

response api::clock(const call& c) {
  if (c.req.method == "GET")
    return json_response(200, {{"mode", rt_.virtual_time() ? "virtual" : "real"},
                               {"now", format_instant(rt_.now())}});
  if (!rt_.virtual_time())
    return error_response(409, "virtual_clock_only",
                          "The clock is real; only a virtual clock is moved.");
  auto body = json_body(c.req);
  if (auto* r = std::get_if<response>(&body)) return *r;
  const auto* o = std::get<json::value>(body).if_object();
  if (!o) return refusal_response(invalid_field("body", "must be a JSON object"));
  const auto* seconds = o->if_contains("advance_seconds");
  const auto* to = o->if_contains("to");
  if ((seconds != nullptr) == (to != nullptr))
    return refusal_response(invalid_field("advance_seconds", "or to: give exactly one"));
  instant target = rt_.now();
  if (seconds) {
    // A century at most: further would overflow the clock long before any calendar reaches it.
    constexpr std::int64_t most = 100LL * 366 * 24 * 3600;
    if (!seconds->is_int64() || seconds->get_int64() < 0 || seconds->get_int64() > most)
      return refusal_response(invalid_field(
          "advance_seconds", "must be a whole number of seconds, 0.." + std::to_string(most)));
    target.seconds += seconds->get_int64();
  } else {
    auto t = to->is_string() ? parse_instant(to->get_string()) : std::nullopt;
    if (!t) return refusal_response(invalid_field("to", "must be an RFC 3339 time"));
    if (*t < rt_.now())
      return refusal_response(
          invalid_field("to", "is before the clock's now; time does not go back"));
    target = *t;
  }
  auto done = rt_.advance(target);
  return json_response(200, {{"now", format_instant(done->now)}, {"fired", done->fired}});
}

response api::prometheus() {
  response r;
  r.content_type = "text/plain; version=0.0.4";
  std::vector<actors::actor_info> long_lived;
  for (const char* kind : {"center", "department", "escalation", "timer"})
    for (auto& a : rt_.actors(kind, 10000)) long_lived.push_back(std::move(a));
  auto horizon = horizon_of(rt_.where()->calendar, local_date(rt_.now()));
  r.body = metrics_.render(rt_.stats(), long_lived, horizon, read_process_figures()) +
           outbox_metrics(rt_.stats().outbox) +
           knowledge_metrics(rt_.stale_knowledge(), rt_.search());
  return r;
}

}  // namespace hotline::http
