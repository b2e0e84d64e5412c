#include "http/access_log.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

namespace hotline::http {

access_log::access_log(const std::string& where) {
  if (where == "-") {
    out_ = stderr;
    return;
  }
  out_ = std::fopen(where.c_str(), "a");
  owned_ = out_ != nullptr;
  if (!out_) error_ = "cannot open the access log " + where + ": " + std::strerror(errno);
}

access_log::~access_log() {
  if (owned_) std::fclose(out_);
}

void access_log::write(const std::string& who, const std::string& method, const std::string& route,
                       int status, double seconds) {
  if (!out_) return;
  using namespace std::chrono;
  auto now = system_clock::now();
  auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count();
  std::time_t shanghai = static_cast<std::time_t>(ms / 1000) + 8 * 3600;  // no DST in China
  std::tm t{};
  gmtime_r(&shanghai, &t);
  char when[96];
  std::snprintf(when, sizeof when, "%04d-%02d-%02dT%02d:%02d:%02d.%03d+08:00", t.tm_year + 1900,
                t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec,
                static_cast<int>(ms % 1000));
  std::lock_guard<std::mutex> lock(mutex_);
  std::fprintf(out_, "%s %s %s %s %d %.4f\n", when, who.c_str(), method.c_str(), route.c_str(),
               status, seconds);
  std::fflush(out_);
}

}  // namespace hotline::http
