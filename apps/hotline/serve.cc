#include "apps/hotline/serve.h"

#include <pthread.h>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "actors/runtime.h"
#include "apps/hotline/data_paths.h"
#include "apps/scenario/load_calendars.h"
#include "apps/scenario/load_scenario.h"
#include "apps/scenario/policy_versions.h"
#include "http/api.h"
#include "http/civet_server.h"
#include "http/peer_client.h"
#include "storage/rocksdb_store.h"

namespace hotline::app {
using namespace workflow;

namespace {

int fail(const std::string& message) {
  std::fprintf(stderr, "hotline serve: %s\n", message.c_str());
  return 2;
}

// The calendar from the scenario's files as they are when asked, with the years operators loaded
// over them (PUT /admin/calendars/{year}).
actors::calendar_builder calendar_files(business_hours hours, std::string scenario_dir) {
  return [hours = std::move(hours), dir = std::move(scenario_dir)](
             const std::map<int, std::string>& loaded) -> result<working_calendar> {
    std::vector<year_calendar> years;
    for (const auto& [year, json] : loaded) {
      auto y = scenario::read_official_year(json, year);
      if (!y) return y.error();
      years.push_back(std::move(y).value());
    }
    return scenario::load_calendar(hours, scenario::national_calendars_dir(dir), dir, years);
  };
}

// Every policy version from the scenario's files as they are when asked, with the versions
// operators loaded after them (PUT /admin/policy).
actors::policy_builder policy_files(std::string scenario_dir) {
  return [dir = std::move(scenario_dir)](
             const std::vector<std::string>& loaded) -> result<std::vector<policy>> {
    auto set = scenario::load_policy_versions(dir, loaded);
    if (!set) return set.error();
    return std::move(set).value().policies;
  };
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

void add_serve_flags(CLI::App& c, serve_options& o) {
  o.scenario = data_path("scenarios") + "/mengcheng";
  c.add_option("--scenario", o.scenario, "jurisdiction folder under scenarios/")
      ->capture_default_str();
  c.add_option("--data-dir", o.data_dir, "RocksDB directory; created if missing, else recovered")
      ->capture_default_str();
  c.add_option("--listen", o.listen, "HOST:PORT to bind; port 0 picks one")->capture_default_str();
  c.add_option("--tokens", o.tokens, "bearer tokens file (without it: development tokens)");
  c.add_option("--clock", o.clock, "real, or virtual (moved by POST /admin/clock)")
      ->check(CLI::IsMember({"real", "virtual"}))
      ->capture_default_str();
  c.add_option("--start", o.start, "the virtual clock's first instant, RFC 3339 (default: now)");
  c.add_option("--durability", o.durability, "sync, or relaxed (no fsync: says so)")
      ->check(CLI::IsMember({"sync", "relaxed"}))
      ->capture_default_str();
  c.add_option("--threads", o.threads, "requests worked on at once; past them: 503 overloaded")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  c.add_option("--connections", o.connections, "connections served at once (a thread each)")
      ->check(CLI::Range(1, 16384))
      ->capture_default_str();
  c.add_option("--max-body", o.max_body, "largest request body, bytes")
      ->check(CLI::Range(1024L, 1L << 30))
      ->capture_default_str();
  c.add_option("--max-live", o.max_live, "ticket actors kept in memory")
      ->check(CLI::Range(1L, 100000000L))
      ->capture_default_str();
  c.add_option("--max-in-flight", o.max_in_flight, "commands in the runtime before 503")
      ->check(CLI::Range(0L, 100000000L))
      ->capture_default_str();
  c.add_option("--peers", o.peers, "peer platforms and the SMS gateway: ids, URLs, tokens");
  c.add_option("--retry-max", o.retry_max, "longest wait between delivery attempts, seconds")
      ->check(CLI::Range(0.01, 86400.0))
      ->capture_default_str();
  c.add_option("--access-log", o.access_log,
               "one line a request (time, role, method, route, status, seconds): - for stderr, "
               "or a file appended to (default: none)");
}

int serve(const serve_options& f) {
  sigset_t signals = stop_signals();  // before any thread starts
  std::string error;
  auto where = scenario::load_scenario(f.scenario);
  if (!where) return fail(where.error().message);

  instant start{static_cast<std::int64_t>(std::time(nullptr))};
  if (!f.start.empty()) {
    auto t = parse_instant(f.start);
    if (!t) return fail("--start must be an RFC 3339 time, e.g. 2026-03-16T09:00:00+08:00");
    start = *t;
  }
  if (auto covered = scenario::check_covers(*where, start); !covered)
    return fail(covered.error().message);

  auto tokens = http::token_table::development(where->departments);
  if (!f.tokens.empty()) {
    auto loaded = http::token_table::load(f.tokens, where->departments);
    if (!loaded) return fail(loaded.error().message);
    tokens = std::move(loaded).value();
  } else {
    std::fprintf(stderr,
                 "WARNING: no --tokens file: development tokens are active (dev-operator, "
                 "dev-supervisor, dev-admin, dev-<department>). Never expose this server.\n");
  }

  // Peers act as role platform with their link's token; forward may send to them.
  std::unique_ptr<http::peer_client> carrier;
  bool sms = false;
  if (!f.peers.empty()) {
    auto peers = http::load_peers(f.peers);
    if (!peers) return fail(peers.error().message);
    for (const auto& p : peers->peers) {
      where.value().rules.platforms.push_back(p.id);
      for (auto& later : where.value().later) later.platforms.push_back(p.id);
      if (!tokens.add(p.token, {workflow::role::platform, p.id, p.id}))
        return fail(f.peers + ": the token of peer " + p.id + " is taken by another");
    }
    sms = peers->sms_gateway.has_value();
    where.value().rules.sms_surveys = sms;  // a survey goes out, and its expiry is armed
    if (sms && !tokens.add(peers->sms_gateway->token, {workflow::role::gateway, "", "sms_gateway"}))
      return fail(f.peers + ": the SMS gateway's token is taken by a peer");
    carrier = std::make_unique<http::peer_client>(std::move(peers).value());
  }

  storage::rocksdb_options db_options;
  db_options.dir = f.data_dir;
  db_options.sync = f.durability == "sync";
  auto db = storage::open_rocksdb_store(db_options, error);
  if (!db) return fail(error);
  if (!db_options.sync)
    std::fprintf(stderr,
                 "WARNING: --durability relaxed: an acknowledged change can be lost if "
                 "the machine crashes (the process may die safely).\n");

  actors::runtime_options o;
  o.where = &where.value();
  o.db = db.get();
  o.virtual_time = f.clock == "virtual";
  o.start = start;
  o.max_live_tickets = static_cast<std::size_t>(f.max_live);
  o.max_in_flight = static_cast<std::size_t>(f.max_in_flight);
  o.carrier = carrier.get();
  o.outgoing.sms = sms;
  o.retry_max = std::chrono::milliseconds(static_cast<long>(f.retry_max * 1000));
  o.retry_first = std::min(o.retry_first, o.retry_max);
  o.build_calendar = calendar_files(where->calendar.hours(), f.scenario);
  // The full-text index beside RocksDB's files: derived data, rebuilt when deleted.
  o.search_dir = (std::filesystem::path(f.data_dir) / "search").string();
  o.build_policies = policy_files(f.scenario);
  {
    actors::runtime rt(o);
    auto horizon = workflow::horizon_of(rt.where()->calendar, workflow::local_date(rt.now()));
    if (!horizon.warning.empty()) std::fprintf(stderr, "WARNING: %s\n", horizon.warning.c_str());
    std::unique_ptr<http::access_log> log;
    if (!f.access_log.empty()) {
      log = std::make_unique<http::access_log>(f.access_log);
      if (!log->error().empty()) return fail(log->error());
    }
    http::api api(rt, std::move(tokens), log.get());
    http::server_options so;
    so.listen = f.listen;
    so.connections = f.connections;
    so.working = static_cast<std::size_t>(f.threads);
    so.max_body = static_cast<std::size_t>(f.max_body);
    so.body_limit = [&api, max = so.max_body](const http::request& head) {
      return api.body_limit(head, max);
    };
    http::civet_server server(
        so, {[&api](const http::request& r) { return api.handle(r); },
             [&api](const http::request& r) { return api.overloaded(r); }, &http::api::never_shed});
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
