// Rules common to all five jurisdictions (rules.md §1): roles, refusals, transitions.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/ticket_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using ::testing::ElementsAre;

struct Common : ::testing::Test {
  ticket_case t{"zhijiang"};
  void SetUp() override { t.submit(request(), "2026-03-16T08:40:00+08:00"); }
};

TEST_F(Common, EachActionBelongsToOneRole) {
  EXPECT_EQ(
      t.refused(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", department("housing")).code,
      refusal_code::forbidden);
  EXPECT_EQ(t.refused(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", supervisor()).code,
            refusal_code::forbidden);
  t.ok(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", operator_role());
  EXPECT_EQ(t.refused(sign{}, "2026-03-16T09:10:00+08:00", operator_role()).code,
            refusal_code::forbidden);
  EXPECT_EQ(t.refused(sign{}, "2026-03-16T09:10:00+08:00", {role::admin, "", "ops"}).code,
            refusal_code::forbidden);
}

TEST_F(Common, OnlyOperatorsRegisterTickets) {
  ticket_case c{"zhijiang"};
  for (auto who : {department("housing"), supervisor(), actor_ref{role::admin, "", "ops"}})
    EXPECT_EQ(c.refused(workflow::submit{request(), {"T-1", 0, false, "", ""}},
                        "2026-03-16T08:40:00+08:00", who)
                  .code,
              refusal_code::forbidden);
}

TEST_F(Common, ADepartmentActsOnlyOnTicketsItHolds) {
  t.ok(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", operator_role());
  auto r = t.refused(sign{}, "2026-03-16T09:10:00+08:00", department("market"));
  EXPECT_EQ(r.code, refusal_code::forbidden);
  EXPECT_FALSE(may_view(t.state(), department("market"), t.where().departments));
  EXPECT_TRUE(may_view(t.state(), department("housing"), t.where().departments));
  EXPECT_TRUE(may_view(t.state(), supervisor(), t.where().departments));
}

TEST_F(Common, AnInvalidTransitionSaysTheStatusAndTheActionsAllowed) {
  auto r = t.refused(sign{}, "2026-03-16T09:10:00+08:00", department("housing"));
  // Nobody leads it yet, so the department is refused before the status is looked at.
  EXPECT_EQ(r.code, refusal_code::forbidden);
  r = t.refused(satisfied(), "2026-03-16T09:10:00+08:00", operator_role());
  EXPECT_EQ(r.code, refusal_code::invalid_transition);
  EXPECT_EQ(r.current, status::received);
  // A complaint is not answered directly in Zhijiang (002 art. 16(1)), so `answer` is not offered.
  EXPECT_THAT(r.allowed, ElementsAre(action::decline, action::dispatch, action::supervise,
                                     action::request_block));
}

// A consultation the operator answers directly (002 art. 16(1)).
ticket_case consultation() {
  ticket_case c{"zhijiang"};
  c.submit(request(ticket_type::consultation), "2026-03-16T08:40:00+08:00");
  return c;
}

TEST(CommonRules, ClosedTicketsAllowNothingButABlockOnTheirCaller) {
  auto t = consultation();
  t.ok(answer{"答复内容"}, "2026-03-16T08:45:00+08:00", operator_role());
  t.ok(satisfied(), "2026-03-16T09:00:00+08:00", operator_role());
  auto r = t.refused(supervise{"督办", std::nullopt}, "2026-03-16T09:10:00+08:00", supervisor());
  EXPECT_EQ(r.code, refusal_code::invalid_transition);
  EXPECT_THAT(r.allowed, ElementsAre(action::request_block));  // 000 art. 20
  EXPECT_TRUE(deadlines(t.state()).empty());
}

// rules.md §1: a caller unhappy with a direct answer is not yet unhappy with a unit's handling.
TEST(CommonRules, ADirectAnswerThatDoesNotSatisfyGoesToAUnitWithoutCountingAgainstIt) {
  auto t = consultation();
  t.ok(answer{"按政策答复"}, "2026-03-16T08:45:00+08:00", operator_role());
  EXPECT_THAT(t.ok(dissatisfied("没有解决"), "2026-03-16T09:00:00+08:00", operator_role()),
              ElementsAre("evaluated", "reopened"));
  EXPECT_EQ(t.state().current, status::received);
  EXPECT_EQ(t.state().dissatisfied_count, 0);
  EXPECT_FALSE(std::get<evaluated>(t.log()[t.log().size() - 2].body).scored);
  t.ok(dispatch_to("housing"), "2026-03-16T09:05:00+08:00", operator_role());
  t.ok(sign{}, "2026-03-16T09:10:00+08:00", department("housing"));
  t.ok(reply_with("已答复"), "2026-03-16T10:00:00+08:00", department("housing"));
  // The unit's first handling: a dissatisfaction redoes it (002 art. 20(1)), it does not go
  // straight to professional evaluation as a second one would (art. 20(2)).
  EXPECT_THAT(t.ok(dissatisfied("仍未解决", true), "2026-03-16T11:00:00+08:00", operator_role()),
              ElementsAre("evaluated", "rework_started", "supervised"));
  EXPECT_EQ(t.state().dissatisfied_count, 1);
}

TEST_F(Common, FieldsAreCheckedAndNamed) {
  ticket_case c{"zhijiang"};
  intake r = request();
  r.title = std::string(201, 'x');
  EXPECT_EQ(c.refused(workflow::submit{r, {"T-1", 0, false, "", ""}}, "2026-03-16T08:40:00+08:00",
                      operator_role())
                .field,
            "title");
  r = request();
  r.title = std::string(200, 'x');
  r.content = "";
  EXPECT_EQ(c.refused(workflow::submit{r, {"T-1", 0, false, "", ""}}, "2026-03-16T08:40:00+08:00",
                      operator_role())
                .field,
            "content");
  r = request();
  r.content = "\xff\xfe";
  EXPECT_EQ(c.refused(workflow::submit{r, {"T-1", 0, false, "", ""}}, "2026-03-16T08:40:00+08:00",
                      operator_role())
                .message,
            "content is not valid UTF-8.");
  r = request();
  r.title = std::string(200 * 3 / 3, 'x');
  r.title = "";
  for (int i = 0; i < 200; ++i) r.title += "水";  // 200 characters, 600 bytes
  c.ok(workflow::submit{r, {"T-1", 0, false, "", ""}}, "2026-03-16T08:40:00+08:00",
       operator_role());
}

TEST_F(Common, DispatchNamesKnownDistinctDepartments) {
  EXPECT_EQ(t.refused(dispatch_to("nowhere"), "2026-03-16T09:00:00+08:00", operator_role()).field,
            "lead");
  EXPECT_EQ(
      t.refused(dispatch_to("housing", {"housing"}), "2026-03-16T09:00:00+08:00", operator_role())
          .field,
      "co[0]");
  EXPECT_EQ(t.refused(dispatch_to("housing", {"market", "market"}), "2026-03-16T09:00:00+08:00",
                      operator_role())
                .field,
            "co[1]");
  dispatch classed = dispatch_to("housing");
  classed.cls = ticket_class::B;
  EXPECT_EQ(t.refused(classed, "2026-03-16T09:00:00+08:00", operator_role()).field, "class");
}

TEST_F(Common, StaleTimersChangeNothingAndOnlyTheRuntimeExpiresDeadlines) {
  t.ok(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", operator_role());
  instant due = *t.state().sign_deadline.due;
  EXPECT_EQ(
      t.refused(expire{deadline_kind::sign, due}, "2026-03-16T17:00:00+08:00", supervisor()).code,
      refusal_code::forbidden);
  t.ok(sign{}, "2026-03-16T10:00:00+08:00", department("housing"));
  auto stale = t.run(expire{deadline_kind::sign, due}, "2026-03-16T17:00:00+08:00", timer());
  ASSERT_TRUE(stale);
  EXPECT_TRUE(stale->empty());
  auto early = t.run(expire{deadline_kind::handle, *t.state().handle_deadline.due},
                     "2026-03-17T09:00:00+08:00", timer());
  ASSERT_TRUE(early);
  EXPECT_TRUE(early->empty());
}

TEST_F(Common, EveryEventIsNumberedStampedAndAttributed) {
  t.ok(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", operator_role());
  const auto& log = t.log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[1].seq, 2u);
  EXPECT_EQ(format_instant(log[1].at), "2026-03-16T09:00:00+08:00");
  EXPECT_EQ(log[1].by, "operator:alice");
  EXPECT_EQ(t.state().version, 2u);
}

TEST_F(Common, RequestsAwaitingApprovalBlockTheirTwins) {
  t.ok(dispatch_to("housing"), "2026-03-16T09:00:00+08:00", operator_role());
  t.ok(return_ticket{"非本单位职责", "三定方案", ""}, "2026-03-16T09:30:00+08:00",
       department("housing"));
  EXPECT_EQ(t.refused(sign{}, "2026-03-16T09:40:00+08:00", department("housing")).code,
            refusal_code::invalid_transition);
  EXPECT_EQ(t.refused(return_ticket{"再次", "依据", ""}, "2026-03-16T09:40:00+08:00",
                      department("housing"))
                .code,
            refusal_code::invalid_transition);
  EXPECT_EQ(t.refused(approve_extension{}, "2026-03-16T09:40:00+08:00", supervisor()).code,
            refusal_code::invalid_transition);
}

}  // namespace
}  // namespace hotline::testing
