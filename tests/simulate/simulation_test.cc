// Small simulations whose counts are known in advance, one per jurisdiction; storms that must
// trigger their rules; determinism; and a bulletin checked against the tickets' histories.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "apps/simulate/bulletin_files.h"
#include "apps/simulate/simulator.h"
#include "http/bulletin_json.h"
#include "storage/store.h"
#include "tests/support/runtime_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;
using simulate::load_model;

// Only storms arrive; everybody does the right thing on time; every caller is satisfied.
load_model exact(const std::string& topic, const std::string& lead, int callers) {
  load_model m;
  m.name = "exact";
  m.tickets_per_day = 0;
  m.hourly.fill(1);
  m.weekday.fill(1);
  m.types = {{ticket_type::complaint, 1}};
  m.channels = {{channel::phone, 1}};
  m.topics = {{topic, 1, lead, {}}};
  m.regions = {{"r1", 1}};
  m.repeat_rate = m.confidential_rate = m.key_rate = 0;
  m.answer_rate = m.decline_rate = m.unreasonable_rate = 0;
  m.units.return_rate = m.units.late_rate = m.units.extension_rate = m.units.unhappy_rate = 0;
  simulate::storm s;
  s.day = 0;  // Monday 2 March 2026
  s.hour = 9;
  s.callers = callers;
  s.spread_minutes = 120;
  s.topic = topic;
  s.region = "r1";
  m.storms.push_back(s);
  return m;
}

simulate::sim_figures run(runtime_case& r, const load_model& m, int days = 30,
                          std::uint64_t seed = 1) {
  simulate::sim_options o;
  o.start = at("2026-03-02T00:00:00+08:00");
  o.days = days;
  o.seed = seed;
  auto f = simulate::run_simulation(*r.rt, m, o);
  EXPECT_TRUE(f.settled);
  return f;
}

bulletin report(runtime_case& r, report_period p, const char* when) {
  auto b = r.rt->report(p, at(when), operator_role());
  EXPECT_TRUE(b);
  return b ? *b : bulletin{};
}

bulletin month(runtime_case& r) {
  return report(r, report_period::month, "2026-03-15T00:00:00+08:00");
}

struct Jurisdiction : ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(Jurisdiction, TwelveCallersEveryoneOnTimeAndSatisfied) {
  auto [scenario_id, lead] = GetParam();
  runtime_case r(scenario_id, "2026-03-02T00:00:00+08:00");
  load_model m = exact("water", lead, 12);
  if (scenario_id == "pingdingshan") m.storms[0].cls = ticket_class::B;
  auto f = run(r, m);
  EXPECT_EQ(f.tickets, 12u);
  EXPECT_EQ(f.refused, 0u);
  bulletin b = month(r);
  EXPECT_EQ(b.registered, 12);
  EXPECT_EQ(b.closed, 12);
  EXPECT_EQ(b.total.received, 12);
  EXPECT_EQ(b.total.signed_on_time, 12);
  EXPECT_EQ(b.total.replied, 12);
  EXPECT_EQ(b.total.replied_on_time, 12);
  EXPECT_EQ(b.total.satisfied, 12);
  EXPECT_EQ(b.total.dissatisfied, 0);
  EXPECT_EQ(b.total.overdue, 0);
  EXPECT_EQ(b.total.returned, 0);
  EXPECT_EQ(b.departments.at(lead).received, 12);
}

INSTANTIATE_TEST_SUITE_P(All, Jurisdiction,
                         ::testing::Values(std::pair{"yaoan-water", "water-supply"},
                                           std::pair{"mengcheng", "waterworks"},
                                           std::pair{"zhijiang", "waterworks"},
                                           std::pair{"pingdingshan", "xinhua"},
                                           std::pair{"heyuan", "waterworks"}),
                         [](const auto& p) {
                           std::string n = p.param.first;
                           n.erase(std::remove(n.begin(), n.end(), '-'), n.end());
                           return n;
                         });

TEST(SimulatedStorm, Seed000Art13_3_AWaterOutageHotSpotPutsEveryCallerUnderSupervision) {
  runtime_case r("yaoan-water", "2026-03-02T00:00:00+08:00");
  auto f = run(r, exact("停水", "water-supply", 6), 3);
  EXPECT_EQ(f.tickets, 6u);
  bulletin b = month(r);
  EXPECT_EQ(b.total.supervised, 6);
  EXPECT_EQ(b.total.supervised_by_level[static_cast<int>(supervision_level::written)], 6);
  EXPECT_EQ(r.rt->stats().concentration_alerts, 1u);
}

TEST(SimulatedStorm, Seed002Art20_CallersUnhappyTwiceGoToProfessionalEvaluation) {
  runtime_case r("zhijiang", "2026-03-02T00:00:00+08:00");
  load_model m = exact("物业管理", "housing", 8);
  m.storms[0].unhappy_rate = 1;
  run(r, m);
  bulletin b = month(r);
  EXPECT_EQ(b.total.dissatisfied, 16);
  EXPECT_EQ(b.total.reworked, 8);
  EXPECT_EQ(b.total.reviewed, 8);
  EXPECT_EQ(b.total.satisfied, 0);
  EXPECT_EQ(b.closed, 8);
  EXPECT_EQ(b.total.supervised, 8);  // 002 art. 7(3): the dissatisfied are supervised
}

TEST(SimulatedStorm, Seed001Art10_4_ARepeatCallerClimbsTheSignOffLevels) {
  runtime_case r("mengcheng", "2026-03-02T00:00:00+08:00");
  load_model m = exact("物业管理", "housing", 1);
  m.storms[0].calls_each = 4;
  run(r, m, 10);
  std::vector<std::string> levels;
  actors::ticket_query first_ten;
  first_ten.limit = 10;
  auto page = r.rt->list(first_ten, operator_role());
  ASSERT_TRUE(page);
  for (const auto& t : page->items) {
    std::string level = "none";
    for (const auto& a : t.approvals)
      if (a.at == step::dispatch && a.level) level = std::string(name_of(*a.level));
    levels.push_back(level);
  }
  EXPECT_THAT(levels,
              ::testing::ElementsAre("none", "hotline_head", "office_head", "deputy_county_head"));
}

TEST(SimulatedStorm, Seed003S6_LateUnitsAreOverdueAndGetWrittenSupervision) {
  runtime_case r("pingdingshan", "2026-03-02T00:00:00+08:00");
  load_model m = exact("占道经营", "xinhua", 4);  // four: five would be a hot spot (003 §6(2))
  m.storms[0].cls = ticket_class::B;
  m.units.late_rate = 1;
  run(r, m);
  bulletin b = month(r);
  EXPECT_EQ(b.total.replied, 4);
  EXPECT_EQ(b.total.replied_on_time, 0);
  EXPECT_EQ(b.total.overdue, 4);
  EXPECT_EQ(b.total.supervised, 4);
  EXPECT_EQ(b.total.supervised_by_level[static_cast<int>(supervision_level::written)], 4);
}

std::string all_events(runtime_case& r) {
  std::string out;
  r.owned->scan(storage::family::events, "", "", [&](std::string_view k, std::string_view v) {
    out.append(k).append(v);
    return true;
  });
  return out;
}

simulate::load_model busy_month() {
  auto m =
      simulate::load_model_file(std::string(HOTLINE_SCENARIOS_DIR) + "/heyuan/loads/month.json");
  EXPECT_TRUE(m) << m.error().message;
  m.value().tickets_per_day = 60;
  return m.value();
}

TEST(Simulation, TheSameSeedGivesTheSameEventsEventForEvent) {
  runtime_case a("heyuan", "2026-03-02T00:00:00+08:00"), b("heyuan", "2026-03-02T00:00:00+08:00"),
      c("heyuan", "2026-03-02T00:00:00+08:00");
  auto m = busy_month();
  auto fa = run(a, m, 5, 42), fb = run(b, m, 5, 42);
  run(c, m, 5, 43);
  EXPECT_GT(fa.tickets, 200u);
  EXPECT_EQ(fa.events, fb.events);
  EXPECT_EQ(all_events(a), all_events(b));
  EXPECT_NE(all_events(a), all_events(c));
}

TEST(Bulletin, TheNumbersAgreeWithTheTicketsHistories) {
  runtime_case r("heyuan", "2026-03-02T00:00:00+08:00");
  run(r, busy_month(), 12, 7);
  auto [from, to] = period_bounds(report_period::week, at("2026-03-10T12:00:00+08:00"));
  bulletin b = report(r, report_period::week, "2026-03-10T12:00:00+08:00");
  // Count straight from every event in the week.
  long submitted_n = 0, replied_n = 0, overdue_n = 0, supervised_n = 0, dissatisfied_n = 0,
       extended_n = 0, returned_n = 0;
  r.owned->scan(storage::family::snapshots, "", "", [&](std::string_view id, std::string_view) {
    ticket_state s;
    auto stored = r.rt->read(std::string(id));
    EXPECT_TRUE(stored) << stored.error();
    for (const auto& e : stored->history) {
      ticket_state before = s;
      evolve(s, e);
      if (e.at < from || !(e.at < to)) continue;
      submitted_n += std::holds_alternative<submitted>(e.body);
      replied_n += std::holds_alternative<replied>(e.body);
      supervised_n += std::holds_alternative<supervised>(e.body);
      extended_n += std::holds_alternative<extension_approved>(e.body);
      returned_n += std::holds_alternative<return_requested>(e.body);
      if (auto* o = std::get_if<overdue>(&e.body)) overdue_n += o->kind != deadline_kind::dispatch;
      if (auto* v = std::get_if<evaluated>(&e.body))
        dissatisfied_n += !v->satisfied && before.current == status::replied;
    }
    return true;
  });
  EXPECT_GT(submitted_n, 300);
  EXPECT_EQ(b.registered, submitted_n);
  EXPECT_EQ(b.total.replied, replied_n);
  EXPECT_EQ(b.total.overdue, overdue_n);
  EXPECT_EQ(b.total.supervised, supervised_n);
  EXPECT_EQ(b.total.dissatisfied, dissatisfied_n);
  EXPECT_EQ(b.total.extended, extended_n);
  EXPECT_EQ(b.total.returned, returned_n);
  long daily = 0;
  for (const auto& d : b.daily) daily += d.received;
  EXPECT_EQ(daily, submitted_n);
  auto json = http::bulletin_json(b, *r.rt->where());
  EXPECT_EQ(json.at("registered").as_int64(), submitted_n);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// 000 art. 18: Yao'an publishes yearly. A 7-day run from Monday 2 March 2026 makes the 2026
// bulletin, but it covers 7 days, and says so; its files come in every format, in Chinese.
TEST(Bulletin, Seed000Art18_ASevenDayRunsYearlyBulletinIsTitledByItsSevenDays) {
  runtime_case r("yaoan-water", "2026-03-02T00:00:00+08:00");
  auto f = run(r, exact("停水·2", "water-supply", 6), 7);
  std::string dir =
      (std::filesystem::temp_directory_path() / ("hotline-bulletins-" + std::to_string(::getpid())))
          .string();
  auto written = simulate::write_bulletins(*r.rt, at("2026-03-02T00:00:00+08:00"), f.end, dir);
  ASSERT_TRUE(written) << written.error();
  const auto& files = *written;
  std::string stem = dir + "/yaoan-water-year-2026-01-01";
  for (const char* ext :
       {".json", ".csv", ".xlsx", ".md", "-volume.svg", "-departments.svg", "-supervision.svg"})
    EXPECT_NE(std::find(files.begin(), files.end(), stem + ext), files.end()) << ext;
  std::string md = read_file(stem + ".md");
  EXPECT_EQ(md.substr(0, md.find('\n')),
            "# 姚安县水务局12345政府热线通报（2026年3月2日至3月8日，共7天，属2026年度统计期）");
  EXPECT_THAT(md, ::testing::HasSubstr("- 停水：6 件"));
  std::string volume = read_file(stem + "-volume.svg");
  EXPECT_THAT(volume, ::testing::HasSubstr("WenQuanYi Micro Hei"));
  EXPECT_THAT(volume, ::testing::HasSubstr("每日登记量与超期量"));
  std::filesystem::remove_all(dir);
}

TEST(Bulletin, PeriodsAreLocalWeeksMonthsQuartersAndYears) {
  auto show = [](report_period p, const char* when) {
    auto [from, to] = period_bounds(p, at(when));
    return format_instant(from) + " " + format_instant(to);
  };
  EXPECT_EQ(show(report_period::week, "2026-03-08T23:59:00+08:00"),
            "2026-03-02T00:00:00+08:00 2026-03-09T00:00:00+08:00");
  EXPECT_EQ(show(report_period::month, "2026-12-31T23:00:00+08:00"),
            "2026-12-01T00:00:00+08:00 2027-01-01T00:00:00+08:00");
  EXPECT_EQ(show(report_period::quarter, "2026-05-05T10:00:00+08:00"),
            "2026-04-01T00:00:00+08:00 2026-07-01T00:00:00+08:00");
  EXPECT_EQ(show(report_period::year, "2026-01-01T00:00:00+08:00"),
            "2026-01-01T00:00:00+08:00 2027-01-01T00:00:00+08:00");
}

TEST(Bulletin, Seed001Art27_MengchengScoresItsUnitsOutOf100) {
  unit_counts perfect;
  perfect.received = perfect.signed_on_time = perfect.replied = perfect.replied_on_time =
      perfect.satisfied = 10;
  EXPECT_DOUBLE_EQ(mengcheng_score(perfect), 100);
  unit_counts poor = perfect;
  poor.signed_on_time = 5;
  poor.signed_late = 5;      // -10
  poor.replied_on_time = 5;  // -15
  poor.satisfied = 5;
  poor.dissatisfied = 5;  // -15
  poor.reworked = 5;      // -5
  poor.overdue = 5;       // -5
  EXPECT_DOUBLE_EQ(mengcheng_score(poor), 50);
  runtime_case r("mengcheng", "2026-03-02T00:00:00+08:00");
  run(r, exact("停水", "waterworks", 3));
  bulletin year = report(r, report_period::year, "2026-06-01T00:00:00+08:00");
  ASSERT_FALSE(year.scores.empty());
  auto waterworks = std::find_if(year.scores.begin(), year.scores.end(),
                                 [](const unit_score& s) { return s.department == "waterworks"; });
  ASSERT_NE(waterworks, year.scores.end());
  EXPECT_DOUBLE_EQ(waterworks->points, 100);
  EXPECT_TRUE(report(r, report_period::month, "2026-03-02T00:00:00+08:00").scores.empty());
}

}  // namespace
}  // namespace hotline::testing
