// The routes: each path, its methods, its query parameters and what answers it. route() in
// api.cc matches a request against this table; docs/openapi.json is tested against it.
#include "http/api.h"

namespace hotline::http {

const std::vector<api::route>& api::routes() {
  static const std::vector<route> table{
      {{"/admin/health", {"GET"}, {}, true}, [](api& a, const call&) { return a.health(); }},
      // The contract's own description: nothing secret, and tools fetch it without a token.
      {{"/api/v1/openapi.json", {"GET"}, {}, true},
       [](api& a, const call&) { return a.openapi(); }},
      // The browser console: the page asks for a token and keeps it in the browser session.
      {{"/", {"GET"}, {}, true}, [](api& a, const call&) { return a.console_file("index.html"); }},
      {{"/console/{file}", {"GET"}, {}, true},
       [](api& a, const call& c) { return a.console_file(c.parts[1]); }},
      {{"/api/v1/me", {"GET"}}, [](api& a, const call& c) { return a.me(c); }},
      {{"/api/v1/calendar", {"GET"}, {"from", "to"}},
       [](api& a, const call& c) { return a.calendar(c); }},
      {{"/api/v1/tickets",
        {"GET", "POST"},
        {"status", "supervision_level", "pending", "overdue", "limit", "after", "department",
         "phone", "region", "topic", "type", "created_from", "created_to", "due_before", "sort", "q"}},
       [](api& a, const call& c) {
         return c.req.method == "POST" ? a.submit(c) : a.list_tickets(c);
       }},
      {{"/api/v1/tickets/{id}", {"GET"}},
       [](api& a, const call& c) { return a.get_ticket(c, c.parts[3]); }},
      // Before {action}: "attachments" is no action.
      {{"/api/v1/tickets/{id}/attachments", {"GET", "POST"}},
       [](api& a, const call& c) {
         return c.req.method == "POST" ? a.upload_attachment(c, c.parts[3])
                                       : a.list_attachments(c, c.parts[3]);
       }},
      {{"/api/v1/tickets/{id}/attachments/{digest}", {"GET"}},
       [](api& a, const call& c) { return a.download_attachment(c, c.parts[3], c.parts[5]); }},
      {{"/api/v1/tickets/{id}/{action}", {"POST"}},
       [](api& a, const call& c) { return a.act(c, c.parts[3], c.parts[4]); }},
      {{"/api/v1/knowledge", {"GET"}, {"q", "owner", "stale", "limit", "after"}},
       [](api& a, const call& c) { return a.list_knowledge(c); }},
      {{"/api/v1/knowledge/{id}", {"GET", "PUT"}},
       [](api& a, const call& c) {
         return c.req.method == "PUT" ? a.put_knowledge(c, c.parts[3])
                                      : a.get_knowledge(c, c.parts[3]);
       }},
      {{"/api/v1/blocked-callers", {"GET"}},
       [](api& a, const call& c) { return a.blocked_callers(c); }},
      {{"/api/v1/departments", {"GET"}}, [](api& a, const call& c) { return a.departments(c); }},
      {{"/api/v1/departments/{id}/stats", {"GET"}, {"from", "to"}},
       [](api& a, const call& c) { return a.department_stats(c, c.parts[3]); }},
      {{"/api/v1/reports", {"GET"}, {"period", "at", "format"}},
       [](api& a, const call& c) { return a.reports(c); }},
      {{"/admin/actors", {"GET"}, {"kind", "limit"}},
       [](api& a, const call& c) { return a.admin_actors(c); }},
      {{"/admin/actors/ticket/{id}", {"GET"}},
       [](api& a, const call& c) { return a.admin_ticket_actor(c, c.parts[3]); }},
      {{"/admin/actors/ticket/{id}/kill", {"POST"}},
       [](api& a, const call& c) { return a.admin_kill(c, c.parts[3]); }},
      {{"/admin/actors/ticket/{id}/unpark", {"POST"}},
       [](api& a, const call& c) { return a.admin_unpark(c.parts[3]); }},
      {{"/admin/clock", {"GET", "POST"}}, [](api& a, const call& c) { return a.clock(c); }},
      {{"/admin/calendars", {"GET"}}, [](api& a, const call&) { return a.admin_calendars(); }},
      {{"/admin/policy", {"GET", "PUT"}},
       [](api& a, const call& c) {
         return c.req.method == "PUT" ? a.admin_put_policy(c) : a.admin_policy();
       }},
      // Before {year}: "reload" is no year.
      {{"/admin/calendars/reload", {"POST"}},
       [](api& a, const call&) { return a.admin_reload_calendars(); }},
      {{"/admin/calendars/{year}", {"PUT"}},
       [](api& a, const call& c) { return a.admin_put_calendar(c, c.parts[2]); }},
      {{"/admin/outbox", {"GET"}, {"limit"}},
       [](api& a, const call& c) { return a.admin_outbox(c); }},
      {{"/admin/outbox/drain", {"POST"}},
       [](api& a, const call& c) { return a.admin_outbox_drain(c); }},
      {{"/api/v1/sms/inbound", {"POST"}}, [](api& a, const call& c) { return a.sms_inbound(c); }},
      {{"/metrics", {"GET"}}, [](api& a, const call&) { return a.prometheus(); }},
  };
  return table;
}

std::vector<route_spec> api::route_table() {
  std::vector<route_spec> out;
  for (const auto& r : routes()) out.push_back(r.spec);
  return out;
}

}  // namespace hotline::http
