// Recovery on RocksDB: deadlines missed while down fire at start, in due order, exactly once;
// and a process killed with SIGKILL mid-burst loses nothing it acknowledged, and no timer.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <filesystem>
#include <map>
#include <set>

#include "actors/index_upgrade.h"
#include "actors/ticket_repository.h"
#include "storage/rocksdb_store.h"
#include "tests/support/runtime_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;
namespace fs = std::filesystem;

struct data_dir {
  fs::path path = fs::temp_directory_path() / ("hotline-recovery-" + std::to_string(::getpid()));
  data_dir() { fs::remove_all(path); }
  ~data_dir() { fs::remove_all(path); }
  std::unique_ptr<storage::store> open() {
    std::string error;
    auto s = storage::open_rocksdb_store({path.string()}, error);
    EXPECT_TRUE(s) << error;
    return s;
  }
};

std::size_t count(const std::vector<std::string>& names, const std::string& name) {
  return std::count(names.begin(), names.end(), name);
}

TEST(Recovery, DeadlinesMissedWhileDownFireAtStartInDueOrderExactlyOnce) {
  data_dir dir;
  std::string id;
  {
    auto db = dir.open();
    runtime_case r("mengcheng", "2026-03-16T09:00:00+08:00", *db);
    id = r.open();
    r.ok(id, dispatch_to("housing"), operator_role());
  }
  std::vector<std::string> missed = {"sign_overdue", "deemed_signed", "contact_overdue",
                                     "handle_overdue", "supervised"};
  {
    // Down from Monday 16 March to Wednesday 1 April: the sign, return and contact deadlines
    // (17 March) and the handling deadline (30 March) passed meanwhile.
    auto db = dir.open();
    runtime_case r("mengcheng", "2026-04-01T09:00:00+08:00", *db);
    auto history = r.rt->read(id)->history;
    ASSERT_EQ(history.size(), 2 + missed.size());
    for (std::size_t i = 0; i < missed.size(); ++i) {
      EXPECT_EQ(event_name(history[2 + i].body), missed[i]);                      // in due order
      EXPECT_EQ(format_instant(history[2 + i].at), "2026-04-01T09:00:00+08:00");  // at start
    }
    EXPECT_EQ(r.rt->stats().timers_fired, 4u);
  }
  auto db = dir.open();
  runtime_case r("mengcheng", "2026-04-02T09:00:00+08:00", *db);
  EXPECT_EQ(r.history(id).size(), 2 + missed.size());  // exactly once
  EXPECT_EQ(r.rt->stats().timers_fired, 0u);
}

// A Zhijiang ticket signed by housing, on `dir`, with the runtime stopped after it.
std::string signed_ticket_then_stop(data_dir& dir) {
  auto db = dir.open();
  runtime_case r("zhijiang", "2026-03-16T09:00:00+08:00", *db);
  std::string id = r.open();
  r.ok(id, dispatch_to("housing"), operator_role());
  r.ok(id, sign{}, department("housing"));
  return id;
}

TEST(Recovery, ATicketContinuesWhereItStoppedAfterARestart) {
  data_dir dir;
  std::string id = signed_ticket_then_stop(dir);
  auto db = dir.open();
  runtime_case r("zhijiang", "2026-03-16T10:00:00+08:00", *db);
  EXPECT_EQ(r.state(id).current, status::handling);
  r.ok(id, reply_with("已处理"), department("housing"));
  r.ok(id, satisfied(), operator_role());
  EXPECT_EQ(r.open(), "zhijiang-20260316-000002");  // ids go on from where they were
}

// A snapshot written by an older build (fields since appended to the state are missing) does not
// decode; the ticket is then rebuilt from its events, which are the record.
TEST(Recovery, ASnapshotFromAnOlderLayoutFallsBackToReplayingTheEvents) {
  data_dir dir;
  std::string id = signed_ticket_then_stop(dir);
  auto db = dir.open();
  actors::ticket_repository repo(*db);
  auto snapshot = db->get(storage::family::snapshots, id);
  ASSERT_TRUE(snapshot);
  std::string older =
      snapshot->substr(0, snapshot->size() - 2);  // no block_request, caller_blocked
  ASSERT_EQ(db->commit_and_wait({{storage::family::snapshots, id, older}}), "");
  auto loaded = repo.load(id);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->current, status::handling);
  EXPECT_EQ(loaded->version, replay(*repo.history(id)).version);
  runtime_case r("zhijiang", "2026-03-16T10:00:00+08:00", *db);
  r.ok(id, reply_with("已处理"), department("housing"));  // and it carries on
}

std::vector<std::string> listed(runtime_case& r, const actors::ticket_query& q) {
  auto page = r.rt->list(q, operator_role());
  EXPECT_TRUE(page);
  std::vector<std::string> ids;
  if (page)
    for (const auto& t : page->items) ids.push_back(t.id);
  return ids;
}

std::size_t open_under(runtime_case& r, const std::string& lead) {
  for (const auto& d : r.rt->stats().by_lead)
    if (d.department == lead) return d.open;
  return 0;
}

// A data directory written before the listing's indexes existed (index layout 1: status, holder,
// overdue keys in id order; no phone, region, topic, type, due or sort keys; the open-by-lead key
// missing for tickets older than it) is indexed once at start-up from the tickets' own states.
TEST(Recovery, ADataDirectoryFromBeforeTheListingIndexesIsIndexedOnceAtStartUp) {
  data_dir dir;
  std::string id = signed_ticket_then_stop(dir);
  const std::string sep(1, '\0');
  {
    // Back to what an older build left: only its keys, and no layout number.
    auto db = dir.open();
    storage::batch b;
    db->scan(storage::family::indexes, "", "", [&](std::string_view key, auto) {
      if (key[0] != 'c') b.push_back({storage::family::indexes, std::string(key), std::nullopt});
      return true;
    });
    for (std::string old : {"s" + sep + "handling" + sep + id, "h" + sep + "housing" + sep + id})
      b.push_back({storage::family::indexes, old, std::string()});
    b.push_back({storage::family::counters, actors::index_layout_key, std::nullopt});
    ASSERT_EQ(db->commit_and_wait(std::move(b)), "");
  }
  {
    auto db = dir.open();
    runtime_case r("zhijiang", "2026-03-16T10:00:00+08:00", *db);
    actors::ticket_query by_phone;
    by_phone.phone = "+86 13800000000";
    EXPECT_EQ(listed(r, by_phone), std::vector<std::string>{id});
    actors::ticket_query inbox;
    inbox.department = "housing";
    inbox.order = actors::list_order::due;
    inbox.status = status::handling;
    EXPECT_EQ(listed(r, inbox), std::vector<std::string>{id});
    EXPECT_EQ(open_under(r, "housing"), 1u);  // the figures by department count it again
    EXPECT_FALSE(db->get(storage::family::indexes, "s" + sep + "handling" + sep + id));
    // A key no ticket has, to see whether the next start-up indexes again.
    ASSERT_EQ(db->commit_and_wait({{storage::family::indexes, "zz", std::string()}}), "");
  }
  auto db = dir.open();
  runtime_case r("zhijiang", "2026-03-16T10:00:00+08:00", *db);
  EXPECT_TRUE(db->get(storage::family::indexes, "zz"));  // once: not indexed again
  r.ok(id, reply_with("已处理"), department("housing"));
  actors::ticket_query replied;
  replied.status = status::replied;
  EXPECT_EQ(listed(r, replied), std::vector<std::string>{id});
}

// The child prints one "ack <id> <version>" per durable command.
std::vector<std::pair<std::string, std::uint64_t>> run_and_kill(const fs::path& dir,
                                                                int acks_before_kill) {
  int out[2];
  EXPECT_EQ(::pipe(out), 0);
  pid_t test_pid = ::getpid();
  pid_t child = ::fork();
  if (child == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlives the test (it shares CTest's stderr)
    if (::getppid() != test_pid) ::_exit(127);
    ::dup2(out[1], 1);
    ::close(out[0]);
    ::execl(HOTLINE_CRASH_CHILD, HOTLINE_CRASH_CHILD, dir.c_str(), HOTLINE_SCENARIOS_DIR, "3000",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  FILE* in = ::fdopen(out[0], "r");
  std::vector<std::pair<std::string, std::uint64_t>> acks;
  char line[256];
  bool killed = false;
  while (std::fgets(line, sizeof line, in)) {
    char id[128];
    unsigned long long version = 0;
    if (std::sscanf(line, "ack %127s %llu", id, &version) == 2) acks.emplace_back(id, version);
    if (!killed && static_cast<int>(acks.size()) >= acks_before_kill) {
      ::kill(child, SIGKILL);  // mid-burst: hundreds of commands still in flight
      killed = true;
    }
  }
  std::fclose(in);
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the child was not killed";
  return acks;
}

TEST(Recovery, AProcessKilledMidBurstLosesNothingItAcknowledgedAndNoTimer) {
  data_dir dir;
  auto acks = run_and_kill(dir.path, 400);
  ASSERT_GE(acks.size(), 400u);

  auto db = dir.open();
  actors::ticket_repository repo(*db);
  std::map<std::string, std::uint64_t> acknowledged;
  for (auto& [id, v] : acks) acknowledged[id] = std::max(acknowledged[id], v);
  for (auto& [id, v] : acknowledged) {
    auto s = repo.load(id);
    ASSERT_TRUE(s) << "acknowledged ticket lost: " << id;
    EXPECT_GE(s->version, v) << id;
  }
  // Every stored ticket's armed deadlines are exactly its entries in the due index.
  std::set<std::string> due_index, armed;
  auto entries = repo.due_until(at("2030-01-01T00:00:00+08:00"), 1u << 20);
  ASSERT_FALSE(entries.failed()) << entries.error();
  for (auto& e : *entries)
    due_index.insert(e.ticket + "/" + std::string(name_of(e.kind)) + "/" + format_instant(e.due));
  std::vector<std::string> dispatched;
  db->scan(storage::family::snapshots, "", "", [&](std::string_view id, std::string_view) {
    auto s = repo.load(std::string(id));
    for (auto& d : deadlines(*s))
      armed.insert(s->id + "/" + std::string(name_of(d.kind)) + "/" + format_instant(d.due));
    if (s->current == status::dispatched) dispatched.push_back(s->id);
    return true;
  });
  EXPECT_EQ(due_index, armed);
  ASSERT_FALSE(dispatched.empty());

  // Back up on the same directory: every dispatched ticket's sign deadline fires once, and a
  // second restart fires nothing again.
  {
    runtime_case r("heyuan", "2026-03-16T09:00:00+08:00", *db);
    r.advance("2026-03-18T09:00:00+08:00");
    for (const auto& id : dispatched) ASSERT_EQ(count(r.history(id), "sign_overdue"), 1u) << id;
  }
  runtime_case r("heyuan", "2026-03-19T09:00:00+08:00", *db);
  for (const auto& id : dispatched) ASSERT_EQ(count(r.history(id), "sign_overdue"), 1u) << id;
}

}  // namespace
}  // namespace hotline::testing
