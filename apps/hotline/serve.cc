#include "apps/hotline/serve.h"

#include <pthread.h>
#include <csignal>
#include <cstdio>

#include "actors/runtime.h"
#include "apps/hotline/flags.h"
#include "apps/scenario/load_scenario.h"
#include "http/api.h"
#include "http/civet_server.h"
#include "storage/rocksdb_store.h"

namespace hotline::app {
using namespace workflow;

namespace {

int fail(const std::string& message) {
  std::fprintf(stderr, "hotline serve: %s\n", message.c_str());
  return 2;
}

// Blocks SIGTERM and SIGINT in every thread, so that only sigwait() sees them.
sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

}  // namespace

int serve(int argc, char** argv) {
  sigset_t signals = stop_signals();  // before any thread starts
  std::string error;
  flags f(argc, argv, 2,
          {"scenario", "data-dir", "listen", "tokens", "clock", "start", "durability", "threads",
           "connections", "max-body", "max-live", "max-in-flight"},
          error);
  if (!error.empty()) return fail(error);

  auto where = scenario::load_scenario(f.get_or("scenario", HOTLINE_DEFAULT_SCENARIO));
  if (!where) return fail(where.error().message);

  std::string clock = f.get_or("clock", "real");
  if (clock != "real" && clock != "virtual") return fail("--clock must be real or virtual");
  instant start{static_cast<std::int64_t>(std::time(nullptr))};
  if (auto s = f.get("start")) {
    auto t = parse_instant(*s);
    if (!t) return fail("--start must be an RFC 3339 time, e.g. 2026-03-16T09:00:00+08:00");
    start = *t;
  }
  if (auto covered = scenario::check_covers(*where, start); !covered)
    return fail(covered.error().message);

  std::string durability = f.get_or("durability", "sync");
  if (durability != "sync" && durability != "relaxed")
    return fail("--durability must be sync or relaxed");
  long threads = std::atol(f.get_or("threads", "64").c_str());
  long connections = std::atol(f.get_or("connections", "1024").c_str());
  long max_body = std::atol(f.get_or("max-body", "1048576").c_str());
  long max_live = std::atol(f.get_or("max-live", "20000").c_str());
  long max_in_flight = std::atol(f.get_or("max-in-flight", "20000").c_str());
  if (threads < 1 || threads > 1024) return fail("--threads must be 1..1024");
  if (connections < 1 || connections > 16384) return fail("--connections must be 1..16384");
  if (max_body < 1024) return fail("--max-body must be at least 1024 bytes");
  if (max_live < 1) return fail("--max-live must be at least 1");
  if (max_in_flight < 0) return fail("--max-in-flight must be at least 0");

  auto tokens = http::token_table::development(where->departments);
  if (auto file = f.get("tokens")) {
    auto loaded = http::token_table::load(*file, where->departments);
    if (!loaded) return fail(loaded.error().message);
    tokens = std::move(loaded).value();
  } else {
    std::fprintf(stderr,
                 "WARNING: no --tokens file: development tokens are active (dev-operator, "
                 "dev-supervisor, dev-admin, dev-<department>). Never expose this server.\n");
  }

  storage::rocksdb_options db_options;
  db_options.dir = f.get_or("data-dir", "./data");
  db_options.sync = durability == "sync";
  auto db = storage::open_rocksdb_store(db_options, error);
  if (!db) return fail(error);
  if (!db_options.sync)
    std::fprintf(stderr,
                 "WARNING: --durability relaxed: an acknowledged change can be lost if "
                 "the machine crashes (the process may die safely).\n");

  actors::runtime_options o;
  o.where = &where.value();
  o.db = db.get();
  o.virtual_time = clock == "virtual";
  o.start = start;
  o.max_live_tickets = static_cast<std::size_t>(max_live);
  o.max_in_flight = static_cast<std::size_t>(max_in_flight);
  {
    actors::runtime rt(o);
    auto horizon = workflow::horizon_of(where->calendar, workflow::local_date(rt.now()));
    if (!horizon.warning.empty()) std::fprintf(stderr, "WARNING: %s\n", horizon.warning.c_str());
    http::api api(rt, std::move(tokens), static_cast<std::size_t>(threads));
    http::server_options so;
    so.listen = f.get_or("listen", "127.0.0.1:8080");
    so.connections = static_cast<int>(connections);
    so.max_body = static_cast<std::size_t>(max_body);
    http::civet_server server(so, [&api](const http::request& r) { return api.handle(r); });
    if (auto e = server.start(); !e.empty()) return fail(e);
    std::printf("listening on %s\n", server.bound().c_str());
    std::fflush(stdout);
    int received = 0;
    sigwait(&signals, &received);
    std::fprintf(stderr, "hotline serve: %s: draining\n",
                 received == SIGTERM ? "SIGTERM" : "SIGINT");
    server.stop();  // stop accepting, let running requests finish
  }                 // the runtime drains in-flight commands; then the store flushes
  db.reset();
  return 0;
}

}  // namespace hotline::app
