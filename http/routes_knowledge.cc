// The knowledge base: GET /api/v1/knowledge (list, filter, full-text search),
// GET and PUT /api/v1/knowledge/{id}; its lines in /metrics.
#include <sstream>

#include "http/api.h"
#include "http/json_codec.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

namespace {

// An entry as the contract shows it: its fields, and whether it is in force and stale today.
json::object entry_json(const knowledge_entry& e, date today) {
  json::object o = to_json(e);
  o["in_force"] = in_force(e, today);
  o["stale"] = stale(e, today);
  return o;
}

std::string param(const request& r, const char* name) {
  auto it = r.query.find(name);
  return it == r.query.end() ? std::string() : it->second;
}

}  // namespace

response api::list_knowledge(const call& c) {
  actors::knowledge_query q;
  q.text = param(c.req, "q");
  q.owner = param(c.req, "owner");
  q.after = param(c.req, "after");
  if (auto v = param(c.req, "stale"); !v.empty()) {
    if (v != "true" && v != "false")
      return refusal_response(invalid_field("stale", "must be true or false"));
    q.stale_only = v == "true";
  }
  if (auto v = param(c.req, "limit"); !v.empty()) {
    char* end = nullptr;
    long n = std::strtol(v.c_str(), &end, 10);
    if (*end || n < 1 || n > 500) return refusal_response(invalid_field("limit", "must be 1..500"));
    q.limit = static_cast<std::size_t>(n);
  }
  auto page = rt_.list_knowledge(q, c.who);
  if (!page) return no_value(page);
  const date today = local_date(rt_.now());
  json::array items;
  for (const auto& e : page->items) items.push_back(entry_json(e, today));
  json::value next = page->next.empty() ? json::value(nullptr) : json::value(page->next);
  return json_response(200, {{"items", std::move(items)}, {"next", std::move(next)}});
}

response api::get_knowledge(const call& c, const std::string& id) {
  auto e = rt_.knowledge(id, c.who);
  if (!e) return no_value(e);
  return json_response(200, entry_json(*e, local_date(rt_.now())));
}

// PUT is idempotent by itself: the same body again changes nothing (no new revision).
response api::put_knowledge(const call& c, const std::string& id) {
  auto body = json_body(c.req);
  if (auto* r = std::get_if<response>(&body)) return *r;
  auto fields = from_json<knowledge_fields>(std::get<json::value>(body));
  if (!fields) return refusal_response(fields.error());
  auto w = rt_.put_knowledge(id, std::move(fields).value(), c.who);
  if (!w) return no_value(w);
  response r = json_response(w->created ? 201 : 200, entry_json(w->entry, local_date(rt_.now())));
  if (w->created) r.headers.emplace_back("Location", "/api/v1/knowledge/" + id);
  return r;
}

std::string knowledge_metrics(const actors::lookup<actors::stale_counts>& stale,
                              const actors::search_figures& search) {
  std::ostringstream out;
  out << "# HELP hotline_knowledge_stale_entries Knowledge entries past their review date or "
         "validity today, by owner (flagged to the owner).\n"
      << "# TYPE hotline_knowledge_stale_entries gauge\n";
  if (stale)
    for (const auto& [owner, n] : *stale)
      out << "hotline_knowledge_stale_entries{department=\"" << owner << "\"} " << n << "\n";
  out << "# HELP hotline_search_pending Changes not yet in the full-text index.\n"
      << "# TYPE hotline_search_pending gauge\nhotline_search_pending " << search.pending << "\n"
      << "# HELP hotline_search_indexed_total Documents indexed since start-up.\n"
      << "# TYPE hotline_search_indexed_total counter\nhotline_search_indexed_total "
      << search.indexed << "\n"
      << "# HELP hotline_search_rebuilds_total Full rebuilds of the index from the store since "
         "start-up.\n"
      << "# TYPE hotline_search_rebuilds_total counter\nhotline_search_rebuilds_total "
      << search.rebuilds << "\n"
      << "# HELP hotline_search_failing 1 while the full-text index cannot keep up (see "
         "/admin/health).\n"
      << "# TYPE hotline_search_failing gauge\nhotline_search_failing "
      << (search.failure.empty() ? 0 : 1) << "\n";
  return out.str();
}

}  // namespace hotline::http
