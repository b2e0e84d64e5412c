#include "http/api.h"

#include "http/admission.h"
#include "http/ticket_json.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

namespace {

// Calls `f` with each non-empty segment of `path` ("/a//b/" has a and b), until it returns false.
template <class F>
void for_each_segment(std::string_view path, F f) {
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start && !f(path.substr(start, end - start))) return;
    start = end + 1;
  }
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  for_each_segment(path, [&](std::string_view segment) {
    parts.emplace_back(segment);
    return true;
  });
  return parts;
}

// Whether `parts` has the shape of `path`, where "{name}" matches any one segment. The shape is
// read in place: this runs for every route on every request.
bool matches(const std::vector<std::string>& parts, const std::string& path) {
  std::size_t i = 0;
  bool same = true;
  for_each_segment(path, [&](std::string_view segment) {
    same = i < parts.size() && (segment[0] == '{' || parts[i] == segment);
    ++i;
    return same;
  });
  return same && i == parts.size();
}

response method_not_allowed(const std::vector<std::string>& methods) {
  std::string allow;
  for (const auto& m : methods) allow += (allow.empty() ? "" : ", ") + m;
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

// An unknown parameter is refused, not ignored: a misspelt filter would silently list everything.
std::optional<response> unknown_query(const request& r, const route_spec& spec) {
  for (const auto& [name, value] : r.query)
    if (std::find(spec.query.begin(), spec.query.end(), name) == spec.query.end())
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

api::api(actors::runtime& rt, token_table tokens, access_log* log)
    : rt_(rt), tokens_(std::move(tokens)), log_(log) {}

bool api::never_shed(const std::string& path) {
  return path == "/metrics" || path.compare(0, 7, "/admin/") == 0;
}

void api::record(const request& r, const std::string& pattern, const std::string& who, int status,
                 std::chrono::steady_clock::time_point start) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.observe(r.method, pattern, status, seconds);
  if (log_) log_->write(who, r.method, pattern, status, seconds);
}

response api::handle(const request& r) {
  auto start = std::chrono::steady_clock::now();
  std::string pattern = "unmatched", who = "-";
  response out;
  try {
    out = route_request(r, pattern, who);
  } catch (const std::exception& e) {  // never a crash for one request
    out = error_response(500, "internal", std::string("Unexpected failure: ") + e.what());
  }
  record(r, pattern, who, out.status, start);
  return out;
}

response api::overloaded(const request& r) {
  auto start = std::chrono::steady_clock::now();
  response out = error_response(503, "overloaded", "The server is saturated; retry shortly.");
  out.headers.emplace_back("Retry-After", std::to_string(overloaded_retry_after));
  record(r, "shed", "-", out.status, start);
  return out;
}

response api::route_request(const request& r, std::string& pattern, std::string& who_text) {
  auto parts = split_path(r.path);
  const route* found = nullptr;
  for (const auto& candidate : routes())
    if (matches(parts, candidate.spec.path)) {
      found = &candidate;
      break;
    }
  std::optional<actor_ref> who;
  if (!found || !found->spec.open) {
    who = tokens_.authenticate(r.header("authorization"));
    if (!who) {  // also on unknown paths: they tell nothing to a stranger
      pattern = "unauthorized";
      response out =
          error_response(401, "unauthorized", "Send a valid Authorization: Bearer token.");
      out.headers.emplace_back("WWW-Authenticate", "Bearer");
      return out;
    }
    who_text = by_text(*who);
  }
  if (found)
    if (auto refused = unknown_query(r, found->spec)) {
      pattern = "unknown_query";
      return *refused;
    }
  const bool admin_path = !parts.empty() && (parts[0] == "admin" || parts[0] == "metrics");
  if (who && admin_path && who->who != role::admin) {
    pattern = "forbidden";
    return error_response(403, "forbidden", "Only the admin role may use " + r.path + ".");
  }
  if (!found) return error_response(404, "not_found", "There is nothing at " + r.path + ".");
  pattern = found->spec.path;
  if (parts.size() == 5 && pattern == "/api/v1/tickets/{id}/{action}") {
    if (!parse_name<action>(parts[4])) {
      pattern = "/api/v1/tickets/{id}/{unknown}";
      return error_response(404, "not_found", "There is no action '" + parts[4] + "'.");
    }
    pattern = "/api/v1/tickets/{id}/" + parts[4];
  }
  const auto& methods = found->spec.methods;
  if (std::find(methods.begin(), methods.end(), r.method) == methods.end())
    return method_not_allowed(methods);
  static const actor_ref nobody{};  // open routes answer without knowing who asks
  return found->run(*this, call{r, who ? *who : nobody, parts});
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
          out = json_text_response(success_status, outcome_view(o, c.who));
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
    response r = json_text_response(success_status,
                                    ticket_json_text(t.state, *rt_.where(), viewer, &t.history));
    if (success_status == 201) r.headers.emplace_back("Location", "/api/v1/tickets/" + t.state.id);
    return r;
  }
  return from_rejection_text(first->rejected);
}

std::string api::outcome_view(const actors::command_outcome& o, const actor_ref& viewer) const {
  const ticket_state& s = *o.ticket;
  if (!o.events.empty() && o.events.front().seq == 1)
    return ticket_json_text(s, *rt_.where(), viewer, &o.events);
  auto stored = rt_.history(s.id);  // unreadable: counted in read_errors
  std::vector<event_record> history = stored ? std::move(*stored) : std::vector<event_record>{};
  if (history.size() > s.version) history.resize(s.version);  // seq n is at index n - 1
  return ticket_json_text(s, *rt_.where(), viewer, &history);
}

}  // namespace hotline::http
