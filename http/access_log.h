#pragma once
// The access log (`hotline serve --access-log`): one line a request, written whole under a
// lock so lines from different threads never interleave:
//   2026-03-16T09:00:00.123+08:00 operator:alice POST /api/v1/tickets/{id}/dispatch 200 0.0042
// wall time (Asia/Shanghai), who (role:label, or - without a valid token), method, route
// pattern (ids left out), status, seconds taken.

#include <cstdio>
#include <mutex>
#include <string>

namespace hotline::http {

class access_log {
 public:
  /// "-" is stderr; otherwise the file is opened for appending. error() says why it is not.
  explicit access_log(const std::string& where);
  ~access_log();
  access_log(const access_log&) = delete;
  access_log& operator=(const access_log&) = delete;
  const std::string& error() const { return error_; }
  void write(const std::string& who, const std::string& method, const std::string& route,
             int status, double seconds);

 private:
  std::FILE* out_ = nullptr;
  bool owned_ = false;
  std::string error_;
  std::mutex mutex_;
};

}  // namespace hotline::http
