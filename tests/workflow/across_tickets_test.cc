// The rules that look across tickets, as pure functions (workflow/across_tickets.h).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/ticket_case.h"
#include "workflow/across_tickets.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr std::int64_t week = 7 * 86400;

// 001 art. 21(6): "5人次以上集中反映" — five callers on one matter make a hot spot; each of
// their tickets is supervised once, and a sixth caller joins it.
TEST(AcrossTickets, Seed001Art21_6_FiveCallersInTheWindowMakeAHotSpot) {
  hot_spot spot;
  for (int i = 1; i <= 4; ++i) {
    spot.add(at("2026-03-16T09:00:00+08:00"), "T-" + std::to_string(i));
    EXPECT_THAT(spot.to_supervise(at("2026-03-16T09:00:00+08:00"), week, 5), IsEmpty());
  }
  spot.add(at("2026-03-17T09:00:00+08:00"), "T-4");  // the same ticket again: not a new caller
  EXPECT_THAT(spot.to_supervise(at("2026-03-17T09:00:00+08:00"), week, 5), IsEmpty());
  spot.add(at("2026-03-18T09:00:00+08:00"), "T-5");
  EXPECT_THAT(spot.to_supervise(at("2026-03-18T09:00:00+08:00"), week, 5),
              ElementsAre("T-1", "T-2", "T-3", "T-4", "T-5"));
  EXPECT_TRUE(spot.newly_hot());
  spot.add(at("2026-03-19T09:00:00+08:00"), "T-6");
  EXPECT_THAT(spot.to_supervise(at("2026-03-19T09:00:00+08:00"), week, 5), ElementsAre("T-6"));
  EXPECT_FALSE(spot.newly_hot());
}

TEST(AcrossTickets, CallsOlderThanTheWindowDoNotCount) {
  hot_spot spot;
  for (int i = 1; i <= 4; ++i) spot.add(at("2026-03-02T09:00:00+08:00"), "T-" + std::to_string(i));
  spot.add(at("2026-03-16T09:00:00+08:00"), "T-5");
  EXPECT_THAT(spot.to_supervise(at("2026-03-16T09:00:00+08:00"), week, 5), IsEmpty());
  EXPECT_EQ(hot_spot_key("water", ""), "");  // no region: no hot spot
}

// 000 art. 20: the same caller, whatever the phone's punctuation or China's +86.
TEST(AcrossTickets, Seed000Art20_PhonesAreComparedByTheirDigits) {
  EXPECT_EQ(same_caller_key("+86 138-0000-0000"), "13800000000");
  EXPECT_EQ(same_caller_key("138 0000 0000"), "13800000000");
  EXPECT_EQ(same_caller_key("0558-7123456"), "05587123456");
  EXPECT_EQ(same_caller_key("none"), "");
}

// 001 art. 10(4): the count of calls; 002 art. 11(8): in hand or answered; 004 art. 14: redone
// under supervision or rework and closed by the office.
TEST(AcrossTickets, WhatAnEarlierCallTellsTheCenter) {
  ticket_case earlier{"heyuan"};
  earlier.submit(request(), "2026-03-16T08:40:00+08:00", 1);
  auto f = facts_from_related(earlier.state());
  EXPECT_EQ(f.repeat_count, 2);
  EXPECT_FALSE(f.related_handled);
  EXPECT_FALSE(f.prior_reworked);
  earlier.ok(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", operator_role());
  EXPECT_TRUE(facts_from_related(earlier.state()).related_handled);
  earlier.ok(sign{}, "2026-03-16T10:00:00+08:00", department("housing"));
  earlier.ok(reply_with("已处理"), "2026-03-17T10:00:00+08:00", department("housing"));
  earlier.ok(dissatisfied("有异议"), "2026-03-18T10:00:00+08:00", operator_role());
  earlier.ok(reply_with("已重办"), "2026-03-19T10:00:00+08:00", department("housing"));
  EXPECT_FALSE(facts_from_related(earlier.state()).prior_reworked);  // not yet confirmed
  earlier.ok(satisfied(), "2026-03-20T10:00:00+08:00", operator_role());
  EXPECT_TRUE(facts_from_related(earlier.state()).prior_reworked);
}

// 002 art. 16(4): a lead fixed for a kind of problem by a joint dispatch is followed next time.
TEST(AcrossTickets, Seed002Art16_4_AJointDispatchFixesTheRoutingPrecedent) {
  ticket_case t{"zhijiang"};
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", operator_role());
  EXPECT_FALSE(precedent_set(t.state(), t.log(), t.where().rules));
  ticket_case joint{"zhijiang"};
  joint.submit(request(), "2026-03-16T08:40:00+08:00");
  joint.ok(dispatch_to("housing", {"waterworks"}), "2026-03-16T09:00:00+08:00", operator_role());
  EXPECT_EQ(precedent_set(joint.state(), joint.log(), joint.where().rules), "housing");
  ticket_case elsewhere{"mengcheng"};  // 001 keeps no precedents
  elsewhere.submit(request(), "2026-03-16T08:40:00+08:00");
  elsewhere.ok(dispatch_to("housing", {"market"}), "2026-03-16T09:00:00+08:00", operator_role());
  EXPECT_FALSE(precedent_set(elsewhere.state(), elsewhere.log(), elsewhere.where().rules));
}

}  // namespace
}  // namespace hotline::testing
