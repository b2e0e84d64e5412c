// Pingdingshan City (seed 003_4c8c3fb8ea3b0218.txt): classes, three tiers and the ladder.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/ticket_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using ::testing::ElementsAre;

dispatch classed(const std::string& lead, ticket_class c) {
  dispatch d = dispatch_to(lead);
  d.cls = c;
  return d;
}

struct Pingdingshan : ::testing::Test {
  ticket_case t{"pingdingshan"};
  void signed_item(ticket_class c, const std::string& lead = "xinhua",
                   const std::string& when = "2026-03-16T09:00:00+08:00") {
    t.submit(request(), "2026-03-16T08:40:00+08:00");
    t.ok(classed(lead, c), when, operator_role());
    std::optional<signature> leader;
    if (c == ticket_class::C || c == ticket_class::D) leader = signed_by("张副区长", "副区长");
    t.ok(sign{leader}, when, department(lead));
  }
};

TEST_F(Pingdingshan, Seed003S4_ClassesAAndDAreHandledAtOnceNotDelayedByHolidays) {
  // 2 October 2026 is a National Day holiday.
  t.submit(request(), "2026-10-02T10:00:00+08:00");
  t.ok(classed("power", ticket_class::A), "2026-10-02T10:00:00+08:00", operator_role());
  EXPECT_EQ(t.due(deadline_kind::sign), "2026-10-02T11:00:00+08:00");
  t.ok(sign{}, "2026-10-02T10:20:00+08:00", department("power"));
  EXPECT_EQ(t.due(deadline_kind::handle), "2026-10-03T10:00:00+08:00");
  EXPECT_EQ(t.due(deadline_kind::contact), "2026-10-02T11:00:00+08:00");

  ticket_case d{"pingdingshan"};
  d.submit(request(), "2026-10-02T22:00:00+08:00");
  d.ok(classed("gas", ticket_class::D), "2026-10-02T22:05:00+08:00", operator_role());
  EXPECT_EQ(d.sign_off(step::sign), "named_leader");
  d.ok(sign{signed_by("刘经理", "副总经理")}, "2026-10-02T22:10:00+08:00", department("gas"));
  EXPECT_EQ(d.due(deadline_kind::handle), "2026-10-03T22:05:00+08:00");
  EXPECT_THAT(d.advance("2026-10-03T22:05:00+08:00"),
              ElementsAre("contact_overdue", "handle_overdue", "supervised"));
}

TEST_F(Pingdingshan, Seed003S4_ClassBWithinFiveWorkingDays) {
  signed_item(ticket_class::B);
  EXPECT_EQ(t.due(deadline_kind::handle), "2026-03-23T17:30:00+08:00");
  EXPECT_EQ(t.sign_off(step::sign), "none");
}

TEST_F(Pingdingshan, Seed003S4_ClassCPlanAndCallerWithinFiveWorkingDaysThenUntilDone) {
  signed_item(ticket_class::C);
  EXPECT_EQ(t.due(deadline_kind::plan), "2026-03-23T17:30:00+08:00");
  EXPECT_EQ(t.due(deadline_kind::contact), "2026-03-23T17:30:00+08:00");
  EXPECT_EQ(t.due(deadline_kind::handle), "none");
  auto r = t.refused(request_extension{5, "需要时间", std::nullopt}, "2026-03-17T10:00:00+08:00",
                     department("xinhua"));
  EXPECT_EQ(r.code, refusal_code::invalid_transition);
  t.ok(contact{"已与反映人沟通"}, "2026-03-17T10:00:00+08:00", department("xinhua"));
  t.ok(submit_plan{"拆除违建分三步实施"}, "2026-03-18T10:00:00+08:00", department("xinhua"));
  EXPECT_TRUE(t.advance("2026-06-30T17:30:00+08:00").empty());
}

TEST_F(Pingdingshan, Seed003S4_CAndDNeedANamedLeader) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(classed("xinhua", ticket_class::C), "2026-03-16T09:00:00+08:00", operator_role());
  auto r = t.refused(sign{}, "2026-03-16T09:30:00+08:00", department("xinhua"));
  EXPECT_EQ(r.level, sign_off_level::named_leader);
}

TEST_F(Pingdingshan, Seed003S4_EveryDispatchedItemHasAClass) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  auto r = t.refused(dispatch_to("xinhua"), "2026-03-16T09:00:00+08:00", operator_role());
  EXPECT_EQ(r.field, "class");
}

TEST_F(Pingdingshan, Seed003S1_4_ALevel2UnitPassesItToLevel3AndAnswersForIt) {
  signed_item(ticket_class::B);
  auto r = t.refused(assign_unit{"dongan"}, "2026-03-16T10:00:00+08:00", department("xinhua"));
  EXPECT_EQ(r.field, "unit");  // not a subordinate of Xinhua
  EXPECT_THAT(t.ok(assign_unit{"ximarket"}, "2026-03-16T10:00:00+08:00", department("xinhua")),
              ElementsAre("unit_assigned"));
  EXPECT_EQ(t.refused(contact{"联系"}, "2026-03-16T11:00:00+08:00", department("dongan")).code,
            refusal_code::forbidden);
  t.ok(contact{"街道已联系反映人"}, "2026-03-16T11:00:00+08:00", department("ximarket"));
  EXPECT_EQ(t.sign_off(step::reply), "unit_head");
  // "向二级网络单位报告办理情况": the level-3 unit reports to its level-2 unit, which replies.
  EXPECT_EQ(t.refused(reply_with("已清理占道摊点", signed_by("王主任", "街道办主任")),
                      "2026-03-18T11:00:00+08:00", department("ximarket"))
                .code,
            refusal_code::forbidden);
  EXPECT_EQ(t.refused(reply_with("已清理占道摊点", signed_by("李区长", "区长")),
                      "2026-03-18T11:00:00+08:00", department("xinhua"))
                .code,
            refusal_code::invalid_transition);  // its unit has not reported yet
  EXPECT_THAT(
      t.ok(unit_report{"已清理占道摊点"}, "2026-03-18T10:00:00+08:00", department("ximarket")),
      ElementsAre("unit_reported"));
  t.ok(reply_with("已清理占道摊点", signed_by("李区长", "区长")), "2026-03-18T11:00:00+08:00",
       department("xinhua"));
  EXPECT_TRUE(may_view(t.state(), department("xinhua"), t.where().departments));
  EXPECT_FALSE(may_view(t.state(), department("weidong"), t.where().departments));
}

// 003 §1(4): the office dispatches to level-2 units, not past them.
TEST_F(Pingdingshan, Seed003S1_4_TheOfficeDispatchesToLevel2UnitsOnly) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  auto r =
      t.refused(classed("ximarket", ticket_class::B), "2026-03-16T09:00:00+08:00", operator_role());
  EXPECT_EQ(r.field, "lead");
  dispatch joint = classed("xinhua", ticket_class::B);
  joint.co = {"ximarket"};
  EXPECT_EQ(t.refused(joint, "2026-03-16T09:00:00+08:00", operator_role()).field, "co[0]");
}

TEST_F(Pingdingshan, Seed003S5_6_TheOfficeReassignsAnItemAUnitCannotHandle) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(classed("xinhua", ticket_class::B), "2026-03-16T09:00:00+08:00", operator_role());
  // "提出意见和依据": the opinion and the basis for it.
  EXPECT_EQ(t.refused(return_ticket{"不在本区辖区", "", "weidong"}, "2026-03-16T10:00:00+08:00",
                      department("xinhua"))
                .field,
            "basis");
  t.ok(return_ticket{"不在本区辖区", "行政区划：该路段属卫东区", "weidong"},
       "2026-03-16T10:00:00+08:00", department("xinhua"));
  EXPECT_THAT(
      t.ok(approve_return{"weidong", std::nullopt}, "2026-03-16T11:00:00+08:00", supervisor()),
      ElementsAre("return_approved", "dispatched"));
  EXPECT_EQ(t.state().lead, "weidong");
  EXPECT_EQ(t.state().cls, ticket_class::B);
  EXPECT_EQ(t.due(deadline_kind::sign), "2026-03-17T17:30:00+08:00");
}

TEST_F(Pingdingshan, Seed003S5_6_OneExtensionTheOfficeSettingTheNewDeadline) {
  signed_item(ticket_class::B);
  t.ok(request_extension{5, "涉及多个部门", std::nullopt}, "2026-03-18T10:00:00+08:00",
       department("xinhua"));
  t.ok(approve_extension{3}, "2026-03-18T11:00:00+08:00", supervisor());
  EXPECT_EQ(t.due(deadline_kind::handle), "2026-03-26T17:30:00+08:00");
  EXPECT_EQ(t.refused(request_extension{2, "还需时间", std::nullopt}, "2026-03-24T10:00:00+08:00",
                      department("xinhua"))
                .code,
            refusal_code::limit_reached);
}

// 003 §5(6) "原则上每件事项只能提出1次延期申请": one application, whatever its outcome.
TEST_F(Pingdingshan, Seed003S5_6_ARejectedApplicationStillUsesTheOne) {
  signed_item(ticket_class::B);
  t.ok(request_extension{5, "涉及多个部门", std::nullopt}, "2026-03-18T10:00:00+08:00",
       department("xinhua"));
  t.ok(reject_extension{"可按期办结"}, "2026-03-18T11:00:00+08:00", supervisor());
  EXPECT_EQ(t.refused(request_extension{2, "还需时间", std::nullopt}, "2026-03-19T10:00:00+08:00",
                      department("xinhua"))
                .code,
            refusal_code::limit_reached);
}

TEST_F(Pingdingshan, Seed003S6_TheLadderWrittenOnSiteKeyTransferWhileOverdue) {
  signed_item(ticket_class::B);
  t.ok(contact{"已联系"}, "2026-03-16T10:00:00+08:00", department("xinhua"));
  EXPECT_THAT(t.advance("2026-03-23T17:30:00+08:00"), ElementsAre("handle_overdue", "supervised"));
  EXPECT_EQ(t.state().supervision, supervision_level::written);
  EXPECT_THAT(t.advance("2026-03-30T17:30:00+08:00"), ElementsAre("supervised"));
  EXPECT_EQ(t.state().supervision, supervision_level::on_site);
  EXPECT_EQ(t.due(deadline_kind::plan), "2026-04-02T17:30:00+08:00");  // 003 §6(2): 3 wd
  t.ok(submit_plan{"现场督办后的整改方案"}, "2026-04-01T10:00:00+08:00", department("xinhua"));
  EXPECT_THAT(t.advance("2026-04-07T17:30:00+08:00"), ElementsAre("supervised"));
  EXPECT_EQ(t.state().supervision, supervision_level::key);
  EXPECT_THAT(t.advance("2026-04-14T17:30:00+08:00"), ElementsAre("supervised"));
  EXPECT_EQ(t.state().supervision, supervision_level::transferred);
  EXPECT_TRUE(t.advance("2026-12-31T17:30:00+08:00").empty());
}

TEST_F(Pingdingshan, Seed003S6_2_AMissedOnSitePlanClimbsTheLadder) {
  signed_item(ticket_class::B);
  t.ok(contact{"已联系"}, "2026-03-16T10:00:00+08:00", department("xinhua"));
  t.advance("2026-03-30T17:30:00+08:00");
  EXPECT_THAT(t.advance("2026-04-02T17:30:00+08:00"), ElementsAre("plan_overdue", "supervised"));
  EXPECT_EQ(t.state().supervision, supervision_level::key);
}

TEST_F(Pingdingshan, Seed003S6_AReplyStopsTheLadder) {
  signed_item(ticket_class::B);
  t.ok(contact{"已联系"}, "2026-03-16T10:00:00+08:00", department("xinhua"));
  t.advance("2026-03-23T17:30:00+08:00");
  t.ok(reply_with("已办结", signed_by("区长")), "2026-03-24T10:00:00+08:00", department("xinhua"));
  EXPECT_TRUE(deadlines(t.state()).empty());
}

TEST_F(Pingdingshan, Seed003S5_5_AResultFoundUntrueIsSentBack) {
  signed_item(ticket_class::B);
  t.ok(reply_with("已办结", signed_by("区长")), "2026-03-17T10:00:00+08:00", department("xinhua"));
  EXPECT_THAT(t.ok(dissatisfied("回访发现未解决"), "2026-03-18T10:00:00+08:00", operator_role()),
              ElementsAre("evaluated", "rework_started", "supervised"));
  EXPECT_EQ(t.state().rework_count, 1);
}

TEST_F(Pingdingshan, Seed003S6_2_ConcentratedHotSpotsGetOnSiteSupervision) {
  signed_item(ticket_class::B);
  supervise hot;
  hot.trigger = supervision_trigger::concentration;
  hot.reason = "hot spot";
  t.ok(hot, "2026-03-17T09:00:00+08:00", timer());
  EXPECT_EQ(t.state().supervision, supervision_level::on_site);
  EXPECT_EQ(t.due(deadline_kind::plan), "2026-03-20T17:30:00+08:00");
}

TEST_F(Pingdingshan, Seed003S6_ASupervisorRaisesTheNextRungUpToTransfer) {
  signed_item(ticket_class::B);
  for (auto expected : {supervision_level::written, supervision_level::on_site,
                        supervision_level::key, supervision_level::transferred}) {
    t.ok(supervise{"领导关注", std::nullopt}, "2026-03-17T09:00:00+08:00", supervisor());
    EXPECT_EQ(t.state().supervision, expected);
  }
  EXPECT_EQ(
      t.refused(supervise{"再督", std::nullopt}, "2026-03-17T09:00:00+08:00", supervisor()).code,
      refusal_code::limit_reached);
  EXPECT_EQ(t.refused(supervise{"降级", supervision_level::key}, "2026-03-17T09:00:00+08:00",
                      supervisor())
                .field,
            "level");
}

// 003 §6 "经…督办仍未按时办结": a rework whose new deadline has not passed stops the climb; the
// leftover check finds nothing to do, and the item climbs again only once it is late again.
TEST_F(Pingdingshan, Seed003S6_AReworkNotYetLateStopsTheLadder) {
  signed_item(ticket_class::B);
  t.ok(contact{"已联系"}, "2026-03-16T10:00:00+08:00", department("xinhua"));
  EXPECT_THAT(t.advance("2026-03-23T17:30:00+08:00"), ElementsAre("handle_overdue", "supervised"));
  t.ok(reply_with("已办结", signed_by("区长")), "2026-03-24T10:00:00+08:00", department("xinhua"));
  t.ok(dissatisfied("回访发现未解决"), "2026-03-25T10:00:00+08:00", operator_role());
  EXPECT_EQ(t.due(deadline_kind::handle), "2026-04-01T17:30:00+08:00");
  EXPECT_THAT(t.advance("2026-03-31T17:30:00+08:00"), ElementsAre());  // the 5-day check: not late
  EXPECT_EQ(t.state().supervision, supervision_level::written);
  EXPECT_THAT(t.advance("2026-04-01T17:30:00+08:00"), ElementsAre("handle_overdue", "supervised"));
  EXPECT_EQ(t.state().supervision, supervision_level::on_site);
}

// 003 §4: A and D items are not delayed by holidays, and neither is their ladder: over the
// National Day holidays it climbs every 24 hours while the item stays late.
TEST_F(Pingdingshan, Seed003S4_ClassAClimbsTheLadderOnThe24x7Clock) {
  t.submit(request(), "2026-10-02T09:00:00+08:00");
  t.ok(classed("xinhua", ticket_class::A), "2026-10-02T10:00:00+08:00", operator_role());
  t.ok(sign{}, "2026-10-02T10:10:00+08:00", department("xinhua"));
  t.ok(contact{"已联系"}, "2026-10-02T10:20:00+08:00", department("xinhua"));
  EXPECT_THAT(t.advance("2026-10-03T10:00:00+08:00"), ElementsAre("handle_overdue", "supervised"));
  EXPECT_THAT(t.advance("2026-10-04T10:00:00+08:00"), ElementsAre("supervised"));
  EXPECT_EQ(t.state().supervision, supervision_level::on_site);
}

}  // namespace
}  // namespace hotline::testing
