#include "apps/hotline/simulate.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "actors/codec.h"
#include "apps/hotline/flags.h"
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

// FNV-1a over every event of every ticket, in id order: equal digests, equal runs.
std::uint64_t digest(const actors::runtime& rt) {
  std::uint64_t h = 1469598103934665603ULL;
  rt.repository().db().scan(
      storage::family::snapshots, "", "", [&](std::string_view id, std::string_view) {
        auto history = rt.repository().history(std::string(id));
        for (char c : history ? actors::encode(*history) : "unreadable: " + history.error()) {
          h ^= static_cast<unsigned char>(c);
          h *= 1099511628211ULL;
        }
        return true;
      });
  return h;
}

}  // namespace

int simulate(int argc, char** argv) {
  std::string error;
  flags f(argc, argv, 2,
          {"scenario", "load", "days", "seed", "out", "start", "data-dir", "tickets-per-day",
           "resolution-minutes", "durability", "digest"},
          error);
  if (!error.empty()) return fail(error);
  for (const char* required : {"scenario", "load", "out"})
    if (!f.get(required)) return fail(std::string("--") + required + " is required");
  auto where = scenario::load_scenario(*f.get("scenario"));
  if (!where) return fail(where.error().message);
  auto model = simulate::load_model_file(*f.get("load"));
  if (!model) return fail(model.error().message);

  simulate::sim_options o;
  auto start = parse_instant(f.get_or("start", "2026-03-02T00:00:00+08:00"));
  if (!start) return fail("--start must be an RFC 3339 time");
  o.start = local_instant(local_date(*start), 0);
  o.days = std::atoi(f.get_or("days", "30").c_str());
  o.seed = std::strtoull(f.get_or("seed", "1").c_str(), nullptr, 10);
  o.tickets_per_day = std::atof(f.get_or("tickets-per-day", "0").c_str());
  o.resolution_minutes = std::atoi(f.get_or("resolution-minutes", "1").c_str());
  o.progress = true;
  if (o.days < 1 || o.days > 366) return fail("--days must be 1..366");
  if (o.resolution_minutes < 1 || o.resolution_minutes > 60)
    return fail("--resolution-minutes must be 1..60");
  date first = local_date(o.start);
  auto through = where->calendar.covered_through(first);
  if (!through || *through < add_days(first, o.days))
    return fail("the scenario has no calendar for " +
                std::to_string(through ? through->year + 1 : first.year));

  std::string out = *f.get("out");
  storage::rocksdb_options db;
  db.dir = f.get_or("data-dir", (std::filesystem::path(out) / "data").string());
  if (std::filesystem::exists(db.dir))
    return fail(db.dir + " exists: a simulation starts from empty storage");
  db.sync = f.get_or("durability", "sync") == "sync";
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
  std::printf("bulletins      %zu files in %s\n", files.size(), out.c_str());
  if (f.get_or("digest", "no") == "yes")
    std::printf("digest         %016llx\n", static_cast<unsigned long long>(digest(rt)));
  if (!figures.settled)
    return fail(
        "the runtime did not go quiet within a minute at some instant: this run may "
        "differ from another with the same seed");
  return 0;
}

}  // namespace hotline::app
