#include "http/civet_server.h"

#include <civetweb.h>

#include "http/admission.h"
#include "http/url.h"
#include "http/utf8.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

namespace hotline::http {
namespace {

const char* reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 411:
      return "Length Required";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 501:
      return "Not Implemented";
    case 505:
      return "HTTP Version Not Supported";
    case 503:
      return "Service Unavailable";
    default:
      return "Internal Server Error";
  }
}

// The contract's code for a status CivetWeb refuses a request with before our handler runs.
std::string code_for(int status) {
  switch (status) {
    case 404:
      return "not_found";
    case 405:
    case 501:
      return "method_not_allowed";
    case 413:
    case 414:
    case 431:
      return "payload_too_large";
    case 505:
      return "unsupported_http_version";
    default:
      return status < 500 ? "bad_request" : "internal";
  }
}

// HEAD is answered like GET without the body (RFC 9110, 9.3.2): `with_body` false.
void write(mg_connection* conn, const response& r, bool close, bool with_body = true) {
  if (close) mg_disable_connection_keep_alive(conn);
  std::string head = "HTTP/1.1 " + std::to_string(r.status) + " " + reason_phrase(r.status) +
                     "\r\nContent-Type: " + r.content_type +
                     "\r\nContent-Length: " + std::to_string(r.body.size()) + "\r\n";
  for (const auto& [name, value] : r.headers) head += name + ": " + value + "\r\n";
  if (close) head += "Connection: close\r\n";
  head += "\r\n";
  if (with_body)
    head += r.body;  // one write: two would meet Nagle and delayed ACK (a 40 ms stall each)
  mg_write(conn, head.data(), head.size());
}

// Why CivetWeb could not listen: it only says "Failed to setup server ports", so an IPv4
// address is bound once more here to get the system's reason (e.g. "Address already in use").
std::string why_not_bound(const std::string& listen, const std::string& civetweb_says) {
  auto colon = listen.rfind(':');
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  if (colon == std::string::npos ||
      ::inet_pton(AF_INET, listen.substr(0, colon).c_str(), &addr.sin_addr) != 1)
    return civetweb_says;
  addr.sin_port = htons(static_cast<uint16_t>(std::atoi(listen.c_str() + colon + 1)));
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  int failed = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ? errno : 0;
  ::close(fd);
  return failed ? std::strerror(failed) : civetweb_says;
}

// Reads and drops a shed request's body if it is small and not held back by
// `Expect: 100-continue`: it has then most likely come with the head, and the connection can
// be kept. False when the body is left unread: the connection must close after the answer.
bool discard_small_body(mg_connection* conn, const mg_request_info* info) {
  if (info->content_length <= 0) return mg_get_header(conn, "Transfer-Encoding") == nullptr;
  const char* expect = mg_get_header(conn, "Expect");
  if (info->content_length > 16384 || (expect && strcasecmp(expect, "100-continue") == 0))
    return false;
  char buf[16384];
  long long left = info->content_length;
  for (int n; left > 0 && (n = mg_read(conn, buf, sizeof buf)) > 0;) left -= n;
  return left == 0;
}

}  // namespace

// One connection's state, from CivetWeb's init_connection to its connection_close.
struct connection_state {
  std::optional<std::chrono::steady_clock::time_point> shed_at;  // its last 503 overloaded
};

// A connection's thread rests this long after answering 503 overloaded before it reads the
// connection's next request (docs/http.md, "A client that does not wait").
constexpr std::chrono::milliseconds shed_rest{250};

struct civet_server::impl {
  impl(server_options o, handlers h)
      : options(std::move(o)), on(std::move(h)), slots(options.working, patience) {}

  // A request that finds no slot waits this long for one: a burst a little over capacity is
  // smoothed rather than refused.
  static constexpr std::chrono::milliseconds patience{10};

  server_options options;
  handlers on;
  admission slots;
  mg_context* ctx = nullptr;
  std::mutex stop_mutex;
  std::atomic<int> open_connections{0};  // each holds one of CivetWeb's threads

  static impl* of(const mg_connection* conn) {
    return static_cast<impl*>(mg_get_user_data(mg_get_context(conn)));
  }
  static connection_state& state(const mg_connection* conn) {
    return *static_cast<connection_state*>(mg_get_user_connection_data(conn));
  }
  // When every thread holds a connection, new clients wait in the queue for one: a connection
  // then closes after its answer (the client reconnects behind them) instead of keeping its
  // thread for its next request. Keep-alive is for when there is room.
  bool full() const { return open_connections.load() >= options.connections; }

  // A work slot for this request, or none: shed. A connection answered 503 within its
  // Retry-After is shed again without trying: it was told when to come back, and a request
  // that waited out the rest behind a 503 must not be taken as a fresh one.
  admission::ticket admit(const connection_state& c) {
    if (c.shed_at && std::chrono::steady_clock::now() - *c.shed_at <
                         std::chrono::seconds(overloaded_retry_after))
      return admission::ticket(nullptr);
    return slots.enter();
  }

  static int handle(mg_connection* conn, void* data) {
    auto* self = static_cast<impl*>(data);
    const mg_request_info* info = mg_get_request_info(conn);
    request req;
    req.method = info->request_method ? info->request_method : "";
    const bool head = req.method == "HEAD";
    if (head) req.method = "GET";
    req.path = url_decode(info->local_uri ? info->local_uri : "/");
    if (req.path.find('\0') != std::string::npos || !is_utf8(req.path)) {
      write(conn,
            error_response(400, "bad_request",
                           "The path must be UTF-8 without NUL bytes (%00); it is refused."),
            true, !head);
      return 400;
    }
    req.query = parse_query(info->query_string);
    for (int i = 0; i < info->num_headers; ++i) {
      std::string name = info->http_headers[i].name;
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      req.headers[name] = info->http_headers[i].value;
    }
    // The body limit is checked before reading: a declared length over it is not read at all.
    const std::size_t max_body =
        self->options.body_limit ? self->options.body_limit(req) : self->options.max_body;
    if (info->content_length > static_cast<long long>(max_body)) {
      write(conn,
            error_response(413, "payload_too_large",
                           "The body is larger than " + std::to_string(max_body) + " bytes."),
            true);  // the unread body would be taken for the next request
      return 413;
    }
    // Admitted or shed before the body is read: a shed request costs its head and a short
    // answer. Operators' paths are never shed.
    connection_state& c = state(conn);
    const bool operators = self->on.never_shed(req.path);
    admission::ticket slot = operators ? admission::ticket(nullptr) : self->admit(c);
    if (!operators && !slot) {
      response r = self->on.overloaded(req);
      const bool close = !discard_small_body(conn, info) || self->full();
      write(conn, r, close, !head);
      c.shed_at = std::chrono::steady_clock::now();
      // A client that asks again at once, ignoring Retry-After, waits for its next 503 instead of
      // taking the CPU that admitted work needs. A closing connection frees its thread instead.
      if (!close) std::this_thread::sleep_for(shed_rest);
      return r.status;
    }
    // A client that asked whether to send its body (RFC 9110, 10.1.1) sends it now; a shed one
    // got its 503 above without having sent it. (CivetWeb does this only for files and CGI.)
    if (info->content_length > 0 && strcasecmp(req.header("expect").c_str(), "100-continue") == 0)
      mg_write(conn, "HTTP/1.1 100 Continue\r\n\r\n", 25);
    char buf[16384];
    for (int n; (n = mg_read(conn, buf, sizeof buf)) > 0;) {
      req.body.append(buf, n);
      if (req.body.size() > max_body) {
        write(conn, error_response(413, "payload_too_large", "The body is too large."), true);
        return 413;
      }
    }
    // A body cut short (the client died mid-send) is never handled: taken for the whole body it
    // would be a different request, and its refusal would be replayed to the client's retry
    // under the same Idempotency-Key.
    if (info->content_length >= 0 &&
        static_cast<long long>(req.body.size()) < info->content_length) {
      write(conn, error_response(400, "bad_request", "The body ended before its length."), true);
      return 400;
    }
    response r = self->on.answer(req);
    write(conn, r, self->full(), !head);
    return r.status;
  }
};

civet_server::civet_server(server_options o, handlers h)
    : impl_(std::make_unique<impl>(std::move(o), std::move(h))) {}

civet_server::~civet_server() {
  stop();
}

std::string civet_server::start() {
  mg_init_library(0);
  std::string threads = std::to_string(impl_->options.connections);
  // Why these values: docs/http.md, "Connections".
  const char* options[] = {"listening_ports",
                           impl_->options.listen.c_str(),
                           "num_threads",
                           threads.c_str(),
                           "connection_queue",
                           "64",
                           "listen_backlog",
                           "4096",
                           "enable_keep_alive",
                           "yes",
                           "decode_url",
                           "no",  // we decode, so that a %00 is seen rather than cutting the path
                           "keep_alive_timeout_ms",
                           "1000",
                           "request_timeout_ms",
                           "10000",
                           nullptr};
  mg_callbacks callbacks{};
  callbacks.log_message = [](const mg_connection*, const char*) { return 1; };  // errors: ours
  // The handler goes in before the first connection is accepted: installed after mg_start2, a
  // request in that window (a peer retrying against a server coming back) got CivetWeb's 404.
  callbacks.init_context = [](const mg_context* ctx) {
    auto* self = static_cast<impl*>(mg_get_user_data(ctx));
    mg_set_request_handler(const_cast<mg_context*>(ctx), "/", &impl::handle, self);
  };
  // CivetWeb's own refusals (a malformed request line, oversized headers, a bad Content-Length,
  // a method it does not know) in the contract's shape instead of its text/plain page.
  callbacks.http_error = [](mg_connection* conn, int status, const char* message) {
    write(conn,
          error_response(status, code_for(status),
                         std::string("The request was refused: ") + (message ? message : "") + "."),
          true);
    return 0;
  };
  callbacks.init_connection = [](const mg_connection* conn, void** state) {
    ++impl::of(conn)->open_connections;
    *state = new connection_state;
    return 0;
  };
  callbacks.connection_close = [](const mg_connection* conn) {
    delete static_cast<connection_state*>(mg_get_user_connection_data(conn));
    --impl::of(conn)->open_connections;
  };
  mg_init_data init{&callbacks, impl_.get(), options};
  char why[256] = "";
  unsigned code = 0;
  mg_error_data error{&code, why, sizeof why};
  impl_->ctx = mg_start2(&init, &error);
  if (!impl_->ctx)
    return "cannot listen on " + impl_->options.listen + ": " +
           why_not_bound(impl_->options.listen, why);
  return {};
}

void civet_server::stop() {
  std::lock_guard<std::mutex> lock(impl_->stop_mutex);
  if (!impl_->ctx) return;
  // CivetWeb's master thread sleeps in a 2 s poll() on the listening socket and mg_stop() waits
  // for it; a connection to ourselves wakes it at once.
  mg_server_port ports[1];
  int port = mg_get_server_ports(impl_->ctx, 1, ports) > 0 ? ports[0].port : 0;
  std::thread wake([port] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::close(fd);
  });
  mg_stop(impl_->ctx);
  wake.join();
  impl_->ctx = nullptr;
}

std::string civet_server::bound() const {
  mg_server_port ports[4];
  int n = impl_->ctx ? mg_get_server_ports(impl_->ctx, 4, ports) : 0;
  std::string host = impl_->options.listen.substr(0, impl_->options.listen.rfind(':'));
  return n > 0 ? host + ":" + std::to_string(ports[0].port) : impl_->options.listen;
}

}  // namespace hotline::http
