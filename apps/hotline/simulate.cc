#include "apps/hotline/simulate.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "actors/codec.h"
#include "apps/scenario/load_scenario.h"
#include "apps/simulate/bulletin_files.h"
#include "apps/simulate/simulator.h"
#include "storage/rocksdb_store.h"

namespace hotline::app {
using namespace workflow;

namespace {

int fail(const std::string& message) {
  std::fprintf(stderr, "hotline simulate: %s\n", message.c_str());
  return 2;
}

long peak_rss_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return 0;
}

}  // namespace

void add_simulate_flags(CLI::App& c, simulate_options& f) {
  c.add_option("--scenario", f.scenario, "jurisdiction folder under scenarios/")->required();
  c.add_option("--load", f.load, "the load file: callers and departments")->required();
  c.add_option("--out", f.out, "folder for the bulletins")->required();
  c.add_option("--days", f.days, "days to simulate")
      ->check(CLI::Range(1, 366))
      ->capture_default_str();
  c.add_option("--seed", f.seed, "the same seed gives the same run")->capture_default_str();
  c.add_option("--start", f.start, "the first day, RFC 3339")->capture_default_str();
  c.add_option("--data-dir", f.data_dir, "RocksDB directory, new (default: OUT/data)");
  c.add_option("--tickets-per-day", f.tickets_per_day, "override the load's daily volume (0: keep)")
      ->check(CLI::Range(0.0, 10000000.0))
      ->capture_default_str();
  c.add_option("--resolution-minutes", f.resolution_minutes, "virtual time step")
      ->check(CLI::Range(1, 60))
      ->capture_default_str();
  c.add_option("--durability", f.durability, "sync, or relaxed (no fsync)")
      ->check(CLI::IsMember({"sync", "relaxed"}))
      ->capture_default_str();
  c.add_option("--digest", f.digest, "yes: print a digest of every event")
      ->check(CLI::IsMember({"yes", "no"}))
      ->capture_default_str();
}

int simulate(const simulate_options& f) {
  std::string error;
  auto where = scenario::load_scenario(f.scenario);
  if (!where) return fail(where.error().message);
  auto model = simulate::load_model_file(f.load);
  if (!model) return fail(model.error().message);

  simulate::sim_options o;
  auto start = parse_instant(f.start);
  if (!start) return fail("--start must be an RFC 3339 time");
  o.start = local_instant(local_date(*start), 0);
  o.days = f.days;
  o.seed = f.seed;
  o.tickets_per_day = f.tickets_per_day;
  o.resolution_minutes = f.resolution_minutes;
  o.progress = isatty(STDERR_FILENO) == 1;  // a bar redrawn in place is noise in a log file
  date first = local_date(o.start);
  auto through = where->calendar.covered_through(first);
  if (!through || *through < add_days(first, o.days))
    return fail("the scenario has no calendar for " +
                std::to_string(through ? through->year + 1 : first.year));

  const std::string& out = f.out;
  storage::rocksdb_options db;
  db.dir = f.data_dir.empty() ? (std::filesystem::path(out) / "data").string() : f.data_dir;
  if (std::filesystem::exists(db.dir))
    return fail(db.dir + " exists: a simulation starts from empty storage");
  db.sync = f.durability == "sync";
  auto store = storage::open_rocksdb_store(db, error);
  if (!store) return fail(error);

  actors::runtime_options ro;
  ro.where = &where.value();
  ro.db = store.get();
  ro.virtual_time = true;
  ro.start = o.start;
  ro.max_in_flight = SIZE_MAX;
  actors::runtime rt(ro);
  std::fprintf(stderr, "simulating %s, %s, %d days from %s, seed %llu%s\n", where->rules.id.c_str(),
               model->name.c_str(), o.days, format_date(local_date(o.start)).c_str(),
               static_cast<unsigned long long>(o.seed), db.sync ? "" : " (durability relaxed)");
  auto figures = simulate::run_simulation(rt, *model, o);
  auto files = simulate::write_bulletins(rt, o.start, figures.end, out);
  if (!files) return fail("the bulletins: " + files.error());

  std::printf("tickets        %zu\n", figures.tickets);
  std::printf("commands       %zu (%zu refused, %zu tickets left unfinished by refusals)\n",
              figures.commands, figures.refused, figures.abandoned);
  for (const auto& [why, n] : figures.refusals) std::printf("  refused %zu x %s\n", n, why.c_str());
  std::printf("events         %zu (timers fired %zu)\n", figures.events, figures.timers_fired);
  std::printf("wall time      %.1f s for %d simulated days (%zu instants)\n", figures.seconds,
              o.days, figures.instants);
  std::printf("throughput     %.0f tickets/s, %.0f events/s, %.0f commands/s\n",
              figures.tickets / figures.seconds, figures.events / figures.seconds,
              figures.commands / figures.seconds);
  std::printf("peak memory    %.1f MiB resident\n", peak_rss_kb() / 1024.0);
  std::printf("bulletins      %zu files in %s\n", files->size(), out.c_str());
  if (f.digest == "yes") {
    auto d = rt.digest();
    if (!d) return fail("the digest cannot be computed: " + d.error());
    std::printf("digest         %016llx\n", static_cast<unsigned long long>(*d));
  }
  if (!figures.settled)
    return fail(
        "the runtime did not go quiet within a minute at some instant: this run may "
        "differ from another with the same seed");
  return 0;
}

}  // namespace hotline::app
