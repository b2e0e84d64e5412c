#include "http/metrics.h"

#include <cstdio>
#include <sstream>

#include "workflow/enums.h"

namespace hotline::http {

namespace {

// The # HELP and # TYPE lines of a metric family.
void family(std::ostream& out, const char* name, const char* type, const char* help) {
  out << "# HELP " << name << " " << help << "\n# TYPE " << name << " " << type << "\n";
}

// A sample value: whole numbers as such, others with enough digits.
std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf,
                v == static_cast<double>(static_cast<long long>(v)) ? "%.0f" : "%.6f", v);
  return buf;
}

// A label value: the center (no lead yet) has none of its own.
std::string label(const std::string& department) {
  return department.empty() ? "center" : department;
}

struct single {
  const char* name;
  const char* type;
  const char* help;
  double value;
};

}  // namespace

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
                            const workflow::calendar_horizon& calendar,
                            const process_figures& process) const {
  std::ostringstream out;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    family(out, "hotline_http_requests_total", "counter", "HTTP requests by route and status.");
    for (const auto& [k, n] : requests_)
      out << "hotline_http_requests_total{method=\"" << std::get<0>(k) << "\",route=\""
          << std::get<1>(k) << "\",status=\"" << std::get<2>(k) << "\"} " << n << "\n";
    family(out, "hotline_http_request_duration_seconds", "histogram",
           "Time to answer a request, seconds.");
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
  family(out, "hotline_tickets", "gauge", "Tickets by status.");
  for (auto [s, n] : rt.by_status)
    out << "hotline_tickets{status=\"" << workflow::name_of(s) << "\"} " << n << "\n";
  family(out, "hotline_department_open_tickets", "gauge",
         "Open tickets by lead department (center: not yet dispatched).");
  for (const auto& d : rt.by_lead)
    out << "hotline_department_open_tickets{department=\"" << label(d.department) << "\"} "
        << d.open << "\n";
  family(out, "hotline_department_overdue_tickets", "gauge",
         "Open tickets past a deadline, by lead department.");
  for (const auto& d : rt.by_lead)
    out << "hotline_department_overdue_tickets{department=\"" << label(d.department) << "\"} "
        << d.overdue << "\n";
  // How late deadlines fire, cumulative as Prometheus buckets.
  const char* le[] = {"1", "10", "60", "600", "+Inf"};
  family(out, "hotline_timer_lateness_seconds", "histogram", "How late deadlines fire.");
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < rt.lateness.size(); ++i) {
    cumulative += rt.lateness[i];
    out << "hotline_timer_lateness_seconds_bucket{le=\"" << le[i] << "\"} " << cumulative << "\n";
  }
  out << "hotline_timer_lateness_seconds_sum " << rt.lateness_seconds << "\n"
      << "hotline_timer_lateness_seconds_count " << cumulative << "\n";
  family(out, "hotline_actor_mailbox", "gauge",
         "Messages waiting in a long-lived actor's mailbox.");
  for (const auto& a : mailboxes)
    out << "hotline_actor_mailbox{kind=\"" << a.kind << "\",id=\"" << a.id << "\"} " << a.mailbox
        << "\n";
  const double fail = rt.store.failure.empty() ? 0 : 1;
  using workflow::seconds_per_day;
  for (const auto& [name, type, help, value] : std::vector<single>{
           {"hotline_open_timers", "gauge", "Armed deadlines in the due index.",
            double(rt.armed_timers)},
           {"hotline_live_ticket_actors", "gauge", "Ticket actors in memory.",
            double(rt.live_tickets)},
           {"hotline_commands_in_flight", "gauge", "Commands inside the runtime.",
            double(rt.in_flight)},
           {"hotline_activations_total", "counter", "Ticket actors brought back from storage.",
            double(rt.activations)},
           {"hotline_passivations_total", "counter", "Ticket actors passivated to storage.",
            double(rt.passivations)},
           {"hotline_actor_restarts_total", "counter", "Ticket actors restarted after a crash.",
            double(rt.restarts)},
           {"hotline_actor_kills_total", "counter", "Ticket actors killed on purpose by an admin.",
            double(rt.kills)},
           {"hotline_failed_tickets", "gauge",
            "Tickets parked after repeated crashes (POST /admin/actors/ticket/{id}/unpark).",
            double(rt.failed_tickets)},
           {"hotline_timers_fired_total", "counter", "Deadlines fired.", double(rt.timers_fired)},
           {"hotline_storage_batches_total", "counter", "Commands made durable.",
            double(rt.store.batches)},
           {"hotline_storage_writes_total", "counter", "Grouped RocksDB writes.",
            double(rt.store.writes)},
           {"hotline_storage_syncs_total", "counter", "Synced RocksDB writes.",
            double(rt.store.syncs)},
           {"hotline_storage_pending", "gauge", "Batches waiting for the next write.",
            double(rt.store.pending)},
           {"hotline_storage_failed", "gauge",
            "1 once a write has failed: every change is refused.", fail},
           // Whole days, in seconds (Prometheus's base unit): alert well before they reach 0.
           {"hotline_calendar_remaining_seconds", "gauge",
            "Time until the working-time calendar's data ends, in whole days.",
            double(calendar.days_left * seconds_per_day)},
           {"hotline_calendar_official_remaining_seconds", "gauge",
            "Time until the official holiday arrangements end, in whole days; past them "
            "deadlines count the holiday law's statutory holidays (provisional).",
            double(calendar.official_days_left * seconds_per_day)},
           {"process_cpu_seconds_total", "counter", "User and system CPU time spent, seconds.",
            process.cpu_seconds},
           {"process_resident_memory_bytes", "gauge", "Resident memory size, bytes.",
            double(process.resident_bytes)},
           {"process_virtual_memory_bytes", "gauge", "Virtual memory size, bytes.",
            double(process.virtual_bytes)},
           {"process_open_fds", "gauge", "Open file descriptors.", double(process.open_fds)},
           {"process_max_fds", "gauge", "The limit on open file descriptors.",
            double(process.max_fds)},
           {"process_start_time_seconds", "gauge",
            "Start time of the process since the Unix epoch, seconds.",
            process.start_time_seconds}}) {
    family(out, name, type, help);
    out << name << " " << number(value) << "\n";
  }
  family(out, "hotline_build_info", "gauge",
         "The build: version, build type and compiler; always 1.");
  out << "hotline_build_info{version=\"" << HOTLINE_VERSION << "\",build_type=\""
      << HOTLINE_BUILD_TYPE << "\",compiler=\"" << HOTLINE_COMPILER << "\"} 1\n";
  return out.str();
}

}  // namespace hotline::http
