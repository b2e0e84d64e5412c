// Actor scale: N open tickets with armed timers on durable RocksDB storage, under the virtual
// clock. Prints resident memory per open ticket, creation time, a timer storm (N deadlines due
// at one instant: time until all are handled and durable) and recovery time, next to the bare
// RocksDB ceiling measured in the same run (synced group-committed writes of the same volume).
//
// Two storms (--storm):
//   dispatched (default)  Heyuan tickets dispatched across its departments on one day: their sign
//                         deadlines all fall at 17:30 the next working day (Civil Code counting).
//   received              Yao'an tickets not yet forwarded: their dispatch deadlines fall at one
//                         instant, and the center's single actor owns them all (the worst case).
//
// Usage: actor_scale [--tickets N] [--max-live M] [--storm dispatched|received] [--scenarios DIR]
#include <malloc.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <random>
#include <thread>
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>  // under callgrind: the ceiling's and the storm's instructions
#else
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(name)
#endif

#include "actors/runtime.h"
#include "apps/scenario/load_scenario.h"
#include "storage/rocksdb_store.h"

using namespace hotline;
using namespace hotline::workflow;
namespace fs = std::filesystem;
using steady = std::chrono::steady_clock;

namespace {

double seconds_since(steady::time_point t) {
  return std::chrono::duration<double>(steady::now() - t).count();
}

std::size_t rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

std::unique_ptr<storage::store> open_store(const fs::path& dir) {
  std::string error;
  auto s = storage::open_rocksdb_store({dir.string(), true, 64, 16, 48}, error);
  if (!s) {
    std::fprintf(stderr, "%s\n", error.c_str());
    std::exit(1);
  }
  return s;
}

// Runs `n` asynchronous jobs with at most `window` in flight; `job(i, done)` must call done().
void pump(std::size_t n, std::size_t window,
          const std::function<void(std::size_t, std::function<void()>)>& job) {
  std::atomic<std::size_t> in_flight{0}, finished{0};
  for (std::size_t i = 0; i < n; ++i) {
    while (in_flight >= window) std::this_thread::yield();
    ++in_flight;
    job(i, [&] {
      --in_flight;
      ++finished;
    });
  }
  while (finished < n) std::this_thread::yield();
}

// The ceiling: as many synced, group-committed batches of a command's shape (its events, the
// snapshot, a due-index entry, an index entry) straight into RocksDB, with no actor in between.
double rocksdb_ceiling(const fs::path& dir, std::size_t n) {
  auto db = open_store(dir);
  std::string events(250, 'e'), snapshot(650, 's');
  auto t0 = steady::now();
  pump(n, 512, [&](std::size_t i, std::function<void()> done) {
    std::string id = "ticket-" + std::to_string(i);
    db->commit({{storage::family::events, id + "/1", events},
                {storage::family::snapshots, id, snapshot},
                {storage::family::due, storage::time_key(1773800000 + i % 7) + id, ""},
                {storage::family::indexes, "s/received/" + id, ""}},
               [done](const std::string&) { done(); });
  });
  return n / seconds_since(t0);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t tickets = 100000, max_live = 5000;
  std::string scenarios = HOTLINE_SCENARIOS_DIR, storm_kind = "dispatched";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--tickets")) tickets = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--max-live")) max_live = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--storm")) storm_kind = argv[i + 1];
    if (!std::strcmp(argv[i], "--scenarios")) scenarios = argv[i + 1];
  }
  const bool dispatched_storm = storm_kind == "dispatched";
  auto where = scenario::load_scenario(scenarios + (dispatched_storm ? "/heyuan" : "/yaoan-water"));
  if (!where) {
    std::fprintf(stderr, "%s\n", where.error().message.c_str());
    return 1;
  }
  fs::path root = fs::temp_directory_path() / ("hotline-actor-scale-" + std::to_string(::getpid()));
  fs::remove_all(root);
  std::printf(
      "actor_scale: %zu open tickets with armed timers (%s), durable RocksDB, virtual "
      "clock, max %zu live ticket actors\n",
      tickets,
      dispatched_storm ? "heyuan, dispatched across departments: sign deadlines"
                       : "yaoan-water, not yet forwarded: dispatch deadlines",
      max_live);

  CALLGRIND_ZERO_STATS;
  double ceiling = rocksdb_ceiling(root / "ceiling", tickets);
  CALLGRIND_DUMP_STATS_AT("ceiling");
  std::printf(
      "  baseline  bare RocksDB, synced group commit of %zu command-shaped batches "
      "(4 keys): %.0f batches/s\n",
      tickets, ceiling);
  fs::remove_all(root / "ceiling");

  actors::runtime_options o;
  o.where = &where.value();
  o.virtual_time = true;
  o.start = *parse_instant("2026-03-16T09:00:00+08:00");
  o.max_live_tickets = max_live;
  o.max_in_flight = 1u << 30;
  std::vector<std::string> ids(tickets);
  {
    auto db = open_store(root / "data");
    o.db = db.get();
    actors::runtime rt(o);
    ::malloc_trim(0);
    std::size_t rss0 = rss_bytes();
    auto t0 = steady::now();
    pump(tickets, 512, [&](std::size_t i, std::function<void()> done) {
      intake r;
      r.type = ticket_type::complaint;
      r.title = "停水";
      r.content = "小区停水，请尽快处理。";
      rt.submit(
          r, {role::operator_, "", "bench"},
          actors::reply_to([&, i, done](actors::command_outcome out) {
            if (!out.ticket) return done();
            ids[i] = out.ticket->id;
            if (!dispatched_storm) return done();
            const auto& units = where.value().departments.all();
            rt.act(
                ids[i],
                dispatch{units[i % units.size()].id, {}, std::nullopt, std::nullopt, std::nullopt},
                {role::operator_, "", "bench"},
                actors::reply_to([done](actors::command_outcome) { done(); }));
          }));
    });
    double create = seconds_since(t0);
    rt.quiesce(std::chrono::seconds(60));
    for (int i = 0; i < 200 && rt.stats().live_tickets > max_live; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::size_t rss_raw = rss_bytes();
    ::malloc_trim(0);
    std::size_t rss1 = rss_bytes();
    const double commands = double(tickets) * (dispatched_storm ? 2 : 1);
    std::printf(
        "  create    %zu tickets (%.0f commands) in %.2f s: %.0f commands/s (%.2f x the "
        "RocksDB ceiling)\n",
        tickets, commands, create, commands / create, commands / create / ceiling);
    std::printf(
        "  memory    %.0f bytes resident per open ticket (%.0f before malloc_trim); "
        "%zu ticket actors live\n",
        double(rss1 - rss0) / tickets, double(rss_raw - rss0) / tickets, rt.stats().live_tickets);

    auto t1 = steady::now();
    CALLGRIND_ZERO_STATS;
    auto fired = rt.advance(*parse_instant("2026-03-17T17:30:00+08:00"));
    CALLGRIND_DUMP_STATS_AT("storm");
    double storm = seconds_since(t1);
    std::printf(
        "  storm     %zu deadlines due at one instant handled and durable in %.3f s "
        "(%.0f/s, %.2f x the RocksDB ceiling)\n",
        fired->fired, storm, fired->fired / storm, fired->fired / storm / ceiling);
  }

  // Recovery: on first touch (lazy) against loading every open ticket (eager).
  auto t2 = steady::now();
  auto db = open_store(root / "data");
  double opened = seconds_since(t2);
  o.db = db.get();
  o.start = *parse_instant("2026-03-17T18:00:00+08:00");
  actors::runtime rt(o);
  double started = seconds_since(t2);
  std::mt19937 pick(42);
  std::string probe = ids[pick() % tickets];
  std::promise<actors::command_outcome> served;
  command touch =
      dispatched_storm
          ? command{supervise{"bench", std::nullopt}}
          : command{dispatch{
                "water-supply", {}, std::nullopt, std::nullopt, signature{"杨书记", "副书记"}}};
  rt.act(probe, touch, {dispatched_storm ? role::supervisor : role::operator_, "", "bench"},
         actors::reply_to([&](actors::command_outcome out) { served.set_value(out); }));
  bool ok = served.get_future().get().what == actors::command_outcome::kind::done;
  double serving = seconds_since(t2);
  std::printf(
      "  recovery  lazy: serving after %.3f s (RocksDB open %.3f s, runtime up %.3f s, first "
      "command %s)\n",
      serving, opened, started - opened, ok ? "durable" : "FAILED");
  auto t3 = steady::now();
  std::size_t loaded = 0;
  db->scan(storage::family::snapshots, "", "", [&](std::string_view id, std::string_view) {
    loaded += static_cast<bool>(rt.state(std::string(id)));
    return true;
  });
  std::printf("  recovery  eager alternative: loading all %zu tickets' states takes %.3f s\n",
              loaded, seconds_since(t3));
  fs::remove_all(root);
  return ok ? 0 : 1;
}
