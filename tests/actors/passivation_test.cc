// Idle tickets are passivated: their timers wait in the due index and a message or a due
// deadline brings them back. A crashed ticket actor comes back from storage.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/runtime_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using ::testing::Contains;

actors::runtime_options small(std::size_t max_live) {
  actors::runtime_options o;
  o.max_live_tickets = max_live;
  return o;
}

// Passivations, activations and restarts under way count as work in flight: quiesce() returns
// once they are done.
constexpr std::chrono::seconds settled{10};

TEST(Passivation, OverCapacityTicketsPassivateAndComeBackOnTheNextMessage) {
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00", small(5));
  std::vector<std::string> ids;
  for (int i = 0; i < 30; ++i) {
    ids.push_back(r.open());
    r.ok(ids.back(), dispatch_to("housing"), operator_role());
  }
  ASSERT_TRUE(r.rt->quiesce(settled));
  EXPECT_LE(r.rt->stats().live_tickets, 5u);
  EXPECT_GE(r.rt->stats().passivations, 25u);
  EXPECT_FALSE(r.rt->inspect(ids[0]).alive);
  // A message brings the first one back, with its state.
  r.ok(ids[0], sign{}, department("housing"));
  EXPECT_EQ(r.state(ids[0]).current, status::handling);
}

TEST(Passivation, DueDeadlinesBringPassiveTicketsBack) {
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00", small(3));
  std::vector<std::string> ids;
  for (int i = 0; i < 20; ++i) {
    ids.push_back(r.open());
    r.ok(ids.back(), dispatch_to("housing"), operator_role());
  }
  EXPECT_EQ(r.advance("2026-03-17T17:30:00+08:00"), 20u);
  for (const auto& id : ids) EXPECT_THAT(r.history(id), Contains("sign_overdue")) << id;
}

TEST(Supervision, ACrashedTicketActorComesBackFromStorageWithItsStateAndTimers) {
  runtime_case r("mengcheng", "2026-03-16T08:30:00+08:00");
  std::string id = r.open();
  r.ok(id, dispatch_to("housing"), operator_role());
  auto before = r.rt->inspect(id);
  ASSERT_TRUE(before.alive);
  ASSERT_TRUE(r.rt->kill_ticket_actor(id, true));
  ASSERT_TRUE(r.rt->quiesce(settled));
  auto after = r.rt->inspect(id);
  EXPECT_TRUE(after.alive);
  EXPECT_EQ(after.restarts, 1);
  EXPECT_EQ(fingerprint(*after.state), fingerprint(*before.state));
  EXPECT_EQ(after.timers, before.timers);
  EXPECT_EQ(after.supervisor, "department:housing");
  EXPECT_EQ(r.rt->stats().restarts, 1u);
  r.ok(id, sign{signed_by("局长")}, department("housing"));
}

// Crashes the ticket's actor once more than `limit` allows, each after it was brought back.
void crash_past_the_limit(runtime_case& r, const std::string& id, int limit) {
  for (int crashes = 0; crashes <= limit; ++crashes) {
    ASSERT_TRUE(r.rt->quiesce(settled));
    auto info = r.rt->inspect(id);
    ASSERT_TRUE(info.alive) << crashes;
    ASSERT_EQ(info.restarts, crashes);
    ASSERT_TRUE(r.rt->kill_ticket_actor(id, /*as_crash=*/true));
  }
  ASSERT_TRUE(r.rt->quiesce(settled));
}

TEST(Supervision, TooManyCrashesParkTheTicketAsFailed) {
  actors::runtime_options o;
  o.restart_limit = 2;
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00", o);
  std::string id = r.open();
  // A new ticket has no actor until its first command (the center commits the submission); a
  // refused one brings it up under the center all the same.
  EXPECT_FALSE(r.rt->inspect(id).alive);
  EXPECT_EQ(r.act(id, evaluate{}, operator_role()).what, actors::command_outcome::kind::refused);
  ASSERT_NO_FATAL_FAILURE(crash_past_the_limit(r, id, o.restart_limit));
  EXPECT_TRUE(r.rt->inspect(id).failed);
  EXPECT_EQ(r.rt->stats().failed_tickets, 1u);
  auto o2 = r.act(id, dispatch_to("housing"), operator_role());
  EXPECT_EQ(o2.what, actors::command_outcome::kind::unavailable);
  EXPECT_NE(o2.error.find("parked"), std::string::npos);
}

// A ticket led by a department, crashed past the limit and parked, runs again once an operator
// un-parks it.
TEST(Supervision, AnOperatorUnparksAParkedTicket) {
  actors::runtime_options o;
  o.restart_limit = 1;
  runtime_case r("mengcheng", "2026-03-16T08:30:00+08:00", o);
  std::string id = r.open();
  r.ok(id, dispatch_to("housing"), operator_role());
  EXPECT_FALSE(r.rt->unpark_ticket(id));  // not parked
  ASSERT_NO_FATAL_FAILURE(crash_past_the_limit(r, id, o.restart_limit));
  ASSERT_TRUE(r.rt->inspect(id).failed);
  EXPECT_TRUE(r.rt->unpark_ticket(id));
  EXPECT_EQ(r.rt->stats().failed_tickets, 0u);
  r.ok(id, sign{signed_by("局长")}, department("housing"));
  EXPECT_FALSE(r.rt->inspect(id).failed);
}

TEST(Supervision, AnOperatorsKillsAreCountedApartAndNeverParkTheTicket) {
  actors::runtime_options o;
  o.restart_limit = 1;
  runtime_case r("mengcheng", "2026-03-16T08:30:00+08:00", o);
  std::string id = r.open();
  r.ok(id, dispatch_to("housing"), operator_role());
  for (std::size_t kills = 0; kills <= 3; ++kills) {
    ASSERT_TRUE(r.rt->quiesce(settled));
    ASSERT_TRUE(r.rt->inspect(id).alive) << kills;
    ASSERT_EQ(r.rt->stats().kills, kills);
    ASSERT_TRUE(r.rt->kill_ticket_actor(id));
  }
  ASSERT_TRUE(r.rt->quiesce(settled));
  ASSERT_TRUE(r.rt->inspect(id).alive);
  EXPECT_EQ(r.rt->stats().kills, 4u);
  EXPECT_FALSE(r.rt->inspect(id).failed);
  EXPECT_EQ(r.rt->stats().restarts, 0u);
  r.ok(id, sign{signed_by("局长")}, department("housing"));
}

}  // namespace
}  // namespace hotline::testing
