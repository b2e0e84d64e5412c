#include "http/peer_client.h"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

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

// One request on its own connection, every step bounded by `timeout` (send, receive, connect),
// so a peer that hangs costs one attempt, not the delivery actor.
delivery_result post(const target& t, const std::string& token, const std::string& key,
                     const std::string& body, std::chrono::milliseconds timeout) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(t.host.c_str(), std::to_string(t.port).c_str(), &hints, &found) != 0 || !found)
    return {delivery_result::kind::retry, "cannot resolve " + t.host};
  int fd = ::socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  timeval tv{static_cast<time_t>(timeout.count() / 1000),
             static_cast<suseconds_t>(timeout.count() % 1000 * 1000)};
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);  // bounds connect() too
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  bool connected = fd >= 0 && ::connect(fd, found->ai_addr, found->ai_addrlen) == 0;
  freeaddrinfo(found);
  if (!connected) {
    if (fd >= 0) ::close(fd);
    return {delivery_result::kind::retry, "cannot connect: " + std::string(std::strerror(errno))};
  }
  std::string request = "POST " + t.path + " HTTP/1.1\r\nHost: " + t.host + ":" +
                        std::to_string(t.port) +
                        "\r\nContent-Type: application/json\r\nContent-Length: " +
                        std::to_string(body.size()) + "\r\nAuthorization: Bearer " + token +
                        "\r\nIdempotency-Key: " + key + "\r\nConnection: close\r\n\r\n" + body;
  for (std::size_t sent = 0; sent < request.size();) {
    auto n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      ::close(fd);
      return {delivery_result::kind::retry, "sending failed"};
    }
    sent += static_cast<std::size_t>(n);
  }
  std::string answer;
  char buf[4096];
  for (ssize_t n; answer.size() < 65536 && (n = ::recv(fd, buf, sizeof buf, 0)) > 0;)
    answer.append(buf, static_cast<std::size_t>(n));
  ::close(fd);
  int status = 0;
  if (std::sscanf(answer.c_str(), "HTTP/1.%*d %d", &status) != 1)
    return {delivery_result::kind::retry, "no answer"};
  auto head_end = answer.find("\r\n\r\n");
  std::string why = "HTTP " + std::to_string(status) + ": " +
                    (head_end == std::string::npos ? "" : answer.substr(head_end + 4, 512));
  if (status >= 200 && status < 300) return {delivery_result::kind::delivered, ""};
  // Only a 4xx says the receiver will never take it; anything else odd is worth another try.
  if (status < 400 || status == 408 || status == 429 || status >= 500)
    return {delivery_result::kind::retry, why};
  return {delivery_result::kind::refused, why};
}

}  // namespace

peer_client::peer_client(peers_config config, std::chrono::milliseconds timeout)
    : config_(std::move(config)), timeout_(timeout) {}

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
