// Yao'an County Water Affairs Bureau (seed 000_ddeac92c184dd392.txt): the office, its sections.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/ticket_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using ::testing::ElementsAre;

const signature leader = signed_by("杨书记", "局党委副书记");
const signature head = signed_by("李局长", "局长");

struct Yaoan : ::testing::Test {
  ticket_case t{"yaoan-water"};
  void with_section(const std::string& when = "2026-03-16T09:00:00+08:00") {
    t.submit(request(), "2026-03-16T08:40:00+08:00");
    t.ok(dispatch_to("water-supply", {}, leader), when, operator_role());
    t.ok(sign{}, when, department("water-supply"));
  }
};

TEST_F(Yaoan, Seed000Art12_14_TheOfficeForwardsWithinOneWorkingDay) {
  t.submit(request(), "2026-03-13T17:45:00+08:00");
  EXPECT_EQ(t.due(deadline_kind::dispatch), "2026-03-16T17:30:00+08:00");
  EXPECT_THAT(t.advance("2026-03-16T17:30:00+08:00"), ElementsAre("dispatch_overdue"));
  EXPECT_TRUE(t.state().overdue);
}

TEST_F(Yaoan, Seed000Art12_ALeaderInstructsBeforeTheOfficeForwards) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  EXPECT_EQ(t.sign_off(step::dispatch), "bureau_leader");
  auto r = t.refused(dispatch_to("water-supply"), "2026-03-16T09:00:00+08:00", operator_role());
  EXPECT_EQ(r.code, refusal_code::validation_failed);
  EXPECT_EQ(r.field, "approved_by");
  EXPECT_EQ(r.level, sign_off_level::bureau_leader);
  t.ok(dispatch_to("water-supply", {}, leader), "2026-03-16T09:00:00+08:00", operator_role());
  auto armed = deadlines(t.state());  // the office met its own deadline; the section's runs
  ASSERT_EQ(armed.size(), 1u);
  EXPECT_EQ(armed[0].kind, deadline_kind::sign);
}

TEST_F(Yaoan, Seed000Art14_TheSectionContactsTheCallerWithinTwoWorkingDaysHolidaysPostponed) {
  with_section("2026-09-30T10:00:00+08:00");
  EXPECT_EQ(t.due(deadline_kind::contact), "2026-10-09T17:30:00+08:00");
  EXPECT_TRUE(t.advance("2026-10-09T17:29:59+08:00").empty());
  EXPECT_THAT(t.advance("2026-10-09T17:30:00+08:00"), ElementsAre("contact_overdue"));
}

TEST_F(Yaoan, Seed000Art15_TheBureauHeadReviewsAndSealsTheReply) {
  with_section();
  EXPECT_EQ(t.sign_off(step::reply), "bureau_head");
  EXPECT_EQ(t.refused(reply_with("已抢修恢复供水"), "2026-03-17T10:00:00+08:00",
                      department("water-supply"))
                .level,
            sign_off_level::bureau_head);
  t.ok(reply_with("已抢修恢复供水", head), "2026-03-17T10:00:00+08:00", department("water-supply"));
}

TEST_F(Yaoan, Seed000Art13_3_LeadersAndDeputiesItemsGoOutAsSupervisedTickets) {
  for (auto source : {key_source::leader, key_source::deputies}) {
    ticket_case c{"yaoan-water"};
    intake r = request();
    r.key = source;
    EXPECT_THAT(c.submit(r, "2026-03-16T08:40:00+08:00"), ElementsAre("submitted", "supervised"));
  }
  ticket_case media{"yaoan-water"};
  intake r = request();
  r.key = key_source::media;
  EXPECT_THAT(media.submit(r, "2026-03-16T08:40:00+08:00"), ElementsAre("submitted"));
}

// 000 art. 13(3): "二次不满意的诉求且责任单位办理不力的" — a second dissatisfaction AND poor
// handling, which the office finds on the visit-back (art. 16), given as unit_at_fault.
TEST_F(Yaoan, Seed000Art13_3_ASecondDissatisfactionWithPoorHandlingBecomesASupervisedTicket) {
  with_section();
  t.ok(reply_with("已处理", head), "2026-03-17T10:00:00+08:00", department("water-supply"));
  EXPECT_THAT(t.ok(dissatisfied("仍停水", true), "2026-03-18T10:00:00+08:00", operator_role()),
              ElementsAre("evaluated", "rework_started"));  // the first: redone, not supervised
  t.ok(reply_with("已再次处理", head), "2026-03-19T10:00:00+08:00", department("water-supply"));
  EXPECT_THAT(t.ok(dissatisfied("办理不力", true), "2026-03-20T10:00:00+08:00", operator_role()),
              ElementsAre("evaluated", "rework_started", "supervised"));
  EXPECT_EQ(t.state().rework_count, 2);
  EXPECT_EQ(t.state().supervision, supervision_level::written);
}

TEST_F(Yaoan, Seed000Art13_3_ASecondDissatisfactionNotFoundPoorHandlingIsRedoneOnly) {
  with_section();
  t.ok(reply_with("已处理", head), "2026-03-17T10:00:00+08:00", department("water-supply"));
  t.ok(dissatisfied("仍停水"), "2026-03-18T10:00:00+08:00", operator_role());
  t.ok(reply_with("已再次处理", head), "2026-03-19T10:00:00+08:00", department("water-supply"));
  EXPECT_THAT(t.ok(dissatisfied("仍不满意", false), "2026-03-20T10:00:00+08:00", operator_role()),
              ElementsAre("evaluated", "rework_started"));
  EXPECT_EQ(t.state().supervision, supervision_level::none);
}

TEST_F(Yaoan, Seed000Art17_ArchivedRecordsAreKeptAtLeastTwoYears) {
  with_section();
  t.ok(reply_with("已处理", head), "2026-03-17T10:00:00+08:00", department("water-supply"));
  EXPECT_THAT(t.ok(satisfied(), "2026-03-20T10:00:00+08:00", operator_role()),
              ElementsAre("evaluated", "closed", "archived"));
  EXPECT_TRUE(t.state().archived);
  EXPECT_EQ(format_date(*t.state().retain_until), "2028-03-20");
}

TEST_F(Yaoan, Seed000Art9_AConfidentialCallersNameNeverReachesTheSection) {
  intake r = request();
  r.confidential = true;
  t.submit(r, "2026-03-16T08:40:00+08:00");
  EXPECT_FALSE(citizen_visible(t.state(), department("water-supply")));
  EXPECT_TRUE(citizen_visible(t.state(), supervisor()));
}

TEST_F(Yaoan, Seed000Art11_EmergenciesBelongTo110_119_120) {
  t.submit(request(ticket_type::help), "2026-03-16T08:40:00+08:00");
  EXPECT_EQ(t.refused(decline{decline_reason::emergency, "管道爆裂伤人", ""},
                      "2026-03-16T08:41:00+08:00", operator_role())
                .field,
            "referral");
  EXPECT_THAT(t.ok(decline{decline_reason::emergency, "管道爆裂伤人", "已转120"},
                   "2026-03-16T08:41:00+08:00", operator_role()),
              ElementsAre("declined", "archived"));
}

TEST_F(Yaoan, Seed000Art13_2_JointHandlingOneLeadSectionAndCoHandlingSections) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("water-supply", {"engineering", "reservoirs"}, leader),
       "2026-03-16T09:00:00+08:00", operator_role());
  EXPECT_EQ(t.state().co.size(), 2u);
  EXPECT_EQ(
      t.refused(dispatch_to("water-supply"), "2026-03-16T09:00:00+08:00", operator_role()).code,
      refusal_code::invalid_transition);
}

TEST_F(Yaoan, Seed000Art20_AHarassingCallerIsBlockedOnRequestOnceASupervisorApproves) {
  with_section();
  EXPECT_EQ(t.refused(request_block{"反复辱骂工作人员"}, "2026-03-16T10:00:00+08:00",
                      department("engineering"))
                .code,
            refusal_code::forbidden);  // only the section holding it, or the center, asks
  EXPECT_THAT(t.ok(request_block{"经查证诉求纯属骚扰、谩骂"}, "2026-03-16T10:00:00+08:00",
                   department("water-supply")),
              ElementsAre("block_requested"));
  EXPECT_EQ(t.refused(request_block{"再次申请"}, "2026-03-16T10:05:00+08:00", operator_role()).code,
            refusal_code::invalid_transition);  // one request at a time
  EXPECT_EQ(
      t.refused(approve_block{}, "2026-03-16T11:00:00+08:00", department("water-supply")).code,
      refusal_code::forbidden);
  EXPECT_THAT(t.ok(approve_block{}, "2026-03-16T11:00:00+08:00", supervisor()),
              ElementsAre("caller_blocked", "closed", "archived"));
  EXPECT_EQ(t.state().current, status::closed);
  EXPECT_TRUE(t.state().caller_blocked);
  EXPECT_TRUE(deadlines(t.state()).empty());
  EXPECT_THAT(allowed_actions(t.state(), t.where().rules), ElementsAre(action::lift_block));
  EXPECT_THAT(t.ok(lift_block{"来电人书面致歉"}, "2026-04-01T09:00:00+08:00", supervisor()),
              ElementsAre("block_lifted"));
  EXPECT_FALSE(t.state().caller_blocked);
  EXPECT_THAT(allowed_actions(t.state(), t.where().rules), ElementsAre(action::request_block));
}

TEST_F(Yaoan, Seed000Art20_HarassmentFoundAfterTheTicketClosedCanStillBeBlocked) {
  with_section();
  t.ok(reply_with("已处理", head), "2026-03-17T10:00:00+08:00", department("water-supply"));
  t.ok(satisfied(), "2026-03-18T10:00:00+08:00", operator_role());
  t.ok(request_block{"回访时辱骂话务员"}, "2026-03-18T10:05:00+08:00", operator_role());
  EXPECT_THAT(t.ok(approve_block{}, "2026-03-18T11:00:00+08:00", supervisor()),
              ElementsAre("caller_blocked"));  // already closed and archived: nothing else
  EXPECT_TRUE(t.state().caller_blocked);
  EXPECT_EQ(t.state().current, status::closed);
}

TEST_F(Yaoan, Seed000Art20_ABlockedPhoneIsRefusedAtIntakeAndNamesTheBlockingTicket) {
  workflow::submit s{request(), {"T-2", 0, false, "", "T-1"}};
  auto r = t.refused(s, "2026-03-16T08:40:00+08:00", operator_role());
  EXPECT_EQ(r.code, refusal_code::caller_blocked);
  EXPECT_EQ(r.ticket, "T-1");
  EXPECT_NE(r.message.find("000 art. 20"), std::string::npos);
}

TEST_F(Yaoan, Seed000Art20_ARejectedBlockLeavesTheTicketInHandAndAnAnonymousCallerCannotBeBlocked) {
  with_section();
  t.ok(request_block{"态度恶劣"}, "2026-03-16T10:00:00+08:00", operator_role());
  EXPECT_THAT(t.ok(reject_block{"诉求属实，不属骚扰"}, "2026-03-16T11:00:00+08:00", supervisor()),
              ElementsAre("block_rejected"));
  EXPECT_EQ(t.state().current, status::handling);
  EXPECT_FALSE(t.state().block_request);

  ticket_case anonymous{"yaoan-water"};
  intake r = request();
  r.caller.reset();
  anonymous.submit(r, "2026-03-16T08:40:00+08:00");
  EXPECT_EQ(
      anonymous.refused(request_block{"骚扰"}, "2026-03-16T09:00:00+08:00", operator_role()).field,
      "citizen.phone");
}

// 000 art. 5: the bureau's principal leader reads or handles key, difficult and hot items in
// person: dispatching one needs the bureau head, not another bureau leader.
TEST_F(Yaoan, Seed000Art5_KeyDifficultAndHotItemsNeedTheBureauHead) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  EXPECT_EQ(t.sign_off(step::dispatch), "bureau_leader");
  intake key = request();
  key.key = key_source::leader;
  ticket_case keyed{"yaoan-water"};
  keyed.submit(key, "2026-03-16T08:40:00+08:00");
  EXPECT_EQ(keyed.sign_off(step::dispatch), "bureau_head");
  ticket_case difficult{"yaoan-water"};
  intake hard = request();
  hard.cx = complexity::complex;
  difficult.submit(hard, "2026-03-16T08:40:00+08:00");
  EXPECT_EQ(difficult.sign_off(step::dispatch), "bureau_head");
  supervise hot;
  hot.trigger = supervision_trigger::concentration;
  hot.reason = "5 callers";
  t.ok(hot, "2026-03-16T09:00:00+08:00", timer());
  EXPECT_EQ(t.sign_off(step::dispatch), "bureau_head");
}

}  // namespace
}  // namespace hotline::testing
