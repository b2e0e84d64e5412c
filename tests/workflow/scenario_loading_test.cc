// Loading scenarios/<id>/: the five jurisdictions load, and a broken file is named exactly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "apps/scenario/load_scenario.h"
#include "tests/support/ticket_case.h"

namespace hotline::testing {
namespace {
namespace fs = std::filesystem;
using namespace workflow;

const std::string root = HOTLINE_SCENARIOS_DIR;

// A copy of a scenario folder and the national calendars beside it in a temporary directory,
// with one file rewritten.
struct broken_copy {
  fs::path top, dir;
  explicit broken_copy(const std::string& id) {
    top = fs::temp_directory_path() / ("hotline-scenario-" + std::to_string(::getpid()) + "-" + id);
    dir = top / id;
    fs::remove_all(top);
    fs::create_directories(top);
    fs::copy(root + "/" + id, dir, fs::copy_options::recursive);
    fs::copy(root + "/calendars", top / "calendars", fs::copy_options::recursive);
  }
  ~broken_copy() { fs::remove_all(top); }
  void write(const std::string& file, const std::string& text) {
    fs::create_directories((dir / file).parent_path());
    std::ofstream(dir / file) << text;
  }
  void replace(const std::string& file, const std::string& from, const std::string& to) {
    std::ifstream in(dir / file);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    auto pos = text.find(from);
    ASSERT_NE(pos, std::string::npos) << from;
    text.replace(pos, from.size(), to);
    std::ofstream(dir / file) << text;
  }
  std::string error() {
    auto j = scenario::load_scenario(dir.string());
    return j ? "loaded" : j.error().message;
  }
};

TEST(ScenarioLoading, AllFiveJurisdictionsLoadWithSourcedValues) {
  for (std::string id : {"yaoan-water", "mengcheng", "zhijiang", "pingdingshan", "heyuan"}) {
    const jurisdiction& j = scenario(id);
    EXPECT_EQ(j.rules.id, id);
    EXPECT_GT(j.departments.all().size(), 5u) << id;
    EXPECT_TRUE(j.calendar.covers(2025) && j.calendar.covers(2026)) << id;
    for (const auto& rule : j.rules.handle)
      EXPECT_TRUE(std::regex_search(rule.from, std::regex("^(00[0-4] |assumed: )")))
          << id << ": " << rule.from;
  }
}

TEST(ScenarioLoading, PingdingshanHasThreeTiers) {
  const auto& tree = scenario("pingdingshan").departments;
  ASSERT_NE(tree.find("ximarket"), nullptr);
  EXPECT_EQ(tree.find("ximarket")->tier, 3);
  EXPECT_EQ(tree.find("xinhua")->tier, 2);
  EXPECT_TRUE(tree.is_ancestor("xinhua", "ximarket"));
}

TEST(ScenarioLoading, ABadTermNamesTheFileAndTheField) {
  broken_copy copy("mengcheng");
  copy.replace("policy.json", "\"10wd\"", "\"10dw\"");
  EXPECT_EQ(copy.error(), copy.dir.string() +
                              "/policy.json: terms.handle[1].term: '10dw' is not a "
                              "term (write e.g. 5wd, 0.5wd, 24h or 30min).");
}

TEST(ScenarioLoading, AMissingSourceIsAnError) {
  broken_copy copy("zhijiang");
  copy.replace("policy.json",
               "\"source\": \"002 art. 17(1): units sign within half a working day\"",
               "\"source\": \"\"");
  EXPECT_NE(copy.error().find("policy.json: terms.sign[1]: needs a source"), std::string::npos)
      << copy.error();
}

TEST(ScenarioLoading, AnUnknownNameIsAnError) {
  broken_copy copy("heyuan");
  copy.replace("policy.json", "\"city_leader\"", "\"mayor\"");
  EXPECT_NE(
      copy.error().find("policy.json: sign_offs[0].level: 'mayor' is not one of the allowed names"),
      std::string::npos)
      << copy.error();
}

TEST(ScenarioLoading, AnUnknownParentDepartmentIsAnError) {
  broken_copy copy("pingdingshan");
  copy.replace("departments.json", "\"parent\": \"xinhua\"", "\"parent\": \"xinhau\"");
  EXPECT_NE(
      copy.error().find("departments.json: departments[1].parent 'xinhau' is not a department."),
      std::string::npos)
      << copy.error();
}

TEST(ScenarioLoading, ACalendarMakeUpDayThatIsNotAWeekendIsAnError) {
  broken_copy copy("yaoan-water");
  copy.replace("../calendars/2026.json", "\"2026-01-04\"", "\"2026-01-05\"");
  EXPECT_NE(
      copy.error().find("calendars/2026.json: make-up working day 2026-01-05 is not a weekend"),
      std::string::npos)
      << copy.error();
}

TEST(ScenarioLoading, EveryScenarioSharesTheOneNationalCalendar) {
  for (std::string id : {"yaoan-water", "zhijiang", "pingdingshan", "heyuan"}) {
    const auto& entries = scenario(id).calendar.entries();
    ASSERT_EQ(entries.size(), scenario("mengcheng").calendar.entries().size()) << id;
    EXPECT_EQ(entries[1].source, scenario("mengcheng").calendar.entries()[1].source) << id;
  }
  broken_copy copy("heyuan");
  fs::remove_all(copy.top / "calendars");
  EXPECT_NE(copy.error().find("calendars: no national calendar files"), std::string::npos)
      << copy.error();
}

TEST(ScenarioLoading, ALocalLayerAddsItsHolidaysWithItsSource) {
  // A local regulation's festival days (test data: an autonomous prefecture's two days).
  broken_copy copy("yaoan-water");
  copy.write("calendars/festival-2026.json", R"({"year": 2026,
      "source": "test: a prefecture's autonomy regulation, festival days",
      "holidays": [["2026-08-06", "2026-08-07"]]})");
  auto j = scenario::load_scenario(copy.dir.string());
  ASSERT_TRUE(j) << j.error().message;
  EXPECT_FALSE(*j->calendar.is_working_day({2026, 8, 6}));
  EXPECT_FALSE(*j->calendar.is_working_day({2026, 8, 7}));
  EXPECT_TRUE(*scenario("yaoan-water").calendar.is_working_day({2026, 8, 6}));
  auto due = j->calendar.due(at("2026-08-05T10:00:00+08:00"), working_days(1));
  EXPECT_EQ(format_instant(*due), "2026-08-10T17:30:00+08:00");
  bool listed = false;
  for (const auto& e : j->calendar.entries())
    listed |= e.local && e.year == 2026 && e.source.find("festival days") != std::string::npos;
  EXPECT_TRUE(listed);
}

TEST(ScenarioLoading, ALocalLayerOnlyAddsHolidays) {
  broken_copy copy("yaoan-water");
  copy.write("calendars/festival-2026.json", R"({"year": 2026, "source": "test",
      "holidays": [], "working_weekends": ["2026-08-08"]})");
  EXPECT_NE(copy.error().find("festival-2026.json: working_weekends: a local layer only adds "
                              "holidays"),
            std::string::npos)
      << copy.error();
  copy.write("calendars/festival-2026.json",
             R"({"year": 2026, "source": "test", "holidays": ["2027-01-02"]})");
  EXPECT_NE(copy.error().find("festival-2026.json: holiday 2027-01-02 is not in 2026"),
            std::string::npos)
      << copy.error();
}

TEST(ScenarioLoading, InvalidJsonIsNamed) {
  broken_copy copy("yaoan-water");
  copy.replace("departments.json", "{", "{{");
  EXPECT_NE(copy.error().find("departments.json: not valid JSON"), std::string::npos)
      << copy.error();
}

TEST(ScenarioLoading, AProvisionalStartYearStartsAndOneBeyondItIsRefused) {
  // rules.md §9: a missing arrangement never stops the hotline (001 art. 12: 7x24).
  const jurisdiction& j = scenario("heyuan");
  EXPECT_TRUE(scenario::check_covers(j, at("2027-02-03T10:00:00+08:00")));
  auto r = scenario::check_covers(j, at("2101-01-04T10:00:00+08:00"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, refusal_code::calendar_unavailable);
  EXPECT_NE(r.error().message.find("calendars/2101.json"), std::string::npos);
}

TEST(ScenarioLoading, Rules9_APolicyVersionFileIsTheVersionBeforeWithItsChanges) {
  broken_copy copy("zhijiang");
  copy.write("policy-versions/2027-01-01.json", R"({
      "version": {"id": "final", "effective_from": "2027-01-01", "source": "test: the final text"},
      "changes": {"extension": {"max_count": {"value": 2, "source": "test: two extensions"}}}})");
  auto j = scenario::load_scenario(copy.dir.string());
  ASSERT_TRUE(j) << j.error().message;
  EXPECT_EQ(j->rules.version.id, "征求意见稿");
  ASSERT_EQ(j->later.size(), 1u);
  const policy& final_text = j->later[0];
  EXPECT_EQ(final_text.version.id, "final");
  EXPECT_EQ(final_text.extension_max_count.value, 2);
  EXPECT_EQ(final_text.extension_max_count.from, "test: two extensions");
  // Everything the changes leave alone is the draft's (a merge patch, RFC 7386).
  EXPECT_EQ(final_text.extension_same_as_original.value, true);
  EXPECT_EQ(final_text.handle.size(), j->rules.handle.size());

  copy.write("policy-versions/2027-01-01.json", R"({
      "version": {"id": "final", "effective_from": "2027-01-01", "source": "test"},
      "changes": {"extension": {"max_count": {"value": "two", "source": "test"}}}})");
  EXPECT_NE(copy.error().find("2027-01-01.json: changes.extension.max_count.value:"),
            std::string::npos)
      << copy.error();
  copy.write("policy-versions/2027-01-01.json", R"({
      "version": {"id": "final", "source": "test"}, "changes": {}})");
  EXPECT_NE(copy.error().find("2027-01-01.json: version: a later version needs its effective_from"),
            std::string::npos)
      << copy.error();
}

}  // namespace
}  // namespace hotline::testing
