#pragma once
// The process figures Prometheus client libraries export under their standard names
// (process_cpu_seconds_total, process_resident_memory_bytes, …), read from /proc.

#include <cstddef>

namespace hotline::http {

struct process_figures {
  double cpu_seconds = 0;         // user + system
  double start_time_seconds = 0;  // since the Unix epoch
  std::size_t resident_bytes = 0;
  std::size_t virtual_bytes = 0;
  std::size_t open_fds = 0;
  std::size_t max_fds = 0;
};

/// This process's figures now; a figure /proc does not give stays 0.
process_figures read_process_figures();

}  // namespace hotline::http
