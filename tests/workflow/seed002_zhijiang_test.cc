// Zhijiang City (seed 002_4467df68421adcf2.txt): every rule of rules.md §3 it states.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/ticket_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using ::testing::ElementsAre;

struct Zhijiang : ::testing::Test {
  ticket_case t{"zhijiang"};
  void dispatched(intake r = request(), const std::string& when = "2026-03-16T09:00:00+08:00") {
    t.submit(r, "2026-03-16T08:40:00+08:00");
    t.ok(dispatch_to("housing"), when, operator_role());
  }
  void replied(const std::string& when) {
    t.ok(reply_with("已协调处理"), when, department("housing"));
  }
};

TEST_F(Zhijiang, Seed002Art17_1_UnitsSignWithinHalfAWorkingDay) {
  dispatched(request(), "2026-03-16T11:00:00+08:00");
  EXPECT_EQ(t.due(deadline_kind::sign), "2026-03-16T16:45:00+08:00");
  EXPECT_THAT(t.advance("2026-03-16T16:45:00+08:00"), ElementsAre("sign_overdue"));
}

TEST_F(Zhijiang, Seed002Art17_1_AUnitReturnsAnItemWithinTwoWorkingDaysOfReceipt) {
  dispatched();
  EXPECT_EQ(t.due(deadline_kind::return_window), "2026-03-18T17:30:00+08:00");
  t.ok(sign{}, "2026-03-16T10:00:00+08:00", department("housing"));
  EXPECT_THAT(t.ok(return_ticket{"属供水公司职责", "", "waterworks"}, "2026-03-18T10:00:00+08:00",
                   department("housing")),
              ElementsAre("return_requested"));
  EXPECT_THAT(
      t.ok(approve_return{"waterworks", std::nullopt}, "2026-03-18T11:00:00+08:00", supervisor()),
      ElementsAre("return_approved", "dispatched"));
  EXPECT_EQ(t.state().lead, "waterworks");
  EXPECT_EQ(t.state().current, status::dispatched);
}

TEST_F(Zhijiang, Seed002Art17_1_TheCenterMayRefuseAReturnAndTheUnitMustHandleIt) {
  dispatched();
  t.ok(return_ticket{"不属于本单位", "", "waterworks"}, "2026-03-16T10:00:00+08:00",
       department("housing"));
  // The sign clock stood still while the center decided: nothing fires past the old term.
  EXPECT_THAT(t.advance("2026-03-16T10:59:00+08:00"), ElementsAre());
  // "审核不同意退回的，应正常接收办理": the unit signs in the normal way, within a new term.
  EXPECT_THAT(
      t.ok(reject_return{"属地管理，应由住建局牵头"}, "2026-03-16T11:00:00+08:00", supervisor()),
      ElementsAre("return_rejected"));
  EXPECT_EQ(t.state().current, status::dispatched);
  EXPECT_EQ(t.due(deadline_kind::sign), "2026-03-16T16:45:00+08:00");
  auto r = t.refused(return_ticket{"再次申请退回", "", "waterworks"}, "2026-03-16T14:00:00+08:00",
                     department("housing"));
  EXPECT_EQ(r.code, refusal_code::invalid_transition);
  EXPECT_THAT(t.advance("2026-03-16T16:45:00+08:00"), ElementsAre("sign_overdue"));
  t.ok(sign{}, "2026-03-16T17:00:00+08:00", department("housing"));
  EXPECT_EQ(t.state().current, status::handling);
}

TEST_F(Zhijiang, Seed002Art17_2_GeneralItemsFiveWorkingDaysComplexFifteen) {
  dispatched();
  t.ok(sign{}, "2026-03-16T10:00:00+08:00", department("housing"));
  EXPECT_EQ(t.due(deadline_kind::handle), "2026-03-23T17:30:00+08:00");
  ticket_case complex_item{"zhijiang"};
  complex_item.submit(request(), "2026-03-16T08:40:00+08:00");
  dispatch d = dispatch_to("housing");
  d.cx = complexity::complex;
  complex_item.ok(d, "2026-03-16T09:00:00+08:00", operator_role());
  complex_item.ok(sign{}, "2026-03-16T10:00:00+08:00", department("housing"));
  EXPECT_EQ(complex_item.due(deadline_kind::handle), "2026-04-07T17:30:00+08:00");
}

TEST_F(Zhijiang, Seed002Art17_3_OneExtensionAsLongAsTheOriginalTermTheCenterApproving) {
  dispatched();
  t.ok(sign{}, "2026-03-16T10:00:00+08:00", department("housing"));
  auto r = t.refused(request_extension{3, "需协调", std::nullopt}, "2026-03-20T10:00:00+08:00",
                     department("housing"));
  EXPECT_EQ(r.field, "working_days");
  t.ok(request_extension{std::nullopt, "需协调多个部门", std::nullopt}, "2026-03-20T10:00:00+08:00",
       department("housing"));
  EXPECT_EQ(t.state().extension_request->working_days, 5);
  t.ok(approve_extension{}, "2026-03-20T11:00:00+08:00", supervisor());
  EXPECT_EQ(t.due(deadline_kind::handle), "2026-03-30T17:30:00+08:00");
  r = t.refused(request_extension{std::nullopt, "还需时间", std::nullopt},
                "2026-03-25T10:00:00+08:00", department("housing"));
  EXPECT_EQ(r.code, refusal_code::limit_reached);
}

TEST_F(Zhijiang, Seed002Art16_3_EmergencyItemsContactTheCallerAtOnce) {
  intake urgent = request(ticket_type::help);
  urgent.emergency = true;
  dispatched(urgent, "2026-03-16T10:00:00+08:00");
  t.ok(sign{}, "2026-03-16T10:10:00+08:00", department("housing"));
  EXPECT_EQ(t.due(deadline_kind::contact), "2026-03-16T11:00:00+08:00");
  EXPECT_THAT(t.advance("2026-03-16T11:00:00+08:00"), ElementsAre("contact_overdue"));
}

// 002 art. 16(3) "立即联系": at once, 24x7, from dispatch — not on the half-day business-hours
// sign term. Dispatched on Sunday night, both terms end that night.
TEST_F(Zhijiang, Seed002Art16_3_EmergencyItemsAreSignedAndTheCallerReachedAtOnceFromDispatch) {
  intake urgent = request(ticket_type::help);
  urgent.emergency = true;
  t.submit(urgent, "2026-03-15T21:50:00+08:00");
  t.ok(dispatch_to("housing"), "2026-03-15T22:00:00+08:00", operator_role());
  EXPECT_EQ(t.due(deadline_kind::sign), "2026-03-15T23:00:00+08:00");
  EXPECT_EQ(t.due(deadline_kind::contact), "2026-03-15T23:00:00+08:00");
  EXPECT_THAT(t.advance("2026-03-15T23:00:00+08:00"),
              ElementsAre("sign_overdue", "contact_overdue"));
  // Signing later does not restart the contact term, nor fire it again.
  t.ok(sign{}, "2026-03-15T23:30:00+08:00", department("housing"));
  EXPECT_EQ(t.due(deadline_kind::contact), "2026-03-15T23:00:00+08:00");
  EXPECT_THAT(t.advance("2026-03-16T08:00:00+08:00"), ElementsAre());
}

TEST_F(Zhijiang, Seed002Art12_AnEmergencyIsReferredTo110) {
  t.submit(request(ticket_type::help), "2026-03-16T08:40:00+08:00");
  auto r = t.refused(decline{decline_reason::emergency, "燃气泄漏", "物业"},
                     "2026-03-16T08:41:00+08:00", operator_role());
  EXPECT_EQ(r.field, "referral");
  t.ok(decline{decline_reason::emergency, "燃气泄漏", "已转110、119联动处置"},
       "2026-03-16T08:41:00+08:00", operator_role());
}

TEST_F(Zhijiang, Seed002Art20_ASecondDissatisfactionGoesToProfessionalEvaluationThenCloses) {
  dispatched();
  t.ok(sign{}, "2026-03-16T10:00:00+08:00", department("housing"));
  replied("2026-03-17T10:00:00+08:00");
  EXPECT_THAT(
      t.ok(dissatisfied("问题没有解决", true), "2026-03-18T10:00:00+08:00", operator_role()),
      ElementsAre("evaluated", "rework_started", "supervised"));
  EXPECT_EQ(t.state().current, status::handling);
  EXPECT_EQ(t.due(deadline_kind::handle), "2026-03-25T17:30:00+08:00");
  replied("2026-03-20T10:00:00+08:00");
  EXPECT_THAT(t.ok(dissatisfied("仍不满意", true), "2026-03-23T10:00:00+08:00", operator_role()),
              ElementsAre("evaluated", "review_started"));
  EXPECT_EQ(t.state().current, status::professional_review);
  EXPECT_THAT(
      t.ok(review{true, "承办单位已依法依规处理"}, "2026-03-24T10:00:00+08:00", supervisor()),
      ElementsAre("reviewed", "closed", "archived"));
}

// 002 art. 19(3): "经核实确属承办单位责任的，由承办单位重新办理" — redone only once verified.
TEST_F(Zhijiang, Seed002Art19_3_ADissatisfactionIsRedoneOnlyWhenVerifiedAsTheUnitsFault) {
  dispatched();
  t.ok(sign{}, "2026-03-16T10:00:00+08:00", department("housing"));
  replied("2026-03-17T10:00:00+08:00");
  auto r = t.refused(dissatisfied("不满意"), "2026-03-18T10:00:00+08:00", operator_role());
  EXPECT_EQ(r.field, "unit_at_fault");
  EXPECT_THAT(t.ok(dissatisfied("不满意", false), "2026-03-18T10:00:00+08:00", operator_role()),
              ElementsAre("evaluated", "closed", "archived"));
  EXPECT_EQ(t.state().rework_count, 0);
}

TEST_F(Zhijiang, Seed002Art7_3_ConcentratedOverdueAndRepeatedItemsAreSupervised) {
  ticket_case repeat{"zhijiang"};
  EXPECT_THAT(repeat.submit(request(), "2026-03-16T08:40:00+08:00", 1),
              ElementsAre("submitted", "supervised"));
  dispatched();
  supervise hot;
  hot.trigger = supervision_trigger::concentration;
  hot.reason = "concentrated";
  EXPECT_THAT(t.ok(hot, "2026-03-16T09:30:00+08:00", timer()), ElementsAre("supervised"));
  ticket_case late{"zhijiang"};
  late.submit(request(), "2026-03-16T08:40:00+08:00");
  late.ok(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", operator_role());
  late.ok(sign{}, "2026-03-16T10:00:00+08:00", department("housing"));
  EXPECT_THAT(late.advance("2026-03-23T17:30:00+08:00"),
              ElementsAre("handle_overdue", "supervised"));
}

TEST_F(Zhijiang, Seed002Art11_8_ARepeatWithoutNewFactsIsNotAccepted) {
  auto r = t.refused(decline{decline_reason::repeat_without_new_facts, "无新情况", ""},
                     "2026-03-16T08:41:00+08:00", operator_role());
  EXPECT_EQ(r.code, refusal_code::not_found);  // no ticket yet
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  r = t.refused(decline{decline_reason::repeat_without_new_facts, "无新情况", ""},
                "2026-03-16T08:41:00+08:00", operator_role());
  EXPECT_EQ(r.field, "reason_code");
  intake repeat = request();
  repeat.related_to = "ZJ-20260301-0001";
  // The earlier complaint was declined, not handled or answered: the repeat must be accepted.
  ticket_case unhandled{"zhijiang"};
  unhandled.ok(workflow::submit{repeat, {"T-2", 1, false, "", "", false}},
               "2026-03-16T08:40:00+08:00", operator_role());
  r = unhandled.refused(decline{decline_reason::repeat_without_new_facts, "无新情况", ""},
                        "2026-03-16T08:41:00+08:00", operator_role());
  EXPECT_EQ(r.field, "reason_code");
  ticket_case again{"zhijiang"};
  again.ok(workflow::submit{repeat, {"T-3", 1, false, "", "", true}}, "2026-03-16T08:40:00+08:00",
           operator_role());
  EXPECT_THAT(
      again.ok(decline{decline_reason::repeat_without_new_facts, "已明确答复，无新情况新理由", ""},
               "2026-03-16T08:41:00+08:00", operator_role()),
      ElementsAre("declined", "archived"));
  // Only complaints (投诉请求) have this ground.
  intake help = request(ticket_type::help);
  help.related_to = "ZJ-20260301-0001";
  ticket_case asking{"zhijiang"};
  asking.ok(workflow::submit{help, {"T-4", 1, false, "", "", true}}, "2026-03-16T08:40:00+08:00",
            operator_role());
  EXPECT_EQ(asking
                .refused(decline{decline_reason::repeat_without_new_facts, "无新情况", ""},
                         "2026-03-16T08:41:00+08:00", operator_role())
                .field,
            "reason_code");
}

TEST_F(Zhijiang, Seed002Art17_2_ComplexityIsGradedOnlyWhereARegulationDoes) {
  ticket_case elsewhere{"mengcheng"};
  intake r = request();
  r.cx = complexity::complex;
  workflow::submit s{r, {"T-1", 0, false, "", ""}};
  EXPECT_EQ(elsewhere.refused(s, "2026-03-16T08:40:00+08:00", operator_role()).field, "complexity");
}

TEST_F(Zhijiang, Seed002Art16_4_ARoutingPrecedentIsProposed) {
  workflow::submit s{request(), {"T-1", 0, false, "housing", ""}};
  t.ok(s, "2026-03-16T08:40:00+08:00", operator_role());
  EXPECT_EQ(t.state().proposed_lead, "housing");
}

// 002 art. 17(1) "注明退回理由": a return gives its reasons; no legal basis or owner is asked.
TEST_F(Zhijiang, Seed002Art17_1_AReturnGivesReasonsOnly) {
  dispatched();
  EXPECT_THAT(t.ok(return_ticket{"不属本单位职责", "", ""}, "2026-03-16T10:00:00+08:00",
                   department("housing")),
              ElementsAre("return_requested"));
}

}  // namespace
}  // namespace hotline::testing
