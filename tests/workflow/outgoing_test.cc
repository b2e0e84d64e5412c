// What a change owes the outside, as a pure function of its events (workflow/outgoing.h).
#include <gtest/gtest.h>

#include "tests/support/ticket_case.h"
#include "workflow/outgoing.h"

namespace hotline::testing {
namespace {
using namespace workflow;

ticket_state from_upper(bool blocked) {
  ticket_state s;
  s.id = "mengcheng-20260316-000001";
  s.version = 3;
  s.caller = citizen{"张三", "13800000000"};
  s.caller_blocked = blocked;
  s.upper = upper_ref{"city", "heyuan-20260316-000007", std::nullopt};
  return s;
}

event_record record(std::uint64_t seq, event e) {
  return {seq, at("2026-03-16T09:00:00+08:00"), "department:waterworks", std::move(e), ""};
}

// 002 art. 10: the lower platform reports its result to the upper one; 004 art. 15: the caller
// gets the result and the survey (which the rule core decided with the reply, survey_sent) by
// SMS. Ids sort in event order and never change on a retry.
TEST(Outgoing, Seed002Art10_AReplyIsReportedUpAndSentToTheCallerWithTheSurvey) {
  replied r;
  r.result = "已恢复供水";
  survey_sent survey{at("2026-03-19T17:30:00+08:00"), std::nullopt};
  auto out = outgoing(from_upper(false), {record(12, r), record(13, survey)}, {true});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].kind, outgoing_kind::report);
  EXPECT_EQ(out[0].to, "city");
  EXPECT_EQ(out[0].upper_ticket, "heyuan-20260316-000007");
  EXPECT_EQ(out[0].report.kind, platform_report_kind::replied);
  EXPECT_EQ(out[0].id, "mengcheng-20260316-000001/00000012/0");
  EXPECT_EQ(out[1].kind, outgoing_kind::sms);
  EXPECT_EQ(out[1].to, "13800000000");
  EXPECT_EQ(out[2].id, "mengcheng-20260316-000001/00000013/0");
  EXPECT_NE(out[2].text.find("回复1为满意"), std::string::npos);
}

// 000 art. 20: a blocked caller is never messaged; the report to the upper still goes.
TEST(Outgoing, Seed000Art20_ABlockedCallerGetsNoMessage) {
  replied r;
  auto out = outgoing(from_upper(true), {record(5, r)}, {true});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, outgoing_kind::report);
}

// A forwarded item keeps its confidentiality, so the lower platform hides the caller from its
// departments too; only what the caller said travels, with the upper's id and term.
TEST(Outgoing, Seed002Art10_AForwardCarriesTheItemItsTermAndItsConfidentiality) {
  ticket_state s = from_upper(false);
  s.upper.reset();
  s.confidential = true;
  s.title = "举报";
  forwarded f{"county", at("2026-03-30T17:30:00+08:00")};
  auto out = outgoing(s, {record(2, f)}, {false});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, outgoing_kind::forward);
  EXPECT_EQ(out[0].to, "county");
  EXPECT_EQ(out[0].request.via, channel::upper_platform);
  EXPECT_TRUE(out[0].request.confidential);
  ASSERT_TRUE(out[0].request.upper);
  EXPECT_EQ(out[0].request.upper->ticket, s.id);
  EXPECT_EQ(out[0].request.upper->due, at("2026-03-30T17:30:00+08:00"));
}

TEST(Outgoing, SurveyAnswersAreOneOrTwo) {
  EXPECT_EQ(survey_answer(" 1\n"), true);
  EXPECT_EQ(survey_answer("不满意"), false);
  EXPECT_EQ(survey_answer("好的"), std::nullopt);
}

}  // namespace
}  // namespace hotline::testing
