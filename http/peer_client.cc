#include "http/peer_client.h"

#include <civetweb.h>

#include "http/json_codec.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;
using actors::delivery_result;

namespace {

struct target {
  std::string host;
  int port = 80;
  std::string path;
};

// "http://host[:port][/prefix]" and a path under it.
std::optional<target> parse_url(const std::string& url, const std::string& path) {
  std::string rest = url.substr(7);
  auto slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  std::string prefix = slash == std::string::npos ? "" : rest.substr(slash);
  if (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  target t;
  auto colon = authority.rfind(':');
  t.host = authority.substr(0, colon);
  if (colon != std::string::npos) t.port = std::atoi(authority.c_str() + colon + 1);
  if (t.host.empty() || t.port <= 0) return std::nullopt;
  t.path = prefix + path;
  return t;
}

delivery_result post(const target& t, const std::string& token, const std::string& key,
                     const std::string& body, std::chrono::milliseconds timeout) {
  char error[256] = "";
  mg_connection* c = mg_connect_client(t.host.c_str(), t.port, 0, error, sizeof error);
  if (!c) return {delivery_result::kind::retry, std::string("cannot connect: ") + error};
  std::string head = "POST " + t.path + " HTTP/1.1\r\nHost: " + t.host + ":" +
                     std::to_string(t.port) +
                     "\r\nContent-Type: application/json\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\nAuthorization: Bearer " + token +
                     "\r\nIdempotency-Key: " + key + "\r\nConnection: close\r\n\r\n";
  std::string request = head + body;  // one write: no Nagle stall between head and body
  mg_write(c, request.data(), request.size());
  int got = mg_get_response(c, error, sizeof error, static_cast<int>(timeout.count()));
  if (got < 0) {
    mg_close_connection(c);
    return {delivery_result::kind::retry, std::string("no answer: ") + error};
  }
  int status = mg_get_response_info(c)->status_code;
  std::string answer(512, '\0');
  int n = mg_read(c, answer.data(), answer.size());
  answer.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  mg_close_connection(c);
  if (status >= 200 && status < 300) return {delivery_result::kind::delivered, ""};
  std::string why = "HTTP " + std::to_string(status) + ": " + answer;
  // Only a 4xx says the receiver will never take it; anything else odd is worth another try.
  if (status < 400 || status == 408 || status == 429 || status >= 500)
    return {delivery_result::kind::retry, why};
  return {delivery_result::kind::refused, why};
}

}  // namespace

peer_client::peer_client(peers_config config, std::chrono::milliseconds timeout)
    : config_(std::move(config)), timeout_(timeout) {
  mg_init_library(0);  // counted: the server's own start and stop pair with theirs
}

peer_client::~peer_client() {
  mg_exit_library();
}

const peer* peer_client::find(const std::string& id) const {
  for (const auto& p : config_.peers)
    if (p.id == id) return &p;
  return nullptr;
}

delivery_result peer_client::deliver(const outgoing_message& m) {
  const peer* to = m.kind == outgoing_kind::sms ? (config_.sms_gateway ? &*config_.sms_gateway
                                                                       : nullptr)
                                                : find(m.to);
  // A peer taken out of the file: the message waits for it to come back.
  if (!to) return {delivery_result::kind::retry, "'" + m.to + "' is not configured"};
  std::string path;
  json::value body;
  switch (m.kind) {
    case outgoing_kind::forward:
      path = "/api/v1/tickets";
      body = to_json(m.request);
      break;
    case outgoing_kind::report:
      path = "/api/v1/tickets/" + m.upper_ticket + "/platform_report";
      body = to_json(m.report);
      break;
    case outgoing_kind::sms:
      body = json::object{{"id", m.id}, {"to", m.to}, {"text", m.text}, {"ticket", m.ticket}};
      break;
  }
  auto t = parse_url(to->url, path);
  if (!t) return {delivery_result::kind::refused, "bad url " + to->url};
  return post(*t, to->token, m.id, json::serialize(body), timeout_);
}

}  // namespace hotline::http
