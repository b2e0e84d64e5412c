#pragma once
// The HTTP contract (shared/api.md) over the runtime. It only translates: a request becomes a
// command (or a read), the outcome becomes a status and a body. No rule lives here.

#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <mutex>

#include "actors/runtime.h"
#include "http/access_log.h"
#include "http/auth.h"
#include "http/http_types.h"
#include "http/metrics.h"

namespace hotline::http {

/// A path the server answers (HEAD answers wherever GET does).
struct route_spec {
  std::string path;                     // "{name}" stands for one segment
  std::vector<std::string> methods;     // in the order Allow lists them
  std::vector<std::string> query = {};  // the parameters it takes; any other is a 422
  bool open = false;                    // answered without a token
};

class api {
 public:
  /// `log`: where each request is logged, if anywhere; it outlives the api.
  api(actors::runtime& rt, token_table tokens, access_log* log = nullptr);
  /// Answers one request; thread-safe.
  response handle(const request& r);
  /// The answer to a request the edge shed (no work slot): 503 overloaded with Retry-After,
  /// counted and logged like any answer.
  response overloaded(const request& r);
  /// Operators' paths (/admin, /metrics): never shed, so that the server can be seen and
  /// steered while it is saturated.
  static bool never_shed(const std::string& path);
  /// The largest body `head` (a request not yet read) may have: `max_body` (--max-body), or for an
  /// upload of an attachment the jurisdiction's attachment limit if that is larger.
  std::size_t body_limit(const request& head, std::size_t max_body) const;
  /// Every route, as the server matches them: the OpenAPI document is tested against it.
  /// The path `/api/v1/tickets/{id}/{action}` takes each name of workflow::action.
  static std::vector<route_spec> route_table();

 private:
  struct call {
    const request& req;
    const workflow::actor_ref& who;
    const std::vector<std::string>& parts;  // the path, split at '/'
  };
  /// A route and what answers it (route_table.cc); `run` is called for a listed method only.
  struct route {
    route_spec spec;
    std::function<response(api&, const call&)> run;
  };
  static const std::vector<route>& routes();
  /// The answer; `pattern` and `who` (role:label, or "-") say what it was, for metrics and log.
  response route_request(const request& r, std::string& pattern, std::string& who);
  /// Counts an answer in the metrics and writes its access log line.
  void record(const request& r, const std::string& pattern, const std::string& who, int status,
              std::chrono::steady_clock::time_point start);

  // Tickets (routes_tickets.cc).
  response submit(const call& c);
  response act(const call& c, const std::string& id, const std::string& action);
  response get_ticket(const call& c, const std::string& id);
  response list_tickets(const call& c);
  response blocked_callers(const call& c);
  // Departments and figures (routes_departments.cc).
  response departments(const call& c);
  response department_stats(const call& c, const std::string& id);
  response reports(const call& c);
  // Operators (routes_admin.cc).
  response health();
  response admin_actors(const call& c);
  response admin_ticket_actor(const call& c, const std::string& id);
  response admin_kill(const call& c, const std::string& id);
  response admin_unpark(const std::string& id);
  response clock(const call& c);
  // The calendar (routes_calendars.cc).
  response admin_calendars();
  response admin_put_calendar(const call& c, const std::string& year);
  response admin_reload_calendars();
  response calendar(const call& c);
  // Policy versions (routes_policy.cc).
  response admin_policy();
  response admin_put_policy(const call& c);
  response prometheus();
  // The outbox (routes_outbox.cc).
  response admin_outbox(const call& c);
  response admin_outbox_drain(const call& c);
  // The knowledge base (routes_knowledge.cc).
  response list_knowledge(const call& c);
  response get_knowledge(const call& c, const std::string& id);
  response put_knowledge(const call& c, const std::string& id);
  // The SMS gateway's inbound replies (routes_sms.cc).
  response sms_inbound(const call& c);
  // Attachments (routes_attachments.cc).
  response upload_attachment(const call& c, const std::string& id);
  response list_attachments(const call& c, const std::string& id);
  response download_attachment(const call& c, const std::string& id, const std::string& digest);
  response openapi();
  // The browser console and whose token it holds (routes_console.cc).
  response console_file(const std::string& name);
  response me(const call& c);

  /// Runs a command that changes something: idempotency, backpressure, waiting for durability,
  /// and the answer. `decode` reads the body (a refusal, or nothing when the command is ready);
  /// `send` hands the command to the runtime with the idempotency key to record. The first
  /// answer under a key is the one replayed, a refusal of the body included.
  response change(const call& c, int success_status,
                  const std::function<std::optional<response>()>& decode,
                  const std::function<void(actors::reply_to, std::string)>& send);
  /// The first answer under an idempotency key, again.
  response replay(const actors::lookup<actors::first_answer>& first,
                  const workflow::actor_ref& viewer, int success_status) const;
  /// The ticket a command left, with its history: the outcome's own events when they are the
  /// whole history (a submission), else the stored history up to the outcome's version.
  std::string outcome_view(const actors::command_outcome& o,
                           const workflow::actor_ref& viewer) const;

  actors::runtime& rt_;
  token_table tokens_;
  metrics metrics_;
  access_log* log_;
  std::mutex in_progress_mutex_;
  std::map<std::string, std::shared_future<response>> in_progress_;  // idempotency keys
};

/// The outbox's figures in Prometheus text.
std::string outbox_metrics(const actors::outbox_figures& f);

/// The knowledge base's and the full-text index's lines in /metrics.
std::string knowledge_metrics(const actors::lookup<actors::stale_counts>& stale,
                              const actors::search_figures& search);

/// A time in a query string. A '+' left unencoded is kept as written, and one that a form
/// encoder turned into a space (…09:00:00 08:00) is read back as the '+' the user meant.
std::optional<workflow::instant> query_instant(std::string text);
/// How a query's time must be written, for the error when it is not.
extern const char* const query_instant_format;

/// The response for a query that has no value: its refusal, or 503 unavailable.
template <class T>
response no_value(const actors::answer<T>& a) {
  if (const auto* r = a.refused()) return refusal_response(*r);
  response out = error_response(503, "unavailable", *a.unavailable());
  out.headers.emplace_back("Retry-After", "1");
  return out;
}

/// A JSON body, or why not: 415 for another content type, 400 bad_json. An empty body is {}.
std::variant<boost::json::value, response> json_body(const request& r);

}  // namespace hotline::http
