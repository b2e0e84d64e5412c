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

/// A loopback port free now (bound and released), for a server that must come back on the
/// same port after a kill, where peers find it.
int free_port();

/// A fresh temporary directory, removed at the end.
struct temp_dir {
  std::string path;
  temp_dir();
  ~temp_dir();
};

}  // namespace hotline::testing
