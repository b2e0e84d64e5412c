// POST /api/v1/tickets, GET /api/v1/tickets[/{id}], POST /api/v1/tickets/{id}/{action},
// GET /api/v1/blocked-callers.
#include "http/api.h"
#include "http/json_codec.h"
#include "http/json_text.h"
#include "http/ticket_json.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

namespace {

// Decodes the body of action `name` into its command: one generic pass over the command types,
// each tried in its own call so that the stack holds one command at a time (CivetWeb's worker
// threads have small stacks; a recursion over 27 types overflowed one under ASan).
template <std::size_t I>
bool decode_if(const std::string& name, const json::value& body,
               std::optional<result<command>>& out) {
  using T = std::variant_alternative_t<I, command>;
  if constexpr (!is_action_command_v<T>) {
    return false;
  } else {
    if (name_of(T::act) != name) return false;
    auto decoded = from_json<T>(body);
    if (!decoded)
      out.emplace(decoded.error());
    else
      out.emplace(command{std::move(decoded).value()});
    return true;
  }
}

template <std::size_t... I>
std::optional<result<command>> decode_action(const std::string& name, const json::value& body,
                                             std::index_sequence<I...>) {
  std::optional<result<command>> out;
  (decode_if<I>(name, body, out) || ...);
  return out;
}

std::optional<result<command>> decode_action(const std::string& name, const json::value& body) {
  return decode_action(name, body, std::make_index_sequence<std::variant_size_v<command>>{});
}

}  // namespace

response api::submit(const call& c) {
  if (auto denied = authorize_intake(c.who)) return refusal_response(*denied);
  std::optional<intake> request;
  return change(
      c, 201,
      [&]() -> std::optional<response> {
        auto body = json_body(c.req);
        if (auto* r = std::get_if<response>(&body)) return *r;
        auto decoded = from_json<intake>(std::get<json::value>(body));
        if (!decoded) return refusal_response(decoded.error());
        request = std::move(decoded).value();
        return std::nullopt;
      },
      [&](actors::reply_to reply, std::string key) {
        rt_.submit(std::move(*request), c.who, std::move(reply), std::move(key));
      });
}

response api::act(const call& c, const std::string& id, const std::string& action_name) {
  auto kind = parse_name<action>(action_name);
  if (!kind) return error_response(404, "not_found", "There is no action '" + action_name + "'.");
  if (auto denied = authorize_role(*kind, c.who)) return refusal_response(*denied);
  std::optional<command> decoded;
  return change(
      c, 200,
      [&]() -> std::optional<response> {
        auto body = json_body(c.req);
        if (auto* r = std::get_if<response>(&body)) return *r;
        auto command = decode_action(action_name, std::get<json::value>(body));
        if (!command)
          return error_response(404, "not_found", "There is no action '" + action_name + "'.");
        if (!*command) return refusal_response(command->error());
        decoded = std::move(*command).value();
        return std::nullopt;
      },
      [&](actors::reply_to reply, std::string key) {
        rt_.act(id, std::move(*decoded), c.who, std::move(reply), std::move(key));
      });
}

response api::get_ticket(const call& c, const std::string& id) {
  auto stored = rt_.get(id, c.who);
  if (!stored) return no_value(stored);
  return json_text_response(200,
                            ticket_json_text(stored->state, *rt_.where(), c.who, &stored->history));
}

// Harassment blocks (000 art. 20): the center's staff see whom they screen and where to lift it.
response api::blocked_callers(const call& c) {
  auto blocked = rt_.blocked_callers(c.who, 1000);
  if (!blocked) return no_value(blocked);
  json::array items;
  for (auto& b : *blocked) items.push_back({{"phone", b.phone}, {"ticket", b.ticket}});
  return json_response(200, {{"items", std::move(items)}});
}

namespace {

// The listing's filters, each a query parameter (docs/http-api.md "List"); a bad one is a 422
// naming it.
std::optional<refusal> read_filters(const std::map<std::string, std::string>& params,
                                    actors::ticket_query& q) {
  auto param = [&](const char* name) {
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
  };
  if (auto v = param("status"); !v.empty()) {
    q.status = parse_name<status>(v);
    if (!q.status) return invalid_field("status", "is not a status");
  }
  if (auto v = param("supervision_level"); !v.empty()) {
    q.supervision = parse_name<supervision_level>(v);
    if (!q.supervision) return invalid_field("supervision_level", "is not a level");
  }
  if (auto v = param("pending"); !v.empty()) {
    q.pending = parse_name<pending_kind>(v);
    if (!q.pending)
      return invalid_field("pending", "must be return, extension, termination or block");
  }
  if (auto v = param("type"); !v.empty()) {
    q.type = parse_name<ticket_type>(v);
    if (!q.type) return invalid_field("type", "is not a ticket type");
  }
  if (auto v = param("overdue"); !v.empty()) {
    if (v != "true" && v != "false") return invalid_field("overdue", "must be true or false");
    q.overdue_only = v == "true";
  }
  if (auto v = param("sort"); !v.empty()) {
    if (v != "created" && v != "due") return invalid_field("sort", "must be created or due");
    q.order = v == "due" ? actors::list_order::due : actors::list_order::created;
  }
  for (auto [name, target] : {std::pair{"created_from", &q.created_from},
                              {"created_to", &q.created_to},
                              {"due_before", &q.due_before}}) {
    auto v = param(name);
    if (v.empty()) continue;
    *target = query_instant(v);
    if (!*target) return invalid_field(name, query_instant_format);
  }
  if (auto v = param("limit"); !v.empty()) {
    char* end = nullptr;
    long n = std::strtol(v.c_str(), &end, 10);
    if (*end || n < 1 || n > 500) return invalid_field("limit", "must be 1..500");
    q.limit = static_cast<std::size_t>(n);
  }
  q.after = param("after");
  q.department = param("department");
  q.phone = param("phone");
  q.region = param("region");
  q.topic = param("topic");
  q.text = param("q");  // full-text: best first, `after` the `next` of the page before
  return std::nullopt;
}

}  // namespace

response api::list_tickets(const call& c) {
  actors::ticket_query q;
  if (auto bad = read_filters(c.req.query, q)) return refusal_response(*bad);
  auto page = rt_.list(q, c.who);
  if (!page) return no_value(page);
  json_text out;
  out.begin_object().key("items").begin_array();
  for (const auto& s : page->items) out.text(ticket_json_text(s, *rt_.where(), c.who, nullptr));
  out.end_array().key("next").string_or_null(page->next).end_object();
  return json_text_response(200, std::move(out.out));
}

}  // namespace hotline::http
