#pragma once
// Request counters and latency histograms per route and status, rendered with the runtime's own
// figures in Prometheus text exposition format.

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "actors/runtime.h"
#include "http/process_metrics.h"
#include "workflow/calendar.h"

namespace hotline::http {

class metrics {
 public:
  /// Records one request of `route` (its pattern, e.g. /api/v1/tickets/{id}) that took `seconds`.
  void observe(const std::string& method, const std::string& route, int status, double seconds);
  /// The exposition (it passes `promtool check metrics`): requests, latency, tickets by status
  /// and by lead department, timers, lateness, mailboxes, storage, the process, the build,
  /// the days left before the calendar's data ends (alert on it well before it reaches 0) and
  /// before its official years end (past them deadlines are provisional).
  std::string render(const actors::runtime_stats& rt,
                     const std::vector<actors::actor_info>& mailboxes,
                     const workflow::calendar_horizon& calendar,
                     const process_figures& process) const;

 private:
  static constexpr std::array<double, 11> bounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                 0.1,   0.25,   0.5,   1,    5};
  struct histogram {
    std::array<std::uint64_t, bounds.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::pair<std::string, std::string>, histogram> latency_;
};

}  // namespace hotline::http
