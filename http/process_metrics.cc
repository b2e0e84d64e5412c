#include "http/process_metrics.h"

#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace hotline::http {

namespace {

// Seconds since the epoch at which the machine booted (/proc/stat's btime).
double boot_time() {
  std::ifstream in("/proc/stat");
  std::string key;
  double value = 0;
  while (in >> key) {
    if (key == "btime" && in >> value) return value;
    in.ignore(1 << 20, '\n');
  }
  return 0;
}

}  // namespace

process_figures read_process_figures() {
  process_figures p;
  std::ifstream stat("/proc/self/stat");
  std::string line;
  if (std::getline(stat, line)) {
    // The command name (field 2) may hold spaces: the fields after it start past its ')'.
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    std::string field[22];  // fields 3..24
    for (auto& f : field) rest >> f;
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    p.cpu_seconds = (std::stod(field[11]) + std::stod(field[12])) / ticks;  // utime, stime
    p.start_time_seconds = boot_time() + std::stod(field[19]) / ticks;      // starttime
    p.virtual_bytes = std::stoull(field[20]);                               // vsize
    p.resident_bytes = std::stoull(field[21]) * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  }
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator("/proc/self/fd", ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
    ++p.open_fds;
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0) p.max_fds = files.rlim_cur;
  return p;
}

}  // namespace hotline::http
