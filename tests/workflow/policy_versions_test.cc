// Policy versions in the rule core (rules.md §9): which version is in force on a day, what a new
// version may be, and that a decision records the version it applied.
#include <gtest/gtest.h>

#include "tests/support/ticket_case.h"
#include "workflow/policy_versions.h"

namespace hotline::testing {
namespace {
using namespace workflow;

policy version(const std::string& id, std::optional<date> from) {
  policy p = scenario("zhijiang").rules;
  p.version = {id, from, "test"};
  return p;
}

jurisdiction three_versions(date today) {
  const jurisdiction& z = scenario("zhijiang");
  auto j = with_versions({version("draft", std::nullopt), version("final", date{2026, 3, 18}),
                          version("amended", date{2027, 1, 1})},
                         z.departments, z.calendar, today);
  EXPECT_TRUE(j.ok());
  return std::move(j).value();
}

TEST(PolicyVersions, Rules9_TheVersionInForceIsTheLastThatTookEffectByTheDay) {
  EXPECT_EQ(three_versions(date{2026, 3, 17}).rules.version.id, "draft");
  auto on_the_day = three_versions(date{2026, 3, 18});
  EXPECT_EQ(on_the_day.rules.version.id, "final");
  ASSERT_EQ(on_the_day.earlier.size(), 1u);
  EXPECT_EQ(on_the_day.later.size(), 1u);
  auto later = three_versions(date{2027, 6, 1});
  EXPECT_EQ(later.rules.version.id, "amended");
  EXPECT_EQ(later.earlier.size(), 2u);
  EXPECT_TRUE(later.later.empty());
  // Rolling forward a day at a time gives the same.
  auto j = three_versions(date{2026, 1, 1});
  EXPECT_FALSE(version_due(j, date{2026, 3, 17}));
  EXPECT_TRUE(version_due(j, date{2026, 3, 18}));
  roll_forward(j, date{2026, 3, 18});
  EXPECT_EQ(j.rules.version.id, "final");
  std::vector<std::string> ids;
  for (const auto& v : versions_of(j)) ids.push_back(v.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"draft", "final", "amended"}));
}

TEST(PolicyVersions, Rules9_VersionsOutOfOrderOrWithoutADateAreRefused) {
  const jurisdiction& z = scenario("zhijiang");
  auto out_of_order = with_versions(
      {version("a", std::nullopt), version("b", date{2026, 5, 1}), version("c", date{2026, 4, 1})},
      z.departments, z.calendar, date{2026, 1, 1});
  ASSERT_FALSE(out_of_order.ok());
  EXPECT_EQ(out_of_order.error().field, "version.effective_from");
  auto undated = with_versions({version("a", std::nullopt), version("b", std::nullopt)},
                               z.departments, z.calendar, date{2026, 1, 1});
  ASSERT_FALSE(undated.ok());
  EXPECT_EQ(undated.error().field, "version.effective_from");
  auto twins = with_versions({version("a", std::nullopt), version("a", date{2026, 5, 1})},
                             z.departments, z.calendar, date{2026, 1, 1});
  ASSERT_FALSE(twins.ok());
  EXPECT_EQ(twins.error().field, "version.id");
}

TEST(PolicyVersions, Rules9_ANewVersionTakesEffectTodayOrLaterAndAfterTheLast) {
  auto j = three_versions(date{2026, 6, 1});
  date today{2026, 6, 1};
  EXPECT_FALSE(check_new_version(j, {"next", date{2027, 2, 1}, "x"}, today));
  EXPECT_EQ(check_new_version(j, {"next", date{2026, 5, 31}, "x"}, today)->field,
            "version.effective_from");  // before today: over decisions already taken
  EXPECT_EQ(check_new_version(j, {"next", date{2026, 12, 1}, "x"}, today)->field,
            "version.effective_from");  // before "amended"
  EXPECT_EQ(check_new_version(j, {"final", date{2027, 2, 1}, "x"}, today)->field, "version.id");
  EXPECT_EQ(check_new_version(j, {"next", std::nullopt, "x"}, today)->field,
            "version.effective_from");
}

TEST(PolicyVersions, Rules9_EveryEventRecordsTheVersionItsDecisionApplied) {
  ticket_case t("zhijiang");
  t.submit(request(), "2026-03-16T09:00:00+08:00");
  t.ok(dispatch_to("housing"), "2026-03-16T09:30:00+08:00", operator_role());
  ASSERT_GE(t.log().size(), 2u);
  for (const auto& e : t.log()) EXPECT_EQ(e.policy_version, "征求意见稿");
  EXPECT_EQ(t.state().policy_version, "征求意见稿");
}

}  // namespace
}  // namespace hotline::testing
