#include "http/metrics.h"

#include <sstream>

#include "workflow/enums.h"

namespace hotline::http {

void metrics::observe(const std::string& method, const std::string& route, int status,
                      double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{method, route, status}];
  auto& h = latency_[{method, route}];
  for (std::size_t i = 0; i < bounds.size(); ++i)
    if (seconds <= bounds[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

std::string metrics::render(const actors::runtime_stats& rt,
                            const std::vector<actors::actor_info>& mailboxes,
                            const workflow::calendar_horizon& calendar) const {
  std::ostringstream out;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    out << "# HELP hotline_http_requests_total HTTP requests by route and status.\n"
           "# TYPE hotline_http_requests_total counter\n";
    for (const auto& [k, n] : requests_)
      out << "hotline_http_requests_total{method=\"" << std::get<0>(k) << "\",route=\""
          << std::get<1>(k) << "\",status=\"" << std::get<2>(k) << "\"} " << n << "\n";
    out << "# HELP hotline_http_request_duration_seconds Time to answer a request.\n"
           "# TYPE hotline_http_request_duration_seconds histogram\n";
    for (const auto& [k, h] : latency_) {
      std::string labels = "method=\"" + k.first + "\",route=\"" + k.second + "\"";
      for (std::size_t i = 0; i < bounds.size(); ++i)
        out << "hotline_http_request_duration_seconds_bucket{" << labels << ",le=\"" << bounds[i]
            << "\"} " << h.buckets[i] << "\n";
      out << "hotline_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} "
          << h.count << "\n"
          << "hotline_http_request_duration_seconds_sum{" << labels << "} " << h.sum << "\n"
          << "hotline_http_request_duration_seconds_count{" << labels << "} " << h.count << "\n";
    }
  }
  out << "# HELP hotline_tickets Tickets by status.\n# TYPE hotline_tickets gauge\n";
  for (auto [s, n] : rt.by_status)
    out << "hotline_tickets{status=\"" << workflow::name_of(s) << "\"} " << n << "\n";
  out << "# HELP hotline_open_timers Armed deadlines in the due index.\n"
         "# TYPE hotline_open_timers gauge\nhotline_open_timers "
      << rt.armed_timers << "\n";
  // How late deadlines fire, cumulative as Prometheus buckets.
  const char* le[] = {"1", "10", "60", "600", "+Inf"};
  out << "# HELP hotline_timer_lateness_seconds How late deadlines fire.\n"
         "# TYPE hotline_timer_lateness_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < rt.lateness.size(); ++i) {
    cumulative += rt.lateness[i];
    out << "hotline_timer_lateness_seconds_bucket{le=\"" << le[i] << "\"} " << cumulative << "\n";
  }
  out << "hotline_timer_lateness_seconds_count " << cumulative << "\n";
  out << "# HELP hotline_actor_mailbox Messages waiting in a long-lived actor's mailbox.\n"
         "# TYPE hotline_actor_mailbox gauge\n";
  for (const auto& a : mailboxes)
    out << "hotline_actor_mailbox{kind=\"" << a.kind << "\",id=\"" << a.id << "\"} " << a.mailbox
        << "\n";
  out << "# TYPE hotline_live_ticket_actors gauge\nhotline_live_ticket_actors " << rt.live_tickets
      << "\n# TYPE hotline_commands_in_flight gauge\nhotline_commands_in_flight " << rt.in_flight
      << "\n# TYPE hotline_activations_total counter\nhotline_activations_total " << rt.activations
      << "\n# TYPE hotline_passivations_total counter\nhotline_passivations_total "
      << rt.passivations
      << "\n# TYPE hotline_actor_restarts_total counter\nhotline_actor_restarts_total "
      << rt.restarts << "\n# TYPE hotline_actor_kills_total counter\nhotline_actor_kills_total "
      << rt.kills << "\n# TYPE hotline_failed_tickets gauge\nhotline_failed_tickets "
      << rt.failed_tickets
      << "\n# TYPE hotline_timers_fired_total counter\nhotline_timers_fired_total "
      << rt.timers_fired << "\n# HELP hotline_storage_batches_total Commands made durable.\n"
      << "# TYPE hotline_storage_batches_total counter\nhotline_storage_batches_total "
      << rt.store.batches << "\n# HELP hotline_storage_writes_total Grouped RocksDB writes.\n"
      << "# TYPE hotline_storage_writes_total counter\nhotline_storage_writes_total "
      << rt.store.writes << "\n# HELP hotline_storage_syncs_total Synced RocksDB writes.\n"
      << "# TYPE hotline_storage_syncs_total counter\nhotline_storage_syncs_total "
      << rt.store.syncs << "\n# TYPE hotline_storage_pending gauge\nhotline_storage_pending "
      << rt.store.pending << "\n"
      << "# HELP hotline_storage_failed 1 once a write has failed: every change is refused.\n"
      << "# TYPE hotline_storage_failed gauge\nhotline_storage_failed "
      << (rt.store.failure.empty() ? 0 : 1) << "\n"
      << "# HELP hotline_calendar_days_left Days until the working-time calendar's data ends.\n"
      << "# TYPE hotline_calendar_days_left gauge\nhotline_calendar_days_left "
      << calendar.days_left << "\n"
      << "# HELP hotline_calendar_official_days_left Days until the official holiday "
         "arrangements end; past them deadlines count the holiday law's statutory holidays "
         "(provisional).\n"
      << "# TYPE hotline_calendar_official_days_left gauge\nhotline_calendar_official_days_left "
      << calendar.official_days_left << "\n";
  return out.str();
}

}  // namespace hotline::http
