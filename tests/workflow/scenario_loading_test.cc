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

// A copy of a scenario folder in a temporary directory, with one file rewritten.
struct broken_copy {
  fs::path dir;
  explicit broken_copy(const std::string& id) {
    dir = fs::temp_directory_path() / ("hotline-scenario-" + std::to_string(::getpid()) + "-" + id);
    fs::remove_all(dir);
    fs::copy(root + "/" + id, dir, fs::copy_options::recursive);
  }
  ~broken_copy() { fs::remove_all(dir); }
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
  EXPECT_NE(copy.error().find("policy.json: terms.sign[0]: needs a source"), std::string::npos)
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
  copy.replace("calendars/2026.json", "\"2026-01-04\"", "\"2026-01-05\"");
  EXPECT_NE(
      copy.error().find("calendars/2026.json: make-up working day 2026-01-05 is not a weekend"),
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

}  // namespace
}  // namespace hotline::testing
