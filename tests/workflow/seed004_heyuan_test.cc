// Heyuan City (seed 004_b8b007bb252c9194.txt): terms by type, objections, major items.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/ticket_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using ::testing::ElementsAre;

struct Heyuan : ::testing::Test {
  ticket_case t{"heyuan"};
  void signed_item(ticket_type type) {
    t.submit(request(type), "2026-03-16T08:40:00+08:00");
    t.ok(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", operator_role());
    t.ok(sign{}, "2026-03-16T10:00:00+08:00", department("housing"));
  }
};

TEST_F(Heyuan, Seed004Art18_ConsultationTwoHelpThreeOthersTenWorkingDays) {
  const std::pair<ticket_type, const char*> cases[] = {
      {ticket_type::consultation, "2026-03-18T17:30:00+08:00"},
      {ticket_type::help, "2026-03-23T17:30:00+08:00"},  // the 5-day limit (art. 18 ¶1)
      {ticket_type::suggestion, "2026-03-30T17:30:00+08:00"},
      {ticket_type::report, "2026-03-30T17:30:00+08:00"},
      {ticket_type::complaint, "2026-03-30T17:30:00+08:00"}};
  for (auto [type, due] : cases) {
    ticket_case c{"heyuan"};
    c.submit(request(type), "2026-03-16T08:40:00+08:00");
    c.ok(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", operator_role());
    c.ok(sign{}, "2026-03-16T10:00:00+08:00", department("housing"));
    EXPECT_EQ(c.due(deadline_kind::handle), due) << name_of(type);
  }
}

// 004 art. 18 ¶1: "求助类…应在3个工作日内办结，如果3个工作日不能办结的，不得超过5个工作日":
// 3 working days is the term, 5 the limit; the item is overdue (and supervised) only past 5.
TEST_F(Heyuan, Seed004Art18_HelpItemsThreeDaysAsTheTermFiveAsTheLimit) {
  signed_item(ticket_type::help);  // dispatched Monday 16 March
  EXPECT_EQ(t.due(deadline_kind::handle), "2026-03-23T17:30:00+08:00");
  EXPECT_EQ(format_instant(*t.state().handle_term_due), "2026-03-19T17:30:00+08:00");
  t.ok(contact{"已联系"}, "2026-03-16T11:00:00+08:00", department("housing"));
  EXPECT_THAT(t.advance("2026-03-20T10:00:00+08:00"), ElementsAre());  // past the term: not late
  EXPECT_FALSE(t.state().overdue);
  EXPECT_THAT(t.advance("2026-03-23T17:30:00+08:00"), ElementsAre("handle_overdue", "supervised"));
}

// 004 art. 18 ¶2: a complex item applies for more time before its term (3 days) ends.
TEST_F(Heyuan, Seed004Art18_2_AHelpItemAppliesForMoreTimeBeforeItsTermEnds) {
  signed_item(ticket_type::help);
  EXPECT_EQ(t.refused(request_extension{3, "需要上门维修", std::nullopt},
                      "2026-03-20T10:00:00+08:00", department("housing"))
                .code,
            refusal_code::deadline_passed);  // the term ended on the 19th
  t.ok(request_extension{3, "需要上门维修", std::nullopt}, "2026-03-19T10:00:00+08:00",
       department("housing"));
  t.ok(approve_extension{}, "2026-03-19T11:00:00+08:00", supervisor());
  EXPECT_EQ(t.due(deadline_kind::handle), "2026-03-26T17:30:00+08:00");
}

TEST_F(Heyuan, Seed004Art18_AnExtensionIsAskedBeforeTheDeadlineWithLengthAndReason) {
  signed_item(ticket_type::complaint);
  EXPECT_EQ(t.refused(request_extension{std::nullopt, "情况复杂", std::nullopt},
                      "2026-03-18T10:00:00+08:00", department("housing"))
                .field,
            "working_days");
  EXPECT_EQ(t.refused(request_extension{5, "", std::nullopt}, "2026-03-18T10:00:00+08:00",
                      department("housing"))
                .field,
            "reason");
  EXPECT_EQ(t.refused(request_extension{5, "情况复杂", std::nullopt}, "2026-03-31T10:00:00+08:00",
                      department("housing"))
                .code,
            refusal_code::deadline_passed);
  t.ok(request_extension{5, "情况复杂", std::nullopt}, "2026-03-27T10:00:00+08:00",
       department("housing"));
  EXPECT_THAT(t.ok(reject_extension{"理由不充分"}, "2026-03-27T11:00:00+08:00", supervisor()),
              ElementsAre("extension_rejected"));
  EXPECT_EQ(t.due(deadline_kind::handle), "2026-03-30T17:30:00+08:00");
}

TEST_F(Heyuan, Seed004Art17_AnItemOutsideTheUnitsRemitGoesBackWithinOneWorkingDay) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", operator_role());
  EXPECT_EQ(
      t.refused(return_ticket{"", "职责", ""}, "2026-03-16T10:00:00+08:00", department("housing"))
          .field,
      "reason");
  EXPECT_EQ(t.refused(return_ticket{"不属本单位职责", "《河源市城市管理条例》", ""},
                      "2026-03-17T17:31:00+08:00", department("housing"))
                .code,
            refusal_code::deadline_passed);
  t.ok(return_ticket{"不属本单位职责", "《河源市城市管理条例》", "urban-management"},
       "2026-03-17T17:00:00+08:00", department("housing"));
  EXPECT_THAT(t.ok(approve_return{}, "2026-03-18T09:00:00+08:00", supervisor()),
              ElementsAre("return_approved"));
  EXPECT_EQ(t.state().current, status::received);
  EXPECT_EQ(t.state().lead, "");
}

TEST_F(Heyuan, Seed004Art13_ObjectionsLeadersInstructionsAndOverdueItemsAreSupervised) {
  intake leader = request();
  leader.key = key_source::leader;
  ticket_case instructed{"heyuan"};
  EXPECT_THAT(instructed.submit(leader, "2026-03-16T08:40:00+08:00"),
              ElementsAre("submitted", "supervised"));

  signed_item(ticket_type::consultation);
  EXPECT_THAT(t.advance("2026-03-18T17:30:00+08:00"), ElementsAre("handle_overdue", "supervised"));

  ticket_case objection{"heyuan"};
  objection.submit(request(), "2026-03-16T08:40:00+08:00");
  objection.ok(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", operator_role());
  objection.ok(sign{}, "2026-03-16T10:00:00+08:00", department("housing"));
  objection.ok(reply_with("已处理"), "2026-03-17T10:00:00+08:00", department("housing"));
  EXPECT_THAT(
      objection.ok(dissatisfied("对结果有异议"), "2026-03-18T10:00:00+08:00", operator_role()),
      ElementsAre("evaluated", "rework_started", "supervised"));
}

TEST_F(Heyuan, Seed004Art14_TheSameFactsAfterConfirmedReworkAreNotAcceptedAgain) {
  intake again = request();
  again.related_to = "HY-20260301-0007";
  // Before the earlier item was redone and confirmed, art. 9 forbids refusing it.
  ticket_case early{"heyuan"};
  early.submit(again, "2026-03-16T08:40:00+08:00", 1);
  EXPECT_EQ(early
                .refused(decline{decline_reason::repeat_without_new_facts, "同一事实", ""},
                         "2026-03-16T08:50:00+08:00", operator_role())
                .field,
            "reason_code");
  t.ok(workflow::submit{again, {"T-1", 1, true, "", "", true}}, "2026-03-16T08:40:00+08:00",
       operator_role());
  EXPECT_THAT(t.ok(decline{decline_reason::repeat_without_new_facts,
                           "同一事实和理由，已按重办意见办结并经确认", ""},
                   "2026-03-16T08:50:00+08:00", operator_role()),
              ElementsAre("declined", "archived"));
}

TEST_F(Heyuan, Seed004Art12_MajorAndMultiDepartmentItemsNeedACityLeader) {
  intake major = request();
  major.key = key_source::upper_hotline;
  t.submit(major, "2026-03-16T08:40:00+08:00");
  EXPECT_EQ(t.sign_off(step::dispatch), "city_leader");
  EXPECT_EQ(t.refused(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", operator_role()).level,
            sign_off_level::city_leader);

  // Several departments AND difficult (art. 12): the office proposes, a city leader approves.
  ticket_case joint{"heyuan"};
  joint.submit(request(), "2026-03-16T08:40:00+08:00");
  EXPECT_EQ(joint.sign_off(step::dispatch), "none");
  dispatch difficult = dispatch_to("housing", {"urban-management"});
  difficult.cx = complexity::complex;
  EXPECT_EQ(joint.refused(difficult, "2026-03-16T09:00:00+08:00", operator_role()).level,
            sign_off_level::city_leader);
  difficult.approved_by = signed_by("陈副市长", "副市长");
  joint.ok(difficult, "2026-03-16T09:00:00+08:00", operator_role());
}

// 004 art. 11: an ordinary joint item's lead is fixed by the office alone, no city leader.
TEST_F(Heyuan, Seed004Art11_AnOrdinaryJointItemNeedsNoCityLeader) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  EXPECT_THAT(t.ok(dispatch_to("housing", {"urban-management"}), "2026-03-16T09:00:00+08:00",
                   operator_role()),
              ElementsAre("dispatched"));
  EXPECT_TRUE(t.state().approvals.empty());
}

TEST_F(Heyuan, Seed004Art11_OneLeadUnitForSeveralDepartments) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing", {"urban-management"}, signed_by("陈副市长")),
       "2026-03-16T09:00:00+08:00", operator_role());
  EXPECT_EQ(t.refused(sign{}, "2026-03-16T09:10:00+08:00", department("urban-management")).code,
            refusal_code::forbidden);
  t.ok(co_report{"已配合清理"}, "2026-03-16T11:00:00+08:00", department("urban-management"));
}

TEST_F(Heyuan, Seed004Art19_ACallerMayAskForConfidentiality) {
  intake secret = request();
  secret.confidential = true;
  t.submit(secret, "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", operator_role());
  EXPECT_FALSE(citizen_visible(t.state(), department("housing")));
  EXPECT_TRUE(citizen_visible(t.state(), operator_role()));
  ticket_case open{"heyuan"};
  open.submit(request(), "2026-03-16T08:40:00+08:00");
  EXPECT_TRUE(citizen_visible(open.state(), department("housing")));
}

TEST_F(Heyuan, Seed004Art8_ADeclinedRequestTellsTheCallerOtherChannels) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  EXPECT_EQ(t.refused(decline{decline_reason::out_of_jurisdiction, "属惠州市管辖", ""},
                      "2026-03-16T08:50:00+08:00", operator_role())
                .field,
            "referral");
  t.ok(decline{decline_reason::out_of_jurisdiction, "属惠州市管辖", "惠州市12345热线"},
       "2026-03-16T08:50:00+08:00", operator_role());
}

}  // namespace
}  // namespace hotline::testing
