#include "http/api.h"

#include "http/ticket_json.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool is(const std::vector<std::string>& parts, std::initializer_list<const char*> pattern) {
  if (parts.size() != pattern.size()) return false;
  std::size_t i = 0;
  for (const char* p : pattern) {
    if (*p != '{' && parts[i] != p) return false;
    ++i;
  }
  return true;
}

response method_not_allowed(std::string allow) {
  if (allow.compare(0, 3, "GET") == 0) allow.insert(3, ", HEAD");  // HEAD is GET without a body
  response r = error_response(405, "method_not_allowed", "This path takes " + allow + ".");
  r.headers.emplace_back("Allow", allow);
  return r;
}

// A request refused before it became a command (its body could not be read) is recorded as
// "<status>\n<body>" (the runtime keeps it as given, see actors::first_answer).
std::string rejection_text(const response& r) {
  return std::to_string(r.status) + "\n" + r.body;
}

response from_rejection_text(const std::string& text) {
  auto nl = text.find('\n');
  response r;
  r.status = std::atoi(text.substr(0, nl).c_str());
  r.body = nl == std::string::npos ? "" : text.substr(nl + 1);
  return r;
}

// The query parameters each path takes; a path not listed here is not checked.
const std::vector<std::string>* query_names(const std::vector<std::string>& parts) {
  static const std::vector<std::string> none,
      tickets{"status", "supervision_level", "pending", "overdue", "limit", "after", "department"},
      stats{"from", "to"}, reports{"period", "at"}, actors{"kind", "limit"}, outbox{"limit"};
  if (is(parts, {"api", "v1", "tickets"})) return &tickets;
  if (is(parts, {"api", "v1", "departments", "{id}", "stats"})) return &stats;
  if (is(parts, {"api", "v1", "reports"})) return &reports;
  if (is(parts, {"admin", "actors"})) return &actors;
  if (is(parts, {"admin", "outbox"})) return &outbox;
  for (auto shape : {std::initializer_list<const char*>{"api", "v1", "tickets", "{id}"},
                     {"api", "v1", "tickets", "{id}", "{action}"},
                     {"api", "v1", "blocked-callers"},
                     {"api", "v1", "departments"},
                     {"admin", "health"},
                     {"admin", "actors", "ticket", "{id}"},
                     {"admin", "actors", "ticket", "{id}", "kill"},
                     {"admin", "actors", "ticket", "{id}", "unpark"},
                     {"admin", "clock"},
                     {"admin", "outbox", "drain"},
                     {"api", "v1", "sms", "inbound"},
                     {"metrics"}})
    if (is(parts, shape)) return &none;
  return nullptr;
}

// An unknown parameter is refused, not ignored: a misspelt filter would silently list everything.
std::optional<response> unknown_query(const request& r, const std::vector<std::string>& parts) {
  const auto* known = query_names(parts);
  if (!known) return std::nullopt;
  for (const auto& [name, value] : r.query)
    if (std::find(known->begin(), known->end(), name) == known->end())
      return refusal_response(invalid_field(name, "is not a parameter of this path"));
  return std::nullopt;
}

}  // namespace

const char* const query_instant_format =
    "must be an RFC 3339 time with its offset, e.g. 2026-03-16T09:00:00+08:00 (in a URL, + may "
    "be written %2B)";

std::optional<instant> query_instant(std::string text) {
  if (auto t = parse_instant(text)) return t;
  std::replace(text.begin(), text.end(), ' ', '+');
  return parse_instant(text);
}

std::variant<json::value, response> json_body(const request& r) {
  if (r.body.find_first_not_of(" \t\r\n") == std::string::npos) return json::value(json::object());
  std::string type = r.header("content-type");
  if (type.compare(0, 16, "application/json") != 0)
    return error_response(415, "unsupported_media_type", "Send the body as application/json.");
  json::error_code ec;
  auto v = json::parse(r.body, ec);
  if (ec)
    return error_response(400, "bad_json", "The body is not valid JSON: " + ec.message() + ".");
  return v;
}

// A burst a little over capacity waits this long for a slot rather than being refused; past it,
// a client is better served by a 503 and its Retry-After than by a wait (docs/http.md).
constexpr std::chrono::milliseconds admission_patience{10};

api::api(actors::runtime& rt, token_table tokens, std::size_t working)
    : rt_(rt), tokens_(std::move(tokens)), admission_(working, admission_patience) {}

response api::handle(const request& r) {
  auto start = std::chrono::steady_clock::now();
  std::string pattern = "unmatched";
  response out;
  try {
    const bool operators = r.path == "/metrics" || r.path.compare(0, 7, "/admin/") == 0;
    auto slot = operators ? admission::ticket(nullptr) : admission_.enter();
    if (operators || slot) {
      out = route(r, pattern);
    } else {
      pattern = "shed";
      out = error_response(503, "overloaded", "The server is saturated; retry shortly.");
      out.headers.emplace_back("Retry-After", "1");
    }
  } catch (const std::exception& e) {  // never a crash for one request
    out = error_response(500, "internal", std::string("Unexpected failure: ") + e.what());
  }
  metrics_.observe(r.method, pattern, out.status,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return out;
}

response api::route(const request& r, std::string& pattern) {
  auto parts = split_path(r.path);
  const bool get = r.method == "GET", post = r.method == "POST";
  if (is(parts, {"admin", "health"})) {
    pattern = "/admin/health";
    return get ? health() : method_not_allowed("GET");
  }
  auto who = tokens_.authenticate(r.header("authorization"));
  if (!who) {
    pattern = "unauthorized";
    response out = error_response(401, "unauthorized", "Send a valid Authorization: Bearer token.");
    out.headers.emplace_back("WWW-Authenticate", "Bearer");
    return out;
  }
  if (auto refused = unknown_query(r, parts)) {
    pattern = "unknown_query";
    return *refused;
  }
  call c{r, *who, parts};
  const bool admin_path = (!parts.empty() && parts[0] == "admin") || is(parts, {"metrics"});
  if (admin_path && who->who != role::admin) {
    pattern = "forbidden";
    return error_response(403, "forbidden", "Only the admin role may use " + r.path + ".");
  }
  if (is(parts, {"api", "v1", "tickets"})) {
    pattern = "/api/v1/tickets";
    return post ? submit(c) : get ? list_tickets(c) : method_not_allowed("GET, POST");
  }
  if (is(parts, {"api", "v1", "tickets", "{id}"})) {
    pattern = "/api/v1/tickets/{id}";
    return get ? get_ticket(c, parts[3]) : method_not_allowed("GET");
  }
  if (is(parts, {"api", "v1", "tickets", "{id}", "{action}"})) {
    pattern = "/api/v1/tickets/{id}/" + parts[4];
    if (!parse_name<action>(parts[4])) {
      pattern = "/api/v1/tickets/{id}/{unknown}";
      return error_response(404, "not_found", "There is no action '" + parts[4] + "'.");
    }
    return post ? act(c, parts[3], parts[4]) : method_not_allowed("POST");
  }
  if (is(parts, {"api", "v1", "blocked-callers"})) {
    pattern = "/api/v1/blocked-callers";
    return get ? blocked_callers(c) : method_not_allowed("GET");
  }
  if (is(parts, {"api", "v1", "departments"})) {
    pattern = "/api/v1/departments";
    return get ? departments(c) : method_not_allowed("GET");
  }
  if (is(parts, {"api", "v1", "departments", "{id}", "stats"})) {
    pattern = "/api/v1/departments/{id}/stats";
    return get ? department_stats(c, parts[3]) : method_not_allowed("GET");
  }
  if (is(parts, {"api", "v1", "reports"})) {
    pattern = "/api/v1/reports";
    return get ? reports(c) : method_not_allowed("GET");
  }
  if (is(parts, {"admin", "actors"})) {
    pattern = "/admin/actors";
    return get ? admin_actors(c) : method_not_allowed("GET");
  }
  if (is(parts, {"admin", "actors", "ticket", "{id}"})) {
    pattern = "/admin/actors/ticket/{id}";
    return get ? admin_ticket_actor(c, parts[3]) : method_not_allowed("GET");
  }
  if (is(parts, {"admin", "actors", "ticket", "{id}", "kill"})) {
    pattern = "/admin/actors/ticket/{id}/kill";
    return post ? admin_kill(c, parts[3]) : method_not_allowed("POST");
  }
  if (is(parts, {"admin", "actors", "ticket", "{id}", "unpark"})) {
    pattern = "/admin/actors/ticket/{id}/unpark";
    return post ? admin_unpark(parts[3]) : method_not_allowed("POST");
  }
  if (is(parts, {"admin", "clock"})) {
    pattern = "/admin/clock";
    return get || post ? clock(c) : method_not_allowed("GET, POST");
  }
  if (is(parts, {"admin", "calendars"})) {
    pattern = "/admin/calendars";
    return get ? admin_calendars() : method_not_allowed("GET");
  }
  if (is(parts, {"api", "v1", "sms", "inbound"})) {
    pattern = "/api/v1/sms/inbound";
    return post ? sms_inbound(c) : method_not_allowed("POST");
  }
  if (is(parts, {"admin", "outbox"})) {
    pattern = "/admin/outbox";
    return get ? admin_outbox(c) : method_not_allowed("GET");
  }
  if (is(parts, {"admin", "outbox", "drain"})) {
    pattern = "/admin/outbox/drain";
    return post ? admin_outbox_drain(c) : method_not_allowed("POST");
  }
  if (is(parts, {"metrics"})) {
    pattern = "/metrics";
    return get ? prometheus() : method_not_allowed("GET");
  }
  return error_response(404, "not_found", "There is nothing at " + r.path + ".");
}

response api::change(const call& c, int success_status,
                     const std::function<std::optional<response>()>& decode,
                     const std::function<void(actors::reply_to, std::string)>& send) {
  std::string header = c.req.header("idempotency-key");
  std::string key = header.empty() ? "" : by_text(c.who) + '\0' + header;
  std::promise<response> mine;
  if (!key.empty()) {
    std::unique_lock<std::mutex> lock(in_progress_mutex_);
    auto running = in_progress_.find(key);
    if (running != in_progress_.end()) {  // the same request, still being carried out
      auto first = running->second;
      lock.unlock();
      return first.get();
    }
    auto first = rt_.first_answer_to(key);
    if (first || first.failed()) {
      lock.unlock();
      return replay(first, c.who, success_status);
    }
    in_progress_.emplace(key, mine.get_future().share());
  }
  response out;
  if (auto refused = decode()) {
    out = std::move(*refused);
    if (!key.empty()) {
      // Durable before the answer, like everything acknowledged.
      std::string error = rt_.reject(key, rejection_text(out));
      if (!error.empty()) out = error_response(503, "unavailable", error);
    }
  } else if (rt_.overloaded()) {
    out = error_response(503, "overloaded", "The runtime is saturated; retry shortly.");
    out.headers.emplace_back("Retry-After", "1");
  } else {
    auto done = std::make_shared<std::promise<actors::command_outcome>>();
    auto outcome = done->get_future();
    send(actors::reply_to([done](actors::command_outcome o) { done->set_value(std::move(o)); }),
         key);
    if (outcome.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
      out = error_response(503, "unavailable", "The command did not complete in time; retry.");
      out.headers.emplace_back("Retry-After", "1");
    } else {
      auto o = outcome.get();
      switch (o.what) {
        case actors::command_outcome::kind::done: {
          out = json_response(success_status, outcome_view(o, c.who));
          if (success_status == 201)
            out.headers.emplace_back("Location", "/api/v1/tickets/" + o.ticket->id);
          break;
        }
        case actors::command_outcome::kind::refused:  // recorded under the key by the runtime
          out = refusal_response(o.refusal);
          break;
        case actors::command_outcome::kind::unavailable:
          out = error_response(503, "unavailable", o.error);
          out.headers.emplace_back("Retry-After", "1");
          break;
      }
    }
  }
  if (!key.empty()) {
    mine.set_value(out);
    std::lock_guard<std::mutex> lock(in_progress_mutex_);
    in_progress_.erase(key);
  }
  return out;
}

response api::replay(const actors::lookup<actors::first_answer>& first, const actor_ref& viewer,
                     int success_status) const {
  if (first.failed())
    return error_response(503, "unavailable", "The first answer cannot be read: " + first.error());
  if (first->refusal) return refusal_response(*first->refusal);
  if (first->ticket) {
    const auto& t = *first->ticket;
    response r =
        json_response(success_status, ticket_json(t.state, rt_.where(), viewer, &t.history));
    if (success_status == 201) r.headers.emplace_back("Location", "/api/v1/tickets/" + t.state.id);
    return r;
  }
  return from_rejection_text(first->rejected);
}

json::object api::outcome_view(const actors::command_outcome& o, const actor_ref& viewer) const {
  const ticket_state& s = *o.ticket;
  if (!o.events.empty() && o.events.front().seq == 1)
    return ticket_json(s, rt_.where(), viewer, &o.events);
  auto stored = rt_.history(s.id);  // unreadable: counted in read_errors
  std::vector<event_record> history = stored ? std::move(*stored) : std::vector<event_record>{};
  if (history.size() > s.version) history.resize(s.version);  // seq n is at index n - 1
  return ticket_json(s, rt_.where(), viewer, &history);
}

}  // namespace hotline::http
