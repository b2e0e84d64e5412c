// Full lifecycles through the actors, under the virtual clock: each jurisdiction's sign, return,
// extension, overdue and automatic supervision, dissatisfaction and termination.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/runtime_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using ::testing::Contains;
using ::testing::ElementsAre;

TEST(ActorLifecycle, Mengcheng001DeemedAcceptanceExtensionOverdueReworkAndTermination) {
  runtime_case r("mengcheng", "2026-03-16T08:30:00+08:00");
  std::string first = r.open();
  EXPECT_EQ(first, "mengcheng-20260316-000001");
  r.ok(first, dispatch_to("housing"), operator_role());
  // Not returned within a working day: deemed accepted (001 art. 16), by the timer service.
  EXPECT_GE(r.advance("2026-03-17T17:30:00+08:00"), 2u);
  EXPECT_EQ(r.state(first).current, status::handling);
  EXPECT_THAT(r.history(first), Contains("deemed_signed"));
  // Extension past 10 working days in total needs the unit head (001 art. 19).
  auto refused = r.act(first, request_extension{3, "需协调", std::nullopt}, department("housing"));
  EXPECT_EQ(refused.refusal.level, sign_off_level::unit_head);
  r.ok(first, request_extension{3, "需协调", signed_by("局长")}, department("housing"));
  r.ok(first, approve_extension{}, supervisor());
  EXPECT_EQ(format_instant(*r.state(first).handle_deadline.due), "2026-04-02T17:30:00+08:00");
  // Overdue: handle_overdue and automatic supervision (001 art. 21(2)).
  r.advance("2026-04-02T17:30:00+08:00");
  EXPECT_EQ(r.state(first).supervision, supervision_level::written);
  r.ok(first, reply_with("已处理", signed_by("局长")), department("housing"));
  EXPECT_THAT(r.ok(first, dissatisfied("不满意"), operator_role()),
              ElementsAre("evaluated", "rework_started"));

  // The same caller again: the center counts the call along related_to and the second call is
  // signed off by the hotline head (001 art. 10(4)); an unreasonable repeat is terminated (art.
  // 20).
  intake again = request();
  again.related_to = first;
  std::string second = r.open(again);
  EXPECT_EQ(r.state(second).repeat_count, 1);
  EXPECT_EQ(r.act(second, dispatch_to("housing"), operator_role()).refusal.level,
            sign_off_level::hotline_head);
  r.ok(second, dispatch_to("housing", {}, signed_by("王主任")), operator_role());
  r.ok(second, sign{signed_by("局长")}, department("housing"));
  r.ok(second, request_termination{"无理诉求", signed_by("局长")}, department("housing"));
  EXPECT_THAT(
      r.ok(second, approve_termination{"县长同意", signed_by("刘县长", "县长")}, supervisor()),
      ElementsAre("terminated", "archived"));
}

TEST(ActorLifecycle, Zhijiang002RefusedReturnTwoDissatisfactionsReviewAndPrecedent) {
  runtime_case r("zhijiang", "2026-03-16T08:30:00+08:00");
  std::string id = r.open();
  r.ok(id, dispatch_to("housing", {"waterworks"}), operator_role());
  EXPECT_EQ(format_instant(*r.state(id).sign_deadline.due), "2026-03-16T11:45:00+08:00");
  r.ok(id, return_ticket{"属供水公司", "", "waterworks"}, department("housing"));
  // Refused: the unit signs in the normal way (002 art. 17(1)).
  EXPECT_THAT(r.ok(id, reject_return{"应由住建局牵头"}, supervisor()),
              ElementsAre("return_rejected"));
  r.ok(id, sign{}, department("housing"));
  r.ok(id, co_report{"已检修管道"}, department("waterworks"));
  r.ok(id, reply_with("已恢复供水"), department("housing"));
  r.ok(id, dissatisfied("水压仍低", true), operator_role());
  r.ok(id, reply_with("已加压"), department("housing"));
  EXPECT_THAT(r.ok(id, dissatisfied("仍不满意", true), operator_role()),
              ElementsAre("evaluated", "review_started"));
  r.ok(id, review{true, "处理得当"}, supervisor());
  EXPECT_EQ(r.state(id).current, status::closed);
  // The lead fixed by that joint dispatch is proposed for the next call on the topic.
  EXPECT_EQ(r.state(r.open()).proposed_lead, "housing");
}

TEST(ActorLifecycle, Pingdingshan003AssignmentAndTheLadderDrivenByTimers) {
  runtime_case r("pingdingshan", "2026-03-16T08:30:00+08:00");
  std::string id = r.open();
  dispatch d = dispatch_to("xinhua");
  d.cls = ticket_class::B;
  r.ok(id, d, operator_role());
  r.ok(id, sign{}, department("xinhua"));
  r.ok(id, assign_unit{"ximarket"}, department("xinhua"));
  r.ok(id, contact{"已联系"}, department("ximarket"));
  r.advance("2026-04-20T17:30:00+08:00");
  EXPECT_EQ(r.state(id).supervision, supervision_level::transferred);
  auto h = r.history(id);
  EXPECT_EQ(std::count(h.begin(), h.end(), "supervised"), 4);
  EXPECT_EQ(std::count(h.begin(), h.end(), "plan_overdue"), 1);
}

TEST(ActorLifecycle, Yaoan000DispatchOverdueAndAConcentrationOfCallers) {
  runtime_case r("yaoan-water", "2026-03-16T08:30:00+08:00");
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(r.open());  // one topic and region: a water outage
  // The fifth submission's notification makes the escalation actor supervise all five; the
  // barrier covers that chain, with no time passing (the supervision is at the fifth call).
  ASSERT_TRUE(r.rt->quiesce(std::chrono::seconds(5)));
  for (const auto& id : ids) {
    EXPECT_EQ(r.state(id).supervision, supervision_level::written) << id;
    EXPECT_EQ(format_instant(r.rt->read(id)->history.back().at), "2026-03-16T08:30:00+08:00");
  }
  EXPECT_EQ(r.rt->stats().concentration_alerts, 1u);
  r.advance("2026-03-17T17:30:00+08:00");
  EXPECT_THAT(r.history(ids[0]), Contains("dispatch_overdue"));
}

TEST(ActorLifecycle, Heyuan004RedispatchObjectionAndClosedTicketsLeaveMemory) {
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00");
  std::string id = r.open();
  r.ok(id, dispatch_to("housing"), operator_role());
  r.ok(id, return_ticket{"非本单位职责", "三定方案", "market"}, department("housing"));
  EXPECT_THAT(r.ok(id, approve_return{"market", std::nullopt}, supervisor()),
              ElementsAre("return_approved", "dispatched"));
  r.ok(id, sign{}, department("market"));
  r.ok(id, reply_with("已处理"), department("market"));
  EXPECT_THAT(r.ok(id, dissatisfied("有异议"), operator_role()),
              ElementsAre("evaluated", "rework_started", "supervised"));
  r.ok(id, reply_with("已重新处理"), department("market"));
  r.ok(id, satisfied(), operator_role());
  ASSERT_TRUE(r.rt->quiesce(std::chrono::seconds(5)));  // the closing commit, then passivation
  EXPECT_FALSE(r.rt->inspect(id).alive);
  EXPECT_EQ(r.state(id).current, status::closed);  // loaded from storage on request
}

TEST(ActorLifecycle, RefusalsChangeNothingAndUnknownTicketsAreNotFound) {
  runtime_case r("heyuan", "2026-03-16T08:30:00+08:00");
  std::string id = r.open();
  auto before = r.history(id);
  auto o = r.act(id, sign{}, department("housing"));
  EXPECT_EQ(o.what, actors::command_outcome::kind::refused);
  EXPECT_EQ(r.history(id), before);
  EXPECT_EQ(r.act("heyuan-20260316-999999", sign{}, department("housing")).refusal.code,
            refusal_code::not_found);
  intake bad = request();
  bad.title = "";
  EXPECT_EQ(r.submit(bad).refusal.field, "title");
  EXPECT_EQ(r.open(), "heyuan-20260316-000002");  // a refused request spends no id
  intake unrelated = request();
  unrelated.related_to = "nope";
  EXPECT_EQ(r.submit(unrelated).refusal.field, "related_to");
}

}  // namespace
}  // namespace hotline::testing
