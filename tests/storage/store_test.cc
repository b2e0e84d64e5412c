// The storage contract, for both implementations: atomic batches, ordered scans, group commit,
// durability across reopening (RocksDB), and a locked directory refused.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <future>
#include <mutex>
#include <numeric>
#include <thread>

#include "storage/group_commit.h"
#include "storage/memory_store.h"
#include "storage/rocksdb_store.h"

namespace hotline::storage {
namespace {
namespace fs = std::filesystem;

struct temp_dir {
  fs::path path;
  temp_dir() {
    path = fs::temp_directory_path() /
           ("hotline-store-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
  }
  ~temp_dir() { fs::remove_all(path); }
  static inline int counter = 0;
};

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  temp_dir dir;
  std::unique_ptr<store> s = open();
  std::unique_ptr<store> open() {
    if (GetParam() == "memory") return open_memory_store();
    std::string error;
    auto st = open_rocksdb_store({dir.path.string()}, error);
    EXPECT_TRUE(st) << error;
    return st;
  }
  std::vector<std::string> keys(family f, std::string from = "", std::string to = "") {
    std::vector<std::string> out;
    s->scan(f, from, to, [&](std::string_view k, std::string_view) {
      out.emplace_back(k);
      return true;
    });
    return out;
  }
};

TEST_P(StoreTest, ABatchIsAppliedWholeAcrossFamilies) {
  ASSERT_EQ(
      s->commit_and_wait(
          {{family::events, "a", "1"}, {family::due, "d", "x"}, {family::snapshots, "a", "snap"}}),
      "");
  EXPECT_EQ(s->get(family::events, "a"), "1");
  EXPECT_EQ(s->get(family::due, "d"), "x");
  EXPECT_EQ(s->get(family::snapshots, "a"), "snap");
  EXPECT_FALSE(s->get(family::events, "d"));
  ASSERT_EQ(s->commit_and_wait({{family::due, "d", std::nullopt}, {family::events, "b", "2"}}), "");
  EXPECT_FALSE(s->get(family::due, "d"));
}

TEST_P(StoreTest, ScansAreOrderedAndBounded) {
  batch b;
  for (std::string k : {"t2", "t1", "t3", "u1"}) b.push_back({family::indexes, k, "v"});
  ASSERT_EQ(s->commit_and_wait(b), "");
  EXPECT_EQ(keys(family::indexes), (std::vector<std::string>{"t1", "t2", "t3", "u1"}));
  EXPECT_EQ(keys(family::indexes, "t2", "u"), (std::vector<std::string>{"t2", "t3"}));
  int seen = 0;
  s->scan(family::indexes, "", "", [&](auto, auto) { return ++seen < 2; });
  EXPECT_EQ(seen, 2);
}

TEST_P(StoreTest, ACursorSeeksForwardAndStopsAtItsBound) {
  batch b;
  for (std::string k : {"t2", "t1", "t3", "u1"}) b.push_back({family::indexes, k, "v"});
  ASSERT_EQ(s->commit_and_wait(b), "");
  auto c = s->open_cursor(family::indexes, "u");
  ASSERT_TRUE(c->seek("t15"));
  EXPECT_EQ(c->key(), "t2");
  ASSERT_TRUE(c->next());
  EXPECT_EQ(c->key(), "t3");
  EXPECT_FALSE(c->next());  // u1 is past the bound
  EXPECT_FALSE(c->seek("t4"));
  EXPECT_EQ(c->error(), "");
  auto unbounded = s->open_cursor(family::indexes, "");
  ASSERT_TRUE(unbounded->seek("t4"));
  EXPECT_EQ(unbounded->key(), "u1");
}

TEST_P(StoreTest, TimeKeysSortInTimeOrderAcrossTheEpoch) {
  ASSERT_EQ(s->commit_and_wait({{family::due, time_key(100), ""},
                                {family::due, time_key(-5), ""},
                                {family::due, time_key(7), ""}}),
            "");
  std::vector<std::int64_t> order;
  s->scan(family::due, "", "", [&](std::string_view k, auto) {
    order.push_back(read_time_key(k));
    return true;
  });
  EXPECT_EQ(order, (std::vector<std::int64_t>{-5, 7, 100}));
}

// Each thread writes its own keys and, every time, the same "last" key; the store must call back
// each thread's commits in the order they were made and keep the last value written.
TEST_P(StoreTest, ConcurrentCommitsAllBecomeDurableInTheOrderTheyWereMade) {
  constexpr int threads = 4, per_thread = 500;
  std::mutex mutex;
  std::vector<std::vector<int>> acknowledged(threads);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      std::vector<std::future<void>> waits;
      for (int i = 0; i < per_thread; ++i) {
        auto p = std::make_shared<std::promise<void>>();
        waits.push_back(p->get_future());
        std::string n = std::to_string(i);
        s->commit({{family::events, "k" + std::to_string(t) + "-" + n, "v"},
                   {family::counters, "last" + std::to_string(t), n}},
                  [&, t, i, p](const std::string& e) {
                    if (e.empty()) {
                      std::lock_guard<std::mutex> lock(mutex);
                      acknowledged[t].push_back(i);
                    }
                    p->set_value();
                  });
      }
      for (auto& w : waits) w.wait();
    });
  for (auto& t : pool) t.join();
  std::vector<int> in_order(per_thread);
  std::iota(in_order.begin(), in_order.end(), 0);
  for (int t = 0; t < threads; ++t) {
    EXPECT_EQ(acknowledged[t], in_order) << "thread " << t;
    EXPECT_EQ(s->get(family::counters, "last" + std::to_string(t)), std::to_string(per_thread - 1));
  }
  auto st = s->stats();
  EXPECT_EQ(st.batches, std::uint64_t{threads * per_thread});
  EXPECT_EQ(keys(family::events).size(), std::size_t{threads * per_thread});
  EXPECT_EQ(st.pending, 0u);
}

INSTANTIATE_TEST_SUITE_P(Both, StoreTest, ::testing::Values("memory", "rocksdb"));

// The first write is held until ten more commits wait behind it: those ten then share one write
// (and one sync), applied in the order they were made.
TEST(GroupCommit, CommitsThatWaitTogetherShareOneWrite) {
  std::promise<void> first_held, ten_waiting;
  auto gate = ten_waiting.get_future();
  std::vector<std::vector<std::string>> writes;  // the keys of each engine write, in order
  group_committer g(
      [&](const std::vector<batch*>& group) {
        if (writes.empty()) {
          first_held.set_value();
          gate.wait();
        }
        writes.emplace_back();
        for (const batch* b : group)
          for (const auto& op : *b) writes.back().push_back(op.key);
        return std::string();
      },
      true);
  std::vector<std::future<std::string>> done;
  auto commit = [&](const std::string& key) {
    auto p = std::make_shared<std::promise<std::string>>();
    done.push_back(p->get_future());
    g.submit({{family::events, key, "v"}}, [p](const std::string& e) { p->set_value(e); });
  };
  commit("first");
  first_held.get_future().wait();  // the writer holds it, at the gate
  std::vector<std::string> ten;
  for (int i = 0; i < 10; ++i) {
    ten.push_back("k" + std::to_string(i));
    commit(ten.back());
  }
  EXPECT_EQ(g.stats().pending, 11u);
  ten_waiting.set_value();
  for (auto& d : done) EXPECT_EQ(d.get(), "");
  EXPECT_EQ(writes, (std::vector<std::vector<std::string>>{{"first"}, ten}));
  auto st = g.stats();
  EXPECT_EQ(st.batches, 11u);
  EXPECT_EQ(st.writes, 2u);
  EXPECT_EQ(st.syncs, 2u);
}

TEST(GroupCommit, AfterAFailedWriteNothingIsAcknowledgedAndTheFailureIsReported) {
  std::atomic<int> writes{0};
  group_committer g(
      [&](const std::vector<batch*>&) { return ++writes == 1 ? std::string() : "disk full"; },
      true);
  auto commit = [&] {
    std::promise<std::string> done;
    auto result = done.get_future();
    g.submit({{family::events, "k", "v"}}, [&](const std::string& e) { done.set_value(e); });
    return result.get();
  };
  EXPECT_EQ(commit(), "");
  EXPECT_EQ(g.stats().failure, "");
  EXPECT_EQ(commit(), "storage failed: disk full");
  EXPECT_EQ(commit(), "storage failed: disk full");  // without another write
  EXPECT_EQ(writes, 2);
  EXPECT_EQ(g.stats().failure, "storage failed: disk full");
  EXPECT_EQ(g.stats().batches, 1u);
}

TEST(MemoryStore, AFailedReadIsAnErrorNotAnAbsentKey) {
  memory_faults faults;
  auto s = open_memory_store(&faults);
  ASSERT_EQ(s->commit_and_wait({{family::events, "k", "v"}}), "");
  faults.read = 1;
  auto r = s->read(family::events, "k");
  EXPECT_TRUE(r.failed());
  EXPECT_FALSE(r.value);
  EXPECT_EQ(s->read(family::events, "k").value, "v");  // the next read works
  EXPECT_FALSE(s->read(family::events, "absent").failed());
  faults.read = 1;
  EXPECT_EQ(s->scan(family::events, "", "", [](auto, auto) { return true; }),
            "injected failure of a scan");
  EXPECT_EQ(s->stats().read_errors, 2u);
  EXPECT_EQ(s->stats().last_read_error, "injected failure of a scan");
}

TEST(RocksdbStore, WhatWasAcknowledgedIsThereAfterReopening) {
  temp_dir dir;
  std::string error;
  auto s = open_rocksdb_store({dir.path.string()}, error);
  ASSERT_TRUE(s) << error;
  EXPECT_TRUE(s->durable());
  ASSERT_EQ(s->commit_and_wait({{family::events, "kept", "yes"}}), "");
  s.reset();
  s = open_rocksdb_store({dir.path.string()}, error);
  ASSERT_TRUE(s) << error;
  EXPECT_EQ(s->get(family::events, "kept"), "yes");
}

TEST(RocksdbStore, ALockedDataDirectoryIsRefused) {
  temp_dir dir;
  std::string error;
  auto first = open_rocksdb_store({dir.path.string()}, error);
  ASSERT_TRUE(first) << error;
  auto second = open_rocksdb_store({dir.path.string()}, error);
  EXPECT_FALSE(second);
  EXPECT_NE(error.find("lock"), std::string::npos) << error;
}

}  // namespace
}  // namespace hotline::storage
