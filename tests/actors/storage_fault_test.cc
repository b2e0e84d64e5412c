// When storage fails, nothing acknowledged is lost and nothing half-written is shown: a failed
// write or sync fails its commands and every later one, and the tickets it touched are shown
// (stored and live) as they were; a failed read is "unavailable", never "no such ticket"; a
// record that cannot be decoded fails the read and is counted for operators.
#include <gtest/gtest.h>

#include <future>

#include "storage/memory_store.h"
#include "tests/support/runtime_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using kind = actors::command_outcome::kind;
constexpr std::chrono::seconds settled{10};

using fault = std::atomic<std::uint64_t> storage::memory_faults::*;
class FailedWrite : public ::testing::TestWithParam<std::pair<const char*, fault>> {};

TEST_P(FailedWrite, LosesNothingAcknowledgedAndShowsNothingHalfWritten) {
  storage::memory_faults faults;
  auto db = storage::open_memory_store(&faults);
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00", *db);
  std::vector<std::string> ids;
  for (int i = 0; i < 40; ++i) ids.push_back(r.open());
  ASSERT_TRUE(r.rt->quiesce(settled));
  // Twenty dispatches at once, then twenty more whose first engine write fails, and with it the
  // store: whatever of them waits behind it, or comes later, fails too.
  std::vector<std::future<actors::command_outcome>> outcomes;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i == ids.size() / 2) {
      for (auto& o : outcomes) o.wait();
      faults.*GetParam().second = 1;
    }
    auto p = std::make_shared<std::promise<actors::command_outcome>>();
    outcomes.push_back(p->get_future());
    r.rt->act(ids[i], dispatch_to("housing"), operator_role(),
              actors::reply_to([p](actors::command_outcome o) { p->set_value(std::move(o)); }));
  }
  std::size_t done = 0, failed = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto o = outcomes[i].get();
    ASSERT_TRUE(o.what == kind::done || o.what == kind::unavailable) << describe_outcome(o);
    ASSERT_TRUE(r.rt->quiesce(settled));  // failed tickets restart from storage
    auto stored = r.rt->read(ids[i]);
    ASSERT_TRUE(stored) << stored.error();
    auto live = r.rt->inspect(ids[i]);
    ASSERT_TRUE(live.state);
    // Acknowledged: durable. Not acknowledged: not there, in storage or in the live actor.
    status expected = o.what == kind::done ? status::dispatched : status::received;
    EXPECT_EQ(stored->state.current, expected) << ids[i];
    EXPECT_EQ(live.state->current, expected) << ids[i];
    EXPECT_EQ(stored->history.size(), o.what == kind::done ? 2u : 1u) << ids[i];
    (o.what == kind::done ? done : failed) += 1;
  }
  EXPECT_EQ(done, 20u);
  EXPECT_EQ(failed, 20u);
  // The store is failed: nothing more is acknowledged, and operators see why.
  EXPECT_EQ(r.act(ids[0], sign{}, department("housing")).what, kind::unavailable);
  EXPECT_EQ(r.submit(request()).what, kind::unavailable);
  EXPECT_NE(
      r.rt->stats().store.failure.find(std::string("injected failure of a ") + GetParam().first),
      std::string::npos)
      << r.rt->stats().store.failure;
}

INSTANTIATE_TEST_SUITE_P(Storage, FailedWrite,
                         ::testing::Values(std::pair{"write", &storage::memory_faults::write},
                                           std::pair{"sync", &storage::memory_faults::sync}),
                         [](const auto& p) { return std::string(p.param.first); });

TEST(FailedRead, APassiveTicketThatCannotBeReadIsUnavailableNotUnknown) {
  storage::memory_faults faults;
  auto db = storage::open_memory_store(&faults);
  actors::runtime_options capacity_one;
  capacity_one.max_live_tickets = 1;
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00", *db, capacity_one);
  std::string first = r.open();
  r.open();  // the first passivates
  ASSERT_TRUE(r.rt->quiesce(settled));
  ASSERT_FALSE(r.rt->inspect(first).alive);
  faults.read = 1;  // activation's read of the snapshot
  auto o = r.act(first, dispatch_to("housing"), operator_role());
  EXPECT_EQ(o.what, kind::unavailable) << describe_outcome(o);
  EXPECT_NE(o.error.find("injected failure of a read"), std::string::npos) << o.error;
  EXPECT_EQ(r.rt->stats().store.read_errors, 1u);
  // One read failed, not the ticket: it is there.
  r.ok(first, dispatch_to("housing"), operator_role());
}

// A runtime on a store whose faults the test arms, with one ticket dispatched to housing.
struct dispatched_on_a_faulty_store {
  storage::memory_faults faults;
  std::unique_ptr<storage::store> db = storage::open_memory_store(&faults);
  runtime_case r{"heyuan", "2026-03-16T08:30:00+08:00", *db};
  std::string id = r.open();
  dispatched_on_a_faulty_store() {
    r.ok(id, dispatch_to("housing"), operator_role());
    EXPECT_TRUE(r.rt->quiesce(settled));
  }
};

TEST(FailedRead, AnUnreadableDueIndexStopsTimeShortInsteadOfSkippingDeadlines) {
  dispatched_on_a_faulty_store c;
  auto& faults = c.faults;
  auto& r = c.r;
  const std::string& id = c.id;
  faults.read = 1;  // the timer's first look at the due index
  auto a = r.rt->advance(at("2026-03-17T17:30:00+08:00"));
  EXPECT_NE(a->error.find("injected failure of a scan"), std::string::npos) << a->error;
  EXPECT_EQ(format_instant(a->now), "2026-03-16T08:30:00+08:00");
  EXPECT_EQ(a->fired, 0u);
  // The next advance reads the index and fires the sign deadline it would have skipped.
  EXPECT_EQ(r.advance("2026-03-17T17:30:00+08:00"), 1u);
  EXPECT_EQ(r.history(id).back(), "sign_overdue");
}

// Every query the HTTP facade makes answers "unavailable" when a read or scan under it fails,
// never a shorter answer: a listing, the block list, a department's figures, a bulletin, a ticket.
TEST(FailedRead, EveryQueryIsUnavailableNotShort) {
  dispatched_on_a_faulty_store c;
  auto& faults = c.faults;
  auto& r = c.r;
  const std::string& id = c.id;
  const instant from = at("2026-03-01T00:00:00+08:00"), to = at("2026-04-01T00:00:00+08:00");
  auto why = [](const auto& answer) {  // why it was unavailable, or "" if it answered
    return answer.unavailable() ? *answer.unavailable() : std::string();
  };
  auto probes = std::vector<std::pair<const char*, std::function<std::string()>>>{
      {"list", [&] { return why(r.rt->list({}, operator_role())); }},
      {"blocked", [&] { return why(r.rt->blocked_callers(operator_role(), 10)); }},
      {"counts",
       [&] { return why(r.rt->department_counts("housing", from, to, operator_role())); }},
      {"report", [&] { return why(r.rt->report(report_period::month, from, operator_role())); }},
      {"get", [&] { return why(r.rt->get(id, operator_role())); }},
  };
  for (auto& [name, unavailable] : probes) {
    faults.read = 1;
    EXPECT_NE(unavailable().find("injected failure"), std::string::npos) << name;
    EXPECT_EQ(unavailable(), "") << name;  // the next read works
  }
  auto page = r.rt->list({}, operator_role());
  ASSERT_TRUE(page);
  EXPECT_EQ(page->items.size(), 1u);
}

// Start-up reads what recovery needs (the virtual time, counts, precedents, the window of
// submissions). If it cannot, the runtime refuses every change instead of working from a wrong
// picture, health shows why, and a restart that can read recovers.
TEST(FailedRead, AStartUpThatCannotRecoverRefusesEveryChange) {
  storage::memory_faults faults;
  auto db = storage::open_memory_store(&faults);
  std::string id;
  {
    runtime_case r("heyuan", "2026-03-16T08:30:00+08:00", *db);
    id = r.open();
  }
  {
    faults.read = 1;  // the first read at start-up
    runtime_case r("heyuan", "2026-03-16T08:30:00+08:00", *db);
    auto o = r.submit(request());
    EXPECT_EQ(o.what, kind::unavailable) << describe_outcome(o);
    EXPECT_EQ(r.act(id, dispatch_to("housing"), operator_role()).what, kind::unavailable);
    EXPECT_NE(r.rt->stats().store.failure.find("injected failure"), std::string::npos)
        << r.rt->stats().store.failure;
    EXPECT_EQ(r.state(id).current, status::received);
  }
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00", *db);
  r.ok(id, dispatch_to("housing"), operator_role());
  EXPECT_EQ(r.rt->stats().store.failure, "");
}

TEST(UndecodableRecord, FailsTheReadInsteadOfBeingSkippedAndOperatorsSeeIt) {
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00");
  std::string id = r.open();
  r.ok(id, dispatch_to("housing"), operator_role());
  ASSERT_TRUE(r.rt->quiesce(settled));
  // The dispatch's record (events from seq 2) in a format this version does not read.
  ASSERT_EQ(r.owned->commit_and_wait(
                {{storage::family::events, id + '\0' + storage::be64(2), "\xff not an event"}}),
            "");
  auto t = r.rt->read(id);
  EXPECT_FALSE(t);
  ASSERT_TRUE(t.failed());
  EXPECT_NE(t.error().find("event 2 cannot be decoded"), std::string::npos) << t.error();
  auto s = r.rt->stats().store;
  EXPECT_EQ(s.read_errors, 1u);
  EXPECT_EQ(s.last_read_error, t.error());
}

}  // namespace
}  // namespace hotline::testing
