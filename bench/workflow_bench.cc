// The rule core's cost: decide+evolve over whole lifecycles, and deadline arithmetic.
// Prints ns/op per benchmark (Google Benchmark). Run: build/bench/workflow_bench
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

#include "apps/scenario/load_scenario.h"
#include "workflow/decide.h"

namespace {
using namespace hotline::workflow;

const jurisdiction& load(const std::string& id) {
  static std::map<std::string, jurisdiction> cache;
  auto it = cache.find(id);
  if (it != cache.end()) return it->second;
  auto j = hotline::scenario::load_scenario(std::string(HOTLINE_SCENARIOS_DIR) + "/" + id);
  if (!j) {
    std::fprintf(stderr, "%s\n", j.error().message.c_str());
    std::exit(1);
  }
  return cache.emplace(id, std::move(j).value()).first->second;
}

instant t(const char* text) {
  return *parse_instant(text);
}

struct step {
  command c;
  actor_ref who;
  instant when;
};

// A full Pingdingshan-style lifecycle that every jurisdiction accepts with these sign-offs.
std::vector<step> lifecycle(const std::string& id, const std::string& lead) {
  actor_ref op{role::operator_, "", "op"}, unit{role::department, lead, lead};
  intake r;
  r.type = ticket_type::complaint;
  r.title = "小区停水";
  r.content = "幸福小区3栋停水三天，请尽快处理。";
  r.caller = citizen{"张三", "13800000000"};
  dispatch d{lead, {}, std::nullopt, std::nullopt, signature{"领导", "局长"}};
  if (id == "pingdingshan") d.cls = ticket_class::B;
  signature head{"负责人", "局长"};
  return {{submit{r, {"T-1", 0, false, "", ""}}, op, t("2026-03-16T08:40:00+08:00")},
          {d, op, t("2026-03-16T09:00:00+08:00")},
          {sign{head}, unit, t("2026-03-16T10:00:00+08:00")},
          {contact{"已联系"}, unit, t("2026-03-16T11:00:00+08:00")},
          {reply{"已恢复供水", {"李四", "科长", "0558-1234567"}, head}, unit,
           t("2026-03-18T10:00:00+08:00")},
          {evaluate{true, "", std::nullopt}, op, t("2026-03-19T10:00:00+08:00")}};
}

void BM_Lifecycle(benchmark::State& st, std::string id, std::string lead) {
  const jurisdiction& j = load(id);
  auto steps = lifecycle(id, lead);
  std::size_t events = 0;
  for (auto _ : st) {
    ticket_state s;
    for (const auto& x : steps) {
      auto out = decide(s, x.c, {j, x.when, x.who});
      if (!out) st.SkipWithError(out.error().message.c_str());
      for (const auto& e : *out) evolve(s, e);
      events += out->size();
    }
    benchmark::DoNotOptimize(s);
  }
  st.counters["commands"] =
      benchmark::Counter(double(st.iterations() * steps.size()), benchmark::Counter::kIsRate);
  st.counters["events"] = benchmark::Counter(double(events), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_Lifecycle, yaoan_water, std::string("yaoan-water"),
                  std::string("water-supply"));
BENCHMARK_CAPTURE(BM_Lifecycle, mengcheng, std::string("mengcheng"), std::string("housing"));
BENCHMARK_CAPTURE(BM_Lifecycle, zhijiang, std::string("zhijiang"), std::string("housing"));
BENCHMARK_CAPTURE(BM_Lifecycle, pingdingshan, std::string("pingdingshan"), std::string("xinhua"));
BENCHMARK_CAPTURE(BM_Lifecycle, heyuan, std::string("heyuan"), std::string("housing"));

void BM_WorkingDays(benchmark::State& st) {
  const auto& cal = load("mengcheng").calendar;
  instant from = t("2026-02-10T17:45:00+08:00");  // across Spring Festival
  for (auto _ : st) {
    auto due = cal.add_working_days(from, static_cast<int>(st.range(0)));
    benchmark::DoNotOptimize(due);
    from.seconds += 977;
  }
}
BENCHMARK(BM_WorkingDays)->Arg(1)->Arg(10)->Arg(15);

void BM_HalfWorkingDay(benchmark::State& st) {
  const auto& cal = load("zhijiang").calendar;
  instant from = t("2026-02-10T11:00:00+08:00");
  for (auto _ : st) {
    auto due = cal.add_business_seconds(from, 195 * 60);
    benchmark::DoNotOptimize(due);
    from.seconds += 977;
  }
}
BENCHMARK(BM_HalfWorkingDay);

void BM_ArmedDeadlines(benchmark::State& st) {
  const jurisdiction& j = load("mengcheng");
  auto steps = lifecycle("mengcheng", "housing");
  ticket_state s;
  for (int i = 0; i < 3; ++i) {
    auto out = decide(s, steps[i].c, {j, steps[i].when, steps[i].who});
    for (const auto& e : *out) evolve(s, e);
  }
  for (auto _ : st) benchmark::DoNotOptimize(deadlines(s));
}
BENCHMARK(BM_ArmedDeadlines);

}  // namespace

BENCHMARK_MAIN();
