#pragma once
// The real `hotline serve` in a child process on an ephemeral loopback port with a temporary
// data directory, and a small HTTP/1.1 client to talk to it. Only 127.0.0.1 is ever contacted.

#include <boost/json.hpp>
#include <map>
#include <string>
#include <vector>

namespace hotline::testing {

struct http_reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  boost::json::value json() const;
  /// error.code of an error body, or "".
  std::string code() const;
};

class server_process {
 public:
  /// Starts `hotline serve --scenario scenarios/<id> --data-dir <dir> --listen 127.0.0.1:0`
  /// (an absolute `scenario_id` is the scenario's folder itself)
  /// plus `extra` flags (a `--listen` among them replaces the default), and waits for
  /// "listening on".
  server_process(const std::string& scenario_id, const std::string& data_dir,
                 std::vector<std::string> extra = {});
  /// SIGTERM, then waits; exit_code() tells how it ended.
  ~server_process();
  /// Sends SIGTERM and waits for the process; its exit code (or 128 + signal).
  int stop();
  void kill_hard();

  http_reply request(const std::string& method, const std::string& path, const std::string& token,
                     const std::string& body = "", std::map<std::string, std::string> headers = {});
  http_reply get(const std::string& path, const std::string& token) {
    return request("GET", path, token);
  }
  http_reply post(const std::string& path, const std::string& token, const std::string& body,
                  std::map<std::string, std::string> headers = {}) {
    headers.emplace("Content-Type", "application/json");
    return request("POST", path, token, body, std::move(headers));
  }
  /// Sends `bytes` as they are (any method, malformed on purpose) and reads until the server
  /// closes the connection.
  http_reply raw(const std::string& bytes);
  int port() const { return port_; }

 private:
  int pid_ = -1;
  int port_ = 0;
};

/// A connection to the server kept open by the test: a request sent in parts (a head now, its
/// body later), and what comes back read as it arrives.
class client_connection {
 public:
  explicit client_connection(int port);
  ~client_connection();
  client_connection(const client_connection&) = delete;
  client_connection& operator=(const client_connection&) = delete;
  void send(const std::string& bytes);
  /// Reads until `text` has arrived or the server closes; true if it arrived. Text read after
  /// it is kept for the next read.
  bool read_until(const std::string& text);
  /// Reads one reply (its head, and a body of its Content-Length).
  http_reply read_reply();

 private:
  int fd_ = -1;
  std::string in_;
};

/// A reply as the server wrote it: status line, headers, body (status 0 if there is none).
http_reply parse_reply(const std::string& raw);

/// A loopback port free now (bound and released), for a server that must come back on the
/// same port after a kill, where peers find it; outside the kernel's ephemeral range, so no
/// port-0 bind by another test takes it while that server is down.
int free_port();

/// A fresh temporary directory, removed at the end.
struct temp_dir {
  std::string path;
  temp_dir();
  ~temp_dir();
};

}  // namespace hotline::testing
