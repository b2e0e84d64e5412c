// Search bench: the listing's index (actors/index_keys.h, actors/ticket_search.h) with 1,000,000
// tickets stored. Writes every ticket's index keys straight into a RocksDB store (as the ticket
// actors would, one ticket's keys at a time, batched for speed), reopens it, then times a page of
// 50 ids for each filter and some combinations: median and p99 over many runs with varied values,
// next to a bare 50-key prefix scan of the same store measured in the same run (one RocksDB
// iterator: Seek and 50 Next), and the ratio. Loading the 50 tickets' snapshots (runtime::list)
// is not counted: it is the same for every filter.
//
// The tickets: a year of a city's hotline (2,740 a day), 6 types, 20 regions and 50 topics
// (skewed: the first values are the most common), 600,000 callers, 40 departments (10% with a
// co-handler); registered more than 20 days ago: closed, declined or terminated; later: received,
// dispatched, handling or replied, some overdue, supervised or awaiting a decision.
//
// Usage: search_bench [--tickets N] [--runs R] [--dir DIR]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <random>

#include "actors/index_keys.h"
#include "actors/ticket_search.h"
#include "storage/rocksdb_store.h"
#include "workflow/decide.h"

using namespace hotline;
using namespace hotline::workflow;
namespace fs = std::filesystem;
using steady = std::chrono::steady_clock;

namespace {

const std::int64_t first_day = 1742054400;  // 2025-03-16T00:00:00+08:00
const std::int64_t day = 86400;
const int departments = 40, regions = 20, topics = 50;
const std::size_t callers = 600000;

std::unique_ptr<storage::store> open_store(const fs::path& dir) {
  std::string error;
  auto s = storage::open_rocksdb_store({dir.string(), false, 128, 16, 64}, error);
  if (!s) {
    std::fprintf(stderr, "%s\n", error.c_str());
    std::exit(1);
  }
  return s;
}

// A skewed pick in [0, n): value k about twice as likely as value 2k.
int skewed(std::mt19937_64& rng, int n) {
  std::uniform_real_distribution<double> u(0, std::log(n + 1.0));
  return std::min(n - 1, static_cast<int>(std::exp(u(rng))) - 1);
}

std::string phone_of(std::size_t caller) {
  return std::to_string(13800000000ULL + caller);
}

ticket_state make_ticket(std::size_t i, std::size_t n, std::mt19937_64& rng) {
  ticket_state s;
  char id[40];
  std::int64_t created = first_day + static_cast<std::int64_t>(i * 365 * day / n);
  date d = local_date({created});
  std::snprintf(id, sizeof id, "bench-%04d%02d%02d-%06zu", d.year, d.month, d.day, i % 1000000);
  s.id = id;
  s.version = 1;
  s.created_at = {created};
  const ticket_type types[] = {ticket_type::consultation, ticket_type::complaint,
                               ticket_type::help,         ticket_type::report,
                               ticket_type::suggestion,   ticket_type::praise};
  s.type = types[skewed(rng, 6)];
  s.region = "region-" + std::to_string(skewed(rng, regions));
  s.topic = "topic-" + std::to_string(skewed(rng, topics));
  s.caller = citizen{"caller", phone_of(rng() % callers)};
  s.confidential = rng() % 20 == 0;
  std::uniform_int_distribution<int> pct(0, 99);
  const bool recent = created > first_day + 345 * day;
  const std::int64_t at_work = created + 2 * day;
  if (!recent) {
    int p = pct(rng);
    s.current = p < 95 ? status::closed : p < 98 ? status::declined : status::terminated;
  } else {
    int p = pct(rng);
    s.current = p < 10   ? status::received
                : p < 25 ? status::dispatched
                : p < 75 ? status::handling
                : p < 95 ? status::replied
                         : status::closed;
    s.dispatch_deadline.due = instant{created + day};
    s.sign_deadline.due = instant{created + day + 3600};
    s.handle_deadline.due = instant{at_work + 10 * day};
    s.contacted = pct(rng) < 70;
    s.contact_deadline.due = instant{created + 2 * day};
    s.overdue = pct(rng) < 15;
  }
  if (s.current != status::received && s.current != status::declined) {
    s.lead = "dept-" + std::to_string(skewed(rng, departments));
    if (pct(rng) < 10) s.co.emplace_back("dept-" + std::to_string(rng() % departments));
  }
  if (pct(rng) < 6)
    s.supervision = pct(rng) < 80 ? supervision_level::written : supervision_level::on_site;
  if (s.current == status::handling && pct(rng) < 3)
    s.extension_request = pending_extension{5, "bench", {at_work}};
  if (s.current == status::dispatched && pct(rng) < 5)
    s.return_request = pending_return{"bench", "", "", s.lead, {at_work}};
  return s;
}

void fill(storage::store& db, std::size_t n) {
  std::mt19937_64 rng(42);
  storage::batch b;
  for (std::size_t i = 0; i < n; ++i) {
    for (auto& [key, value] : actors::index_keys(make_ticket(i, n, rng)))
      b.push_back({storage::family::indexes, key, std::move(value)});
    if (b.size() > 20000 || i + 1 == n) {
      if (auto e = db.commit_and_wait(std::move(b)); !e.empty()) {
        std::fprintf(stderr, "%s\n", e.c_str());
        std::exit(1);
      }
      b.clear();
    }
  }
}

struct figures {
  double median_us = 0, p99_us = 0;
  std::size_t last_page = 0;
};

figures time_runs(int runs, const std::function<std::size_t(int)>& once) {
  std::vector<double> us;
  std::size_t page = 0;
  for (int r = 0; r < runs; ++r) {
    auto t0 = steady::now();
    page = once(r);
    us.push_back(std::chrono::duration<double, std::micro>(steady::now() - t0).count());
  }
  std::sort(us.begin(), us.end());
  return {us[us.size() / 2], us[std::min(us.size() - 1, us.size() * 99 / 100)], page};
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t tickets = 1000000;
  int runs = 400;
  fs::path dir = fs::temp_directory_path() / ("hotline-search-bench-" + std::to_string(::getpid()));
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--tickets")) tickets = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--runs")) runs = std::stoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is measured
  fs::remove_all(dir);
  std::printf("search_bench: %zu tickets' index keys in RocksDB (%s)\n", tickets, dir.c_str());
  auto t0 = steady::now();
  {
    auto db = open_store(dir);
    fill(*db, tickets);
  }  // closed: memtables flushed, as after a restart
  auto db = open_store(dir);
  std::printf("  stored in %.1f s\n", std::chrono::duration<double>(steady::now() - t0).count());

  std::mt19937_64 rng(7);
  const std::int64_t last_day = first_day + 364 * day;
  auto query = [&](actors::ticket_query q, std::vector<std::string> holders = {}) {
    auto page = actors::search_tickets(*db, q, {std::move(holders), true});
    if (page.failed()) {
      std::fprintf(stderr, "%s\n", page.error().c_str());
      std::exit(1);
    }
    return page->ids.size();
  };
  auto dept = [&] { return "dept-" + std::to_string(skewed(rng, departments)); };
  auto region = [&] { return "region-" + std::to_string(skewed(rng, regions)); };
  auto topic = [&] { return "topic-" + std::to_string(skewed(rng, topics)); };
  auto today_end = instant{last_day + day};

  // The ceiling: 50 keys of the all-tickets list from a random ticket's position.
  auto baseline = time_runs(runs, [&](int) {
    std::string from =
        actors::list_prefix('a') + storage::time_key(first_day + rng() % (365 * day));
    std::size_t n = 0;
    db->scan(storage::family::indexes, from, "", [&](auto, auto) { return ++n < 50; });
    return n;
  });
  std::printf("  %-52s median %8.1f us  p99 %8.1f us\n", "baseline: bare 50-key prefix scan",
              baseline.median_us, baseline.p99_us);

  struct row {
    const char* name;
    int runs;
    std::function<std::size_t(int)> once;
  };
  using Q = actors::ticket_query;
  std::vector<row> rows{
      {"no filter", runs, [&](int) { return query(Q{}); }},
      {"phone", runs,
       [&](int) {
         Q q;
         q.phone = phone_of(rng() % callers);
         return query(q);
       }},
      {"region", runs,
       [&](int) {
         Q q;
         q.region = region();
         return query(q);
       }},
      {"topic", runs,
       [&](int) {
         Q q;
         q.topic = topic();
         return query(q);
       }},
      {"type=report", runs,
       [&](int) {
         Q q;
         q.type = ticket_type::report;
         return query(q);
       }},
      {"status=handling", runs,
       [&](int) {
         Q q;
         q.status = status::handling;
         return query(q);
       }},
      {"created_from/to: one day", runs,
       [&](int) {
         Q q;
         q.created_from = instant{first_day + static_cast<std::int64_t>(rng() % 365) * day};
         q.created_to = instant{q.created_from->seconds + day};
         return query(q);
       }},
      {"department", runs, [&](int) { return query(Q{}, {dept()}); }},
      {"sort=due", runs,
       [&](int) {
         Q q;
         q.order = actors::list_order::due;
         return query(q);
       }},
      {"department, sort=due (the inbox)", runs,
       [&](int) {
         Q q;
         q.order = actors::list_order::due;
         return query(q, {dept()});
       }},
      {"department, sort=due, due_before=end of today", runs,
       [&](int) {
         Q q;
         q.order = actors::list_order::due;
         q.due_before = today_end;
         return query(q, {dept()});
       }},
      {"due_before=end of today (created order)", runs,
       [&](int) {
         Q q;
         q.due_before = today_end;
         return query(q);
       }},
      {"department + status=handling", runs,
       [&](int) {
         Q q;
         q.status = status::handling;
         return query(q, {dept()});
       }},
      {"overdue + region", runs,
       [&](int) {
         Q q;
         q.overdue_only = true;
         q.region = region();
         return query(q);
       }},
      {"pending=extension", runs,
       [&](int) {
         Q q;
         q.pending = pending_kind::extension;
         return query(q);
       }},
      {"pending=extension, sort=due", runs,
       [&](int) {
         Q q;
         q.pending = pending_kind::extension;
         q.order = actors::list_order::due;
         return query(q);
       }},
      {"phone, sort=due", runs,
       [&](int) {
         Q q;
         q.phone = phone_of(rng() % callers);
         q.order = actors::list_order::due;
         return query(q);
       }},
      {"region + created: one week", runs,
       [&](int) {
         Q q;
         q.region = region();
         q.created_from = instant{first_day + static_cast<std::int64_t>(rng() % 358) * day};
         q.created_to = instant{q.created_from->seconds + 7 * day};
         return query(q);
       }},
      {"region + topic (a hot spot)", runs,
       [&](int) {
         Q q;
         q.region = region();
         q.topic = topic();
         return query(q);
       }},
      {"region + topic + type (common values, rare together)", runs / 4,
       [&](int) {
         Q q;
         q.region = "region-" + std::to_string(rng() % 3);
         q.topic = "topic-" + std::to_string(rng() % 3);
         q.type = ticket_type::report;
         return query(q);
       }},
      {"region + topic + type, sort=due", runs / 4,
       [&](int) {
         Q q;
         q.region = "region-" + std::to_string(rng() % 3);
         q.topic = "topic-" + std::to_string(rng() % 3);
         q.type = ticket_type::report;
         q.order = actors::list_order::due;
         return query(q);
       }},
  };
  for (const auto& r : rows) {
    auto f = time_runs(r.runs, r.once);
    std::printf("  %-52s median %8.1f us  p99 %8.1f us  %6.1fx baseline  (page %zu)\n", r.name,
                f.median_us, f.p99_us, f.median_us / baseline.median_us, f.last_page);
  }
  db.reset();
  fs::remove_all(dir);
}
