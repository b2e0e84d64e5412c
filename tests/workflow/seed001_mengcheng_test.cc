// Mengcheng County (seed 001_e673320484ebc094.txt): every rule of rules.md §3 and §8 it states.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/ticket_case.h"
#include "workflow/statistics.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using ::testing::ElementsAre;

// Monday 16 March 2026, 09:00: an ordinary working week (Qingming falls on 4-6 April).
const std::string monday = "2026-03-16T09:00:00+08:00";

struct Mengcheng : ::testing::Test {
  ticket_case t{"mengcheng"};
  void signed_complaint(ticket_type type = ticket_type::complaint, int repeat = 0) {
    t.submit(request(type), "2026-03-16T08:40:00+08:00", repeat);
    std::optional<signature> approval;
    if (repeat == 1) approval = signed_by("王主任", "热线办负责人");
    if (repeat >= 2) approval = signed_by("赵主任", "县政府办主任");
    t.ok(dispatch_to("housing", {}, approval), monday, operator_role());
    t.ok(sign{signed_by("住建局局长")}, "2026-03-16T10:00:00+08:00", department("housing"));
  }
};

TEST_F(Mengcheng, Seed001Art14_UnitsSignWithinOneWorkingDay) {
  t.submit(request(), "2026-03-13T17:45:00+08:00");
  t.ok(dispatch_to("housing"), "2026-03-13T17:50:00+08:00", operator_role());
  EXPECT_EQ(t.due(deadline_kind::sign), "2026-03-16T17:30:00+08:00");
}

TEST_F(Mengcheng, Seed001Art16_NotReturnedWithinOneWorkingDayIsDeemedAccepted) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), monday, operator_role());
  EXPECT_EQ(t.due(deadline_kind::return_window), "2026-03-17T17:30:00+08:00");
  EXPECT_THAT(t.advance("2026-03-17T17:30:00+08:00"),
              ElementsAre("sign_overdue", "deemed_signed", "contact_overdue"));
  EXPECT_EQ(t.state().current, status::handling);
  EXPECT_EQ(t.due(deadline_kind::handle), "2026-03-30T17:30:00+08:00");
}

TEST_F(Mengcheng, Seed001Art16_APendingReturnIsNotDeemedAccepted) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), monday, operator_role());
  t.ok(return_ticket{"不属于本单位职责", "《物业管理条例》第二条", "county property office"},
       "2026-03-17T11:00:00+08:00", department("housing"));
  // A return asked in time stops the sign clock until the center decides (rules.md §1).
  EXPECT_THAT(t.advance("2026-03-18T17:30:00+08:00"), ElementsAre());
  EXPECT_EQ(t.state().current, status::dispatched);
}

TEST_F(Mengcheng, Seed001Art16_AReturnAfterTheWindowIsRefused) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), monday, operator_role());
  t.ok(sign{signed_by("局长")}, "2026-03-16T10:00:00+08:00", department("housing"));
  auto r = t.refused(return_ticket{"不属于本单位职责", "条例", ""}, "2026-03-18T09:00:00+08:00",
                     department("housing"));
  EXPECT_EQ(r.code, refusal_code::deadline_passed);
  EXPECT_EQ(r.deadline, deadline_kind::return_window);
}

TEST_F(Mengcheng, Seed001Art16_AReturnGivesReasonsAndTheBasisOrTheRightOwner) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), monday, operator_role());
  auto r = t.refused(return_ticket{"不属于本单位职责", "", ""}, "2026-03-16T11:00:00+08:00",
                     department("housing"));
  EXPECT_EQ(r.code, refusal_code::validation_failed);
  EXPECT_EQ(r.field, "basis");
}

TEST_F(Mengcheng, Seed001Art15_TheUnitContactsTheCallerWithinOneWorkingDay) {
  signed_complaint();
  EXPECT_EQ(t.due(deadline_kind::contact), "2026-03-17T17:30:00+08:00");
  EXPECT_THAT(t.advance("2026-03-17T17:30:00+08:00"), ElementsAre("contact_overdue"));
  EXPECT_TRUE(t.state().overdue);
}

TEST_F(Mengcheng, Seed001Art18_ConsultationsThreeWorkingDaysOthersTen) {
  signed_complaint(ticket_type::consultation);
  EXPECT_EQ(t.due(deadline_kind::handle), "2026-03-19T17:30:00+08:00");
  ticket_case other{"mengcheng"};
  other.submit(request(ticket_type::help), "2026-03-16T08:40:00+08:00");
  other.ok(dispatch_to("housing"), monday, operator_role());
  other.ok(sign{signed_by("局长")}, "2026-03-16T10:00:00+08:00", department("housing"));
  EXPECT_EQ(other.due(deadline_kind::handle), "2026-03-30T17:30:00+08:00");
}

TEST_F(Mengcheng, Seed001Art19_AnExtensionIsAskedBeforeTheDeadline) {
  signed_complaint(ticket_type::consultation);
  auto r = t.refused(request_extension{2, "需要现场核查", std::nullopt},
                     "2026-03-19T17:31:00+08:00", department("housing"));
  EXPECT_EQ(r.code, refusal_code::deadline_passed);
  EXPECT_EQ(r.deadline, deadline_kind::handle);
}

TEST_F(Mengcheng, Seed001Art19_PastTenWorkingDaysInTotalNeedsTheUnitHeadsSignature) {
  signed_complaint(ticket_type::consultation);  // 3 wd
  EXPECT_EQ(t.sign_off(step::extension), "none");
  auto r = t.refused(request_extension{8, "需要多部门协调", std::nullopt},
                     "2026-03-18T10:00:00+08:00", department("housing"));
  EXPECT_EQ(r.code, refusal_code::validation_failed);
  EXPECT_EQ(r.field, "approved_by");
  EXPECT_EQ(r.level, sign_off_level::unit_head);
  EXPECT_THAT(t.ok(request_extension{7, "需要现场核查", std::nullopt}, "2026-03-18T10:00:00+08:00",
                   department("housing")),
              ElementsAre("extension_requested"));
}

TEST_F(Mengcheng, Seed001Art19_TheTotalNeverExceedsFifteenWorkingDays) {
  signed_complaint();  // 10 wd, due Mon 30 March
  EXPECT_EQ(t.sign_off(step::extension), "unit_head");
  auto r = t.refused(request_extension{6, "需要多部门协调", signed_by("局长")},
                     "2026-03-20T10:00:00+08:00", department("housing"));
  EXPECT_EQ(r.code, refusal_code::limit_reached);
  t.ok(request_extension{5, "需要多部门协调", signed_by("局长")}, "2026-03-20T10:00:00+08:00",
       department("housing"));
  t.ok(approve_extension{}, "2026-03-20T11:00:00+08:00", supervisor());
  // Five working days after 30 March skip Qingming (4-6 April).
  EXPECT_EQ(t.due(deadline_kind::handle), "2026-04-07T17:30:00+08:00");
  r = t.refused(request_extension{1, "还需时间", signed_by("局长")}, "2026-03-31T10:00:00+08:00",
                department("housing"));
  EXPECT_EQ(r.code, refusal_code::limit_reached);
}

TEST_F(Mengcheng, Seed001Art10_4_DispatchSignOffByTheCountOfCalls) {
  const char* expected[] = {"none", "hotline_head", "office_head", "deputy_county_head",
                            "deputy_county_head"};
  for (int repeat = 0; repeat < 5; ++repeat) {
    ticket_case c{"mengcheng"};
    c.submit(request(), "2026-03-16T08:40:00+08:00", repeat);
    EXPECT_EQ(c.sign_off(step::dispatch), expected[repeat]) << "call " << repeat + 1;
  }
  ticket_case second{"mengcheng"};
  second.submit(request(), "2026-03-16T08:40:00+08:00", 1);
  auto r = second.refused(dispatch_to("housing"), monday, operator_role());
  EXPECT_EQ(r.field, "approved_by");
  EXPECT_EQ(r.level, sign_off_level::hotline_head);
  second.ok(dispatch_to("housing", {}, signed_by("王主任", "热线办负责人")), monday,
            operator_role());
  ASSERT_EQ(second.state().approvals.size(), 1u);
  EXPECT_EQ(second.state().approvals[0].level, sign_off_level::hotline_head);
  EXPECT_EQ(second.state().approvals[0].name, "王主任");
}

TEST_F(Mengcheng, Seed001Art10_4_KeyItemsFirstByTheOfficeHeadThenTheDeputyCountyHead) {
  intake key = request();
  key.key = key_source::upper_hotline;
  ticket_case first{"mengcheng"};
  first.submit(key, "2026-03-16T08:40:00+08:00");
  EXPECT_EQ(first.sign_off(step::dispatch), "office_head");
  ticket_case second{"mengcheng"};
  second.submit(key, "2026-03-16T08:40:00+08:00", 1);
  EXPECT_EQ(second.sign_off(step::dispatch), "deputy_county_head");
  key.key = key_source::media;  // media brings supervision, not a higher sign-off (rules.md §8)
  ticket_case media{"mengcheng"};
  media.submit(key, "2026-03-16T08:40:00+08:00");
  EXPECT_EQ(media.sign_off(step::dispatch), "none");
  EXPECT_EQ(media.state().supervision, supervision_level::written);
}

TEST_F(Mengcheng, Seed001Art17_TheUnitHeadApprovesTheHandOut) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), monday, operator_role());
  auto r = t.refused(sign{}, "2026-03-16T10:00:00+08:00", department("housing"));
  EXPECT_EQ(r.level, sign_off_level::unit_head);
}

TEST_F(Mengcheng, Seed001Art24_RepliesToThreeOrMoreCallsAndKeyItemsGoToTheCountyHead) {
  signed_complaint();
  EXPECT_EQ(t.sign_off(step::reply), "unit_head");
  ticket_case third{"mengcheng"};
  third.submit(request(), "2026-03-16T08:40:00+08:00", 2);
  EXPECT_EQ(third.sign_off(step::reply), "county_head");
  intake key = request();
  key.key = key_source::leader;
  ticket_case leader{"mengcheng"};
  leader.submit(key, "2026-03-16T08:40:00+08:00");
  EXPECT_EQ(leader.sign_off(step::reply), "county_head");
  auto r = t.refused(reply_with("已协调物业恢复供水"), "2026-03-18T10:00:00+08:00",
                     department("housing"));
  EXPECT_EQ(r.level, sign_off_level::unit_head);
}

TEST_F(Mengcheng, Seed001Art20_TerminationNeedsTwoUnreasonableCallsAndTheCountyHead) {
  signed_complaint();
  auto r = t.refused(request_termination{"诉求不合理", signed_by("局长")},
                     "2026-03-18T10:00:00+08:00", department("housing"));
  EXPECT_EQ(r.code, refusal_code::invalid_transition);

  ticket_case again{"mengcheng"};
  again.submit(request(), "2026-03-16T08:40:00+08:00", 1);
  again.ok(dispatch_to("housing", {}, signed_by("王主任")), monday, operator_role());
  again.ok(sign{signed_by("局长")}, "2026-03-16T10:00:00+08:00", department("housing"));
  EXPECT_EQ(again.sign_off(step::termination), "unit_head");
  r = again.refused(request_termination{"第二次提出不合理诉求", std::nullopt},
                    "2026-03-18T10:00:00+08:00", department("housing"));
  EXPECT_EQ(r.level, sign_off_level::unit_head);
  again.ok(request_termination{"第二次提出不合理诉求", signed_by("局长")},
           "2026-03-18T10:00:00+08:00", department("housing"));
  // The county government's principal leader consents (县政府主要领导批示同意), by name.
  EXPECT_EQ(again.sign_off(step::termination_approval), "county_head");
  r = again.refused(approve_termination{"县长同意终结", std::nullopt}, "2026-03-19T10:00:00+08:00",
                    supervisor());
  EXPECT_EQ(r.field, "approved_by");
  EXPECT_EQ(r.level, sign_off_level::county_head);
  EXPECT_THAT(again.ok(approve_termination{"县长同意终结", signed_by("刘县长", "县长")},
                       "2026-03-19T10:00:00+08:00", supervisor()),
              ElementsAre("terminated", "archived"));
  EXPECT_EQ(again.state().current, status::terminated);
  EXPECT_EQ(again.state().approvals.back().name, "刘县长");
  EXPECT_EQ(again.state().approvals.back().at, step::termination_approval);
  // ... then it is reported to the city mayor's hotline office for cancellation (报…销号).
  const auto& done = std::get<terminated>(again.log()[again.log().size() - 2].body);
  EXPECT_NE(done.reported_to.find("销号"), std::string::npos);
}

TEST_F(Mengcheng, Seed001Art20_ATerminationRequestLapsesWhenTheTicketClosesFirst) {
  ticket_case again{"mengcheng"};
  again.submit(request(), "2026-03-16T08:40:00+08:00", 1);
  again.ok(dispatch_to("housing", {}, signed_by("王主任")), monday, operator_role());
  again.ok(sign{signed_by("局长")}, "2026-03-16T10:00:00+08:00", department("housing"));
  again.ok(reply_with("已答复", signed_by("局长")), "2026-03-17T10:00:00+08:00",
           department("housing"));
  again.ok(request_termination{"第二次提出不合理诉求", signed_by("局长")},
           "2026-03-17T11:00:00+08:00", department("housing"));
  again.ok(satisfied(), "2026-03-18T10:00:00+08:00", operator_role());
  EXPECT_FALSE(again.state().termination_request);  // nothing left waiting for the county head
  EXPECT_EQ(again
                .refused(approve_termination{"县长同意终结", std::nullopt},
                         "2026-03-19T10:00:00+08:00", supervisor())
                .code,
            refusal_code::invalid_transition);
}

TEST_F(Mengcheng, Seed001Art21_KeyItemsRepeatsOverdueAndPoorQualityAreSupervised) {
  intake leader = request();
  leader.key = key_source::leader;
  ticket_case key{"mengcheng"};
  EXPECT_THAT(key.submit(leader, "2026-03-16T08:40:00+08:00"),
              ElementsAre("submitted", "supervised"));

  ticket_case second{"mengcheng"};
  EXPECT_THAT(second.submit(request(), "2026-03-16T08:40:00+08:00", 1), ElementsAre("submitted"));
  ticket_case third{"mengcheng"};
  EXPECT_THAT(third.submit(request(), "2026-03-16T08:40:00+08:00", 2),
              ElementsAre("submitted", "supervised"));

  signed_complaint();
  t.ok(contact{"已电话联系"}, "2026-03-16T11:00:00+08:00", department("housing"));
  EXPECT_THAT(t.advance("2026-03-30T17:30:00+08:00"), ElementsAre("handle_overdue", "supervised"));
  EXPECT_EQ(t.state().supervision, supervision_level::written);

  ticket_case poor{"mengcheng"};
  poor.submit(request(), "2026-03-16T08:40:00+08:00");
  poor.ok(dispatch_to("housing"), monday, operator_role());
  poor.ok(sign{signed_by("局长")}, "2026-03-16T10:00:00+08:00", department("housing"));
  poor.ok(reply_with("已处理", signed_by("局长")), "2026-03-17T10:00:00+08:00",
          department("housing"));
  // 001 art. 21(4): sent back for perfunctory, poor handling (敷衍塞责, 办理质量不高), as the
  // center's visit-back finds it.
  EXPECT_THAT(poor.ok(dissatisfied("没有解决", true), "2026-03-18T10:00:00+08:00", operator_role()),
              ElementsAre("evaluated", "rework_started", "supervised"));
}

TEST_F(Mengcheng, Seed001Art21_4_ADissatisfactionNotFoundPoorHandlingIsRedoneWithoutSupervision) {
  signed_complaint();
  t.ok(reply_with("已处理", signed_by("局长")), "2026-03-17T10:00:00+08:00", department("housing"));
  EXPECT_THAT(t.ok(dissatisfied("不满意", false), "2026-03-18T10:00:00+08:00", operator_role()),
              ElementsAre("evaluated", "rework_started"));
  EXPECT_EQ(t.state().supervision, supervision_level::none);
}

TEST_F(Mengcheng, Seed001Art21_6_FiveCallersOnOneMatterAreSupervised) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  supervise hot;
  hot.trigger = supervision_trigger::concentration;
  hot.reason = "5 callers on water-outage in chengguan";
  EXPECT_THAT(t.ok(hot, "2026-03-16T09:00:00+08:00", timer()), ElementsAre("supervised"));
  EXPECT_EQ(t.state().supervision, supervision_level::written);
}

TEST_F(Mengcheng, Seed001Art25_MediationAndEnforcementItemsDoNotChaseSatisfaction) {
  intake mediation = request();
  mediation.kind_of_matter = nature::mediation;
  t.submit(mediation, "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), monday, operator_role());
  t.ok(sign{signed_by("局长")}, "2026-03-16T10:00:00+08:00", department("housing"));
  t.ok(reply_with("已依法调解", signed_by("局长")), "2026-03-17T10:00:00+08:00",
       department("housing"));
  EXPECT_THAT(t.ok(dissatisfied("不满意调解结果"), "2026-03-18T10:00:00+08:00", operator_role()),
              ElementsAre("evaluated", "closed", "archived"));
  EXPECT_EQ(t.state().rework_count, 0);
}

TEST_F(Mengcheng, Seed001Art14_TheFirstReceiverLeadsAndCoHandlersReportToIt) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing", {"urban-management", "waterworks"}), monday, operator_role());
  t.ok(sign{signed_by("局长")}, "2026-03-16T10:00:00+08:00", department("housing"));
  auto r = t.refused(reply_with("已处理", signed_by("局长")), "2026-03-17T10:00:00+08:00",
                     department("housing"));
  EXPECT_EQ(r.code, refusal_code::invalid_transition);
  EXPECT_NE(r.message.find("urban-management"), std::string::npos);
  t.ok(co_report{"已清理占道"}, "2026-03-17T11:00:00+08:00", department("urban-management"));
  r = t.refused(co_report{"再报一次"}, "2026-03-17T11:30:00+08:00", department("urban-management"));
  EXPECT_EQ(r.code, refusal_code::invalid_transition);
  t.ok(co_report{"已恢复供水"}, "2026-03-17T12:00:00+08:00", department("waterworks"));
  t.ok(reply_with("已处理", signed_by("局长")), "2026-03-17T14:00:00+08:00", department("housing"));
}

TEST_F(Mengcheng, Seed001Art8_ADeclineRecordsTheBasisAndTellsTheCallerWhereToGo) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  auto r = t.refused(decline{decline_reason::legal_procedure, "已进入诉讼程序", ""},
                     "2026-03-16T09:00:00+08:00", operator_role());
  EXPECT_EQ(r.field, "referral");
  EXPECT_THAT(t.ok(decline{decline_reason::legal_procedure, "已进入诉讼程序", "蒙城县人民法院"},
                   "2026-03-16T09:00:00+08:00", operator_role()),
              ElementsAre("declined", "archived"));
  EXPECT_EQ(t.state().current, status::declined);
}

TEST_F(Mengcheng, Seed001Art10_1_AnOperatorAnswersAConsultationDirectly) {
  t.submit(request(ticket_type::consultation), "2026-03-16T08:40:00+08:00");
  t.ok(answer{"公积金提取需携带身份证到县政务中心办理。"}, "2026-03-16T08:45:00+08:00",
       operator_role());
  EXPECT_THAT(t.ok(satisfied(), "2026-03-16T09:00:00+08:00", operator_role()),
              ElementsAre("evaluated", "closed", "archived"));
}

// 001 art. 21(5): items that involve several units are supervised.
TEST_F(Mengcheng, Seed001Art21_5_MultiUnitItemsAreSupervised) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  EXPECT_THAT(t.ok(dispatch_to("housing", {"urban-management"}), monday, operator_role()),
              ElementsAre("dispatched", "supervised"));
  EXPECT_EQ(std::get<supervised>(t.log().back().body).trigger, supervision_trigger::multi_unit);
}

// 001 art. 21(3): responsibility unclear — read as a return the center refused.
TEST_F(Mengcheng, Seed001Art21_3_ARefusedReturnIsSupervisedAsUnclearResponsibility) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), monday, operator_role());
  t.ok(return_ticket{"不属于本单位职责", "《物业管理条例》第二条", ""}, "2026-03-16T10:00:00+08:00",
       department("housing"));
  EXPECT_THAT(t.ok(reject_return{"属住建局职责"}, "2026-03-16T11:00:00+08:00", supervisor()),
              ElementsAre("return_rejected", "supervised"));
  EXPECT_EQ(std::get<supervised>(t.log().back().body).trigger,
            supervision_trigger::unclear_responsibility);
  // ... and the unit then signs in the normal way, with its head's sign-off (001 art. 17).
  EXPECT_EQ(t.refused(sign{}, "2026-03-16T11:30:00+08:00", department("housing")).level,
            sign_off_level::unit_head);
}

// 001 art. 20: repeats end by termination; a repeat is no ground to decline here (rules.md §1).
TEST_F(Mengcheng, Seed001Art20_ARepeatIsNotDeclinedButTerminated) {
  intake repeat = request();
  repeat.related_to = "MC-1";
  t.ok(workflow::submit{repeat, {"T-1", 1, true, "", "", true}}, "2026-03-16T08:40:00+08:00",
       operator_role());
  EXPECT_EQ(t.refused(decline{decline_reason::repeat_without_new_facts, "重复", ""},
                      "2026-03-16T08:50:00+08:00", operator_role())
                .field,
            "reason_code");
}

// 001 art. 25: mediation and enforcement items do not chase satisfaction, so the caller's view
// of them stays out of the unit's figures and its 100-point score.
TEST_F(Mengcheng, Seed001Art25_AnExemptItemsEvaluationIsNotScored) {
  intake r = request();
  r.kind_of_matter = nature::mediation;
  t.submit(r, "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), monday, operator_role());
  t.ok(sign{signed_by("局长")}, "2026-03-16T10:00:00+08:00", department("housing"));
  t.ok(reply_with("已调解", signed_by("局长")), "2026-03-17T10:00:00+08:00", department("housing"));
  t.ok(dissatisfied("不满意调解结果"), "2026-03-18T10:00:00+08:00", operator_role());
  std::map<std::string, unit_counts> counts;
  tally(t.log(), at("2026-03-01T00:00:00+08:00"), at("2026-04-01T00:00:00+08:00"), counts);
  EXPECT_EQ(counts["housing"].replied, 1);
  EXPECT_EQ(counts["housing"].dissatisfied, 0);
  EXPECT_EQ(counts["housing"].satisfied, 0);
}

// 001 art. 14: co-handlers report to the lead within their own term (assumed a working day before
// the lead's); a late one is overdue itself and no longer holds the lead's reply.
TEST_F(Mengcheng, Seed001Art14_ACoHandlerHasItsOwnTermAndLateness) {
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing", {"urban-management"}), monday, operator_role());
  t.ok(sign{signed_by("局长")}, "2026-03-16T10:00:00+08:00", department("housing"));
  EXPECT_EQ(t.due(deadline_kind::handle), "2026-03-30T17:30:00+08:00");
  EXPECT_EQ(t.due(deadline_kind::co_report), "2026-03-27T17:30:00+08:00");
  EXPECT_EQ(t.refused(reply_with("已处理", signed_by("局长")), "2026-03-20T10:00:00+08:00",
                      department("housing"))
                .code,
            refusal_code::invalid_transition);  // its part is not in, and not yet late
  t.ok(contact{"已联系"}, "2026-03-16T11:00:00+08:00", department("housing"));
  EXPECT_THAT(t.advance("2026-03-27T17:30:00+08:00"), ElementsAre("co_report_overdue"));
  EXPECT_TRUE(t.state().co[0].overdue);
  EXPECT_FALSE(t.state().overdue);  // the lead is not late for it
  t.ok(reply_with("已处理", signed_by("局长")), "2026-03-28T10:00:00+08:00", department("housing"));
}

}  // namespace
}  // namespace hotline::testing
