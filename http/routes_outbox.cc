// GET /admin/outbox, POST /admin/outbox/drain, and the outbox's lines in /metrics.
#include <sstream>

#include "http/api.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

std::string outbox_metrics(const actors::outbox_figures& f) {
  std::ostringstream out;
  out << "# HELP hotline_outbox_pending Messages to peers and callers not yet delivered.\n"
      << "# TYPE hotline_outbox_pending gauge\nhotline_outbox_pending " << f.pending << "\n"
      << "# HELP hotline_outbox_failed Messages refused for good, kept for an operator.\n"
      << "# TYPE hotline_outbox_failed gauge\nhotline_outbox_failed " << f.failed << "\n"
      << "# HELP hotline_outbox_delivered_total Messages delivered since the data began.\n"
      << "# TYPE hotline_outbox_delivered_total counter\nhotline_outbox_delivered_total "
      << f.delivered << "\n"
      << "# HELP hotline_outbox_attempts_total Delivery attempts since start-up.\n"
      << "# TYPE hotline_outbox_attempts_total counter\nhotline_outbox_attempts_total "
      << f.attempts << "\n"
      << "# HELP hotline_outbox_retries_total Attempts that failed and will be tried again.\n"
      << "# TYPE hotline_outbox_retries_total counter\nhotline_outbox_retries_total " << f.retries
      << "\n";
  return out.str();
}

response api::admin_outbox(const call& c) {
  std::size_t limit = 100;
  auto it = c.req.query.find("limit");
  if (it != c.req.query.end()) {
    char* end = nullptr;
    long n = std::strtol(it->second.c_str(), &end, 10);
    if (*end || n < 1 || n > 1000) return refusal_response(invalid_field("limit", "must be 1..1000"));
    limit = static_cast<std::size_t>(n);
  }
  auto entries = rt_.outbox(limit);
  if (entries.failed()) return error_response(503, "unavailable", entries.error());
  json::array items;
  for (const auto& e : *entries) {
    const auto& m = e.message;
    items.push_back({{"id", m.id},
                     {"kind", name_of(m.kind)},
                     {"to", m.to},
                     {"ticket", m.ticket},
                     {"state", e.failed ? "failed" : "pending"},
                     {"attempts", e.attempts},
                     {"last_error", e.last_error.empty() ? json::value(nullptr)
                                                         : json::value(e.last_error)},
                     {"last_attempt", e.attempts ? json::value(format_instant(e.last_attempt))
                                                 : json::value(nullptr)}});
  }
  auto f = rt_.stats().outbox;
  return json_response(200, {{"pending", f.pending},
                             {"failed", f.failed},
                             {"delivered", f.delivered},
                             {"items", std::move(items)}});
}

// A barrier like POST /admin/clock: returns once nothing is left to deliver, or says how much is.
response api::admin_outbox_drain(const call& c) {
  auto body = json_body(c.req);
  if (auto* r = std::get_if<response>(&body)) return *r;
  const auto* o = std::get<json::value>(body).if_object();
  const auto* t = o ? o->if_contains("timeout_seconds") : nullptr;
  std::int64_t seconds = 30;
  if (t) {
    if (!t->is_int64() || t->get_int64() < 0 || t->get_int64() > 600)
      return refusal_response(invalid_field("timeout_seconds", "must be 0..600"));
    seconds = t->get_int64();
  }
  bool settled = rt_.drain_outbox(std::chrono::seconds(seconds));
  auto f = rt_.stats().outbox;
  if (!settled)
    return error_response(503, "unavailable", "Messages are still waiting for delivery.",
                          {{"pending", f.pending}});
  return json_response(200, {{"pending", f.pending}, {"failed", f.failed},
                             {"delivered", f.delivered}});
}

}  // namespace hotline::http
