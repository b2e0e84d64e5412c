// The SMS survey's expiry through the runtime: armed in the due index with the reply, fired by
// the timer on its calendar day (virtual clock), and an upload's bytes durable with its event.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>

#include "tests/support/runtime_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using ::testing::Contains;
using ::testing::Not;

// Mengcheng's server with an SMS gateway: replies send the caller the survey.
const jurisdiction& mengcheng_with_sms() {
  static const jurisdiction j = [] {
    jurisdiction made = scenario("mengcheng");
    made.rules.sms_surveys = true;
    return made;
  }();
  return j;
}

actors::runtime_options with_sms() {
  actors::runtime_options o;
  o.where = &mengcheng_with_sms();
  return o;
}

// Replied Thursday 2 April 2026 at 10:00; Qingming (4-6 April) is not counted: 3 working days end
// Wednesday 8 April at 17:30 (001 art. 25: then the office's visit-back decides).
TEST(SurveyExpiry, Seed001Art25_TheTimerRecordsNoAnswerOnItsDayAndTheTicketAwaitsTheVisitBack) {
  runtime_case rc("mengcheng", "2026-03-30T09:00:00+08:00", with_sms());
  std::string id = rc.open();
  rc.ok(id, dispatch_to("housing"), operator_role());
  rc.ok(id, sign{signed_by("局长")}, department("housing"));
  rc.advance("2026-04-02T10:00:00+08:00");
  EXPECT_THAT(rc.ok(id, reply_with("已修复", signed_by("局长")), department("housing")),
              ::testing::ElementsAre("replied", "survey_sent"));
  EXPECT_EQ(rc.state(id).survey_deadline.due, at("2026-04-08T17:30:00+08:00"));
  rc.advance("2026-04-08T17:29:59+08:00");
  EXPECT_THAT(rc.history(id), Not(Contains("survey_unanswered")));
  EXPECT_EQ(rc.advance("2026-04-08T17:30:00+08:00"), 1u);
  EXPECT_THAT(rc.history(id), Contains("survey_unanswered"));
  auto s = rc.state(id);
  EXPECT_EQ(s.current, status::replied);
  EXPECT_TRUE(s.survey_deadline.fired);
  EXPECT_TRUE(deadlines(s).empty());  // nothing left armed: it fires once
  EXPECT_EQ(rc.advance("2026-04-30T17:30:00+08:00"), 0u);
  rc.ok(id, satisfied(), operator_role());  // the office's visit-back
  EXPECT_EQ(rc.state(id).current, status::closed);
}

TEST(SurveyExpiry, Seed003S5_4_AnUploadsBytesAreStoredWithItsEvent) {
  runtime_case rc("mengcheng", "2026-03-30T09:00:00+08:00");
  std::string id = rc.open();
  const std::string pdf = "%PDF-1.4\n%%EOF\n";
  auto upload = [&] {
    auto done = std::make_shared<std::promise<actors::command_outcome>>();
    auto f = done->get_future();
    rc.rt->attach(id, actors::upload{"签发.pdf", "application/pdf", pdf}, operator_role(),
                  actors::reply_to([done](actors::command_outcome o) { done->set_value(o); }));
    return f.get();
  };
  ASSERT_EQ(describe_outcome(upload()), "done");
  ASSERT_EQ(describe_outcome(upload()), "done");  // the same bytes: nothing new
  auto listed = rc.rt->attachments(id, operator_role());
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  auto file = rc.rt->attachment(id, (*listed)[0].digest, operator_role());
  ASSERT_TRUE(file);
  EXPECT_EQ(file->bytes, pdf);
  EXPECT_EQ(file->about.type, media_type::pdf);
  EXPECT_EQ(rc.history(id), (std::vector<std::string>{"submitted", "attached"}));
}

}  // namespace
}  // namespace hotline::testing
