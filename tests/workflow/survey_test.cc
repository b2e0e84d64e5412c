// The satisfaction survey by SMS (004 art. 15, 002 art. 19(1), 001 art. 15) and its expiry: no
// answer within the policy's time is recorded as such, then the jurisdiction's visit-back rule.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/ticket_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using ::testing::ElementsAre;

// A jurisdiction whose server has an SMS gateway (`--peers` with sms_gateway).
const jurisdiction& with_sms_gateway(const std::string& id) {
  static std::map<std::string, jurisdiction> made;
  auto it = made.find(id);
  if (it == made.end()) {
    jurisdiction j = scenario(id);
    j.rules.sms_surveys = true;
    it = made.emplace(id, std::move(j)).first;
  }
  return it->second;
}

// Replied on Thursday 2 April 2026, before Qingming (4-6 April): the caller's 3 working days
// are Friday 3, Tuesday 7 and Wednesday 8 April.
void replied_before_qingming(ticket_case& t, std::optional<signatures> sign_off,
                             std::optional<signatures> reply_sign_off) {
  t.submit(request(), "2026-03-30T09:00:00+08:00");
  t.ok(dispatch_to("housing"), "2026-03-30T09:10:00+08:00", operator_role());
  t.ok(sign{std::move(sign_off)}, "2026-03-30T10:00:00+08:00", department("housing"));
  EXPECT_THAT(t.ok(reply_with("已修复", std::move(reply_sign_off)), "2026-04-02T10:00:00+08:00",
                   department("housing")),
              ElementsAre("replied", "survey_sent"));
  EXPECT_EQ(t.due(deadline_kind::survey), "2026-04-08T17:30:00+08:00");
}

TEST(Survey, Seed001Art25_UnansweredIsRecordedAndTheOfficesVisitBackDecides) {
  ticket_case t{with_sms_gateway("mengcheng")};
  replied_before_qingming(t, signed_by("局长"), signed_by("局长"));
  EXPECT_THAT(t.advance("2026-04-08T17:29:00+08:00"), ElementsAre());
  EXPECT_THAT(t.advance("2026-04-08T17:30:00+08:00"), ElementsAre("survey_unanswered"));
  EXPECT_EQ(t.state().current, status::replied);
  EXPECT_FALSE(t.state().satisfied);
  EXPECT_FALSE(t.state().overdue);  // the caller's silence is nobody's lateness
  // The office's visit-back, or a late answer from the caller, is the evaluation.
  EXPECT_THAT(t.ok(survey_reply{"13800000000", "1"}, "2026-04-09T09:00:00+08:00",
                   actor_ref{role::gateway, "", "sms_gateway"}),
              ElementsAre("evaluated", "closed", "archived"));
}

TEST(Survey, Seed004Art15_UnansweredClosesTheItemUnscored) {
  ticket_case t{with_sms_gateway("heyuan")};
  replied_before_qingming(t, std::nullopt, std::nullopt);
  EXPECT_THAT(t.advance("2026-04-08T17:30:00+08:00"),
              ElementsAre("survey_unanswered", "closed", "archived"));
  EXPECT_EQ(t.state().current, status::closed);
  EXPECT_FALSE(t.state().satisfied);
  auto r = t.refused(survey_reply{"13800000000", "1"}, "2026-04-09T09:00:00+08:00",
                     actor_ref{role::gateway, "", "sms_gateway"});
  EXPECT_EQ(r.code, refusal_code::invalid_transition);
}

TEST(Survey, Seed004Art15_AnAnswerInTimeDisarmsTheExpiry) {
  ticket_case t{with_sms_gateway("heyuan")};
  replied_before_qingming(t, std::nullopt, std::nullopt);
  t.ok(survey_reply{"+86 138 0000 0000", "2"}, "2026-04-07T09:00:00+08:00",
       actor_ref{role::gateway, "", "sms_gateway"});
  EXPECT_EQ(t.state().current, status::handling);  // rework
  EXPECT_THAT(t.advance("2026-04-30T17:30:00+08:00"),
              ::testing::Not(::testing::Contains("survey_unanswered")));
}

TEST(Survey, Seed004Art15_NoSurveyWithoutAGatewayOrACallersPhone) {
  ticket_case plain{"heyuan"};  // no SMS gateway: the center's visit-back, as before
  plain.submit(request(), "2026-03-30T09:00:00+08:00");
  plain.ok(dispatch_to("housing"), "2026-03-30T09:10:00+08:00", operator_role());
  plain.ok(sign{}, "2026-03-30T10:00:00+08:00", department("housing"));
  EXPECT_THAT(plain.ok(reply_with("已修复"), "2026-04-02T10:00:00+08:00", department("housing")),
              ElementsAre("replied"));

  ticket_case anonymous{with_sms_gateway("heyuan")};
  intake r = request();
  r.caller.reset();
  anonymous.submit(r, "2026-03-30T09:00:00+08:00");
  anonymous.ok(dispatch_to("housing"), "2026-03-30T09:10:00+08:00", operator_role());
  anonymous.ok(sign{}, "2026-03-30T10:00:00+08:00", department("housing"));
  EXPECT_THAT(
      anonymous.ok(reply_with("已修复"), "2026-04-02T10:00:00+08:00", department("housing")),
      ElementsAre("replied"));
  EXPECT_EQ(anonymous.due(deadline_kind::survey), "none");
}

}  // namespace
}  // namespace hotline::testing
