// The holder's next term (workflow::next_due), on real calendar dates: what a department's inbox
// sorts by and what "due today" means (GET /api/v1/tickets?sort=due&due_before=).
#include <gtest/gtest.h>

#include "tests/support/ticket_case.h"
#include "workflow/time.h"

namespace hotline::testing {
namespace {
using namespace workflow;

std::string next_due_of(const ticket_case& t) {
  auto due = next_due(t.state());
  return due ? format_instant(*due) : "none";
}

// Monday 16 March 2026, an ordinary working week.
const std::string monday = "2026-03-16T09:00:00+08:00";

TEST(NextDue, Seed001Art14_Art15_TheUnitOwesItsSignThenItsContactThenItsReply) {
  ticket_case t{"mengcheng"};
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), monday, operator_role());
  EXPECT_EQ(next_due_of(t), "2026-03-17T17:30:00+08:00");  // sign: one working day (art. 14)
  t.ok(sign{signed_by("住建局局长")}, "2026-03-16T10:00:00+08:00", department("housing"));
  EXPECT_EQ(next_due_of(t), "2026-03-17T17:30:00+08:00");  // contact: one working day (art. 15)
  t.ok(contact{"已联系"}, "2026-03-16T11:00:00+08:00", department("housing"));
  EXPECT_EQ(next_due_of(t), "2026-03-30T17:30:00+08:00");  // handling: ten working days (art. 18)
  t.ok(reply_with("已处理", signed_by("局长")), "2026-03-20T10:00:00+08:00", department("housing"));
  EXPECT_EQ(next_due_of(t), "none");  // the caller's evaluation is the center's, not a term
}

TEST(NextDue, Seed001Art18_APassedTermIsStillOwedSoOverdueTicketsComeFirst) {
  ticket_case t{"mengcheng"};
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), monday, operator_role());
  t.ok(sign{signed_by("局长")}, "2026-03-16T10:00:00+08:00", department("housing"));
  t.ok(contact{"已联系"}, "2026-03-16T11:00:00+08:00", department("housing"));
  t.advance("2026-03-31T09:00:00+08:00");
  ASSERT_TRUE(t.state().overdue);
  EXPECT_TRUE(deadlines(t.state()).empty());               // nothing left to fire
  EXPECT_EQ(next_due_of(t), "2026-03-30T17:30:00+08:00");  // but the reply is still owed
}

TEST(NextDue, Seed001Art14_AcrossQingmingTheSignTermIsTheNextWorkingDay) {
  ticket_case t{"mengcheng"};
  t.submit(request(), "2026-04-03T09:40:00+08:00");
  t.ok(dispatch_to("housing"), "2026-04-03T10:00:00+08:00", operator_role());  // Friday
  // Saturday 4 to Monday 6 April are the Qingming holiday.
  EXPECT_EQ(next_due_of(t), "2026-04-07T17:30:00+08:00");
}

TEST(NextDue, Seed001Art14_ACoHandlersTermIsNotTheLeadsNextTerm) {
  ticket_case t{"mengcheng"};
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing", {"urban-management"}), monday, operator_role());
  t.ok(sign{signed_by("局长")}, "2026-03-16T10:00:00+08:00", department("housing"));
  t.ok(contact{"已联系"}, "2026-03-16T11:00:00+08:00", department("housing"));
  EXPECT_EQ(t.due(deadline_kind::co_report), "2026-03-27T17:30:00+08:00");
  EXPECT_EQ(next_due_of(t), "2026-03-30T17:30:00+08:00");
}

TEST(NextDue, Seed002Art17_APendingReturnStopsTheSignClockSoNothingIsOwed) {
  ticket_case t{"zhijiang"};
  t.submit(request(), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), monday, operator_role());
  ASSERT_NE(next_due_of(t), "none");
  t.ok(return_ticket{"不属于本单位职责", "", ""}, "2026-03-16T09:30:00+08:00",
       department("housing"));
  EXPECT_EQ(next_due_of(t), "none");
}

TEST(NextDue, Seed004Art18_AHelpItemIsOwedByItsLimitNotItsTerm) {
  ticket_case t{"heyuan"};
  t.submit(request(ticket_type::help), "2026-03-16T08:40:00+08:00");
  t.ok(dispatch_to("housing"), monday, operator_role());
  t.ok(sign{}, "2026-03-16T10:00:00+08:00", department("housing"));
  t.ok(contact{"已联系"}, "2026-03-16T11:00:00+08:00", department("housing"));
  EXPECT_EQ(t.state().handle_term_due ? format_instant(*t.state().handle_term_due) : "none",
            "2026-03-19T17:30:00+08:00");
  EXPECT_EQ(next_due_of(t), t.due(deadline_kind::handle));
  EXPECT_EQ(next_due_of(t), "2026-03-23T17:30:00+08:00");
}

}  // namespace
}  // namespace hotline::testing
