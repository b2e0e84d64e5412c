#pragma once
// The CivetWeb server: the only code that knows the library. It reads a request (refusing a
// body over the limit before reading it), hands it to the handler on CivetWeb's worker thread,
// and writes the response. CivetWeb gives each open connection a thread of its own; the
// connection model (how many, keep-alive, queues) is explained in docs/http.md.

#include <functional>
#include <memory>
#include <string>

#include "http/http_types.h"

namespace hotline::http {

struct server_options {
  std::string listen = "127.0.0.1:8080";  // HOST:PORT; port 0 picks a free one
  int connections = 1024;                 // connections served at once: one thread each
  std::size_t max_body = 1 << 20;
  /// The largest body a request (its head read, its body not yet) may have, if not max_body.
  std::function<std::size_t(const request& head)> body_limit;
};

class civet_server {
 public:
  using handler = std::function<response(const request&)>;
  civet_server(server_options o, handler h);
  ~civet_server();  // stops accepting, waits for running handlers
  /// Starts listening; an error message, or "" on success.
  std::string start();
  /// Stops accepting and waits for the handlers in progress to finish.
  void stop();
  /// The address actually bound, "HOST:PORT".
  std::string bound() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace hotline::http
