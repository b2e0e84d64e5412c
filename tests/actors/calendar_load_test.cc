// Loading an official calendar year while the runtime runs (rules.md §9, docs/calendars.md): every
// open ticket, live or passivated, is recomputed, and the due index follows in its batch.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <set>

#include "actors/ticket_repository.h"
#include "apps/scenario/load_calendars.h"
#include "tests/support/runtime_case.h"

namespace hotline::testing {
namespace {
using namespace workflow;

// The scenario's calendar files with the operator's loaded years over them, as `serve` builds it.
actors::calendar_builder heyuan_calendar() {
  return [](const std::map<int, std::string>& loaded) -> result<working_calendar> {
    std::vector<year_calendar> years;
    for (const auto& [year, json] : loaded) {
      auto y = scenario::read_official_year(json, year);
      if (!y) return y.error();
      years.push_back(std::move(y).value());
    }
    std::string dir = std::string(HOTLINE_SCENARIOS_DIR) + "/heyuan";
    return scenario::load_calendar(scenario("heyuan").calendar.hours(),
                                   scenario::national_calendars_dir(dir), dir, years);
  };
}

// Every open ticket's armed deadlines, and the due index's entries, as "id/kind/due".
std::pair<std::set<std::string>, std::set<std::string>> armed_and_indexed(storage::store& db) {
  actors::ticket_repository repo(db);
  std::set<std::string> armed, indexed;
  auto entries = repo.due_until(at("2100-01-01T00:00:00+08:00"), 1u << 20);
  RC_ASSERT(!entries.failed());
  for (auto& e : *entries)
    indexed.insert(e.ticket + "/" + std::string(name_of(e.kind)) + "/" + format_instant(e.due));
  auto ids = repo.open_ids();
  RC_ASSERT(!ids.failed());
  for (const auto& id : *ids)
    for (auto& d : deadlines(*repo.load(id)))
      armed.insert(id + "/" + std::string(name_of(d.kind)) + "/" + format_instant(d.due));
  return {armed, indexed};
}

std::string year_json(const std::vector<int>& january_holidays, const std::vector<int>& saturdays) {
  std::string holidays, weekends;
  for (int d : january_holidays)
    holidays += std::string(holidays.empty() ? "" : ",") + "\"2027-01-" + (d < 10 ? "0" : "") +
                std::to_string(d) + "\"";
  for (int d : saturdays)
    weekends += std::string(weekends.empty() ? "" : ",") + "\"2027-01-" + (d < 10 ? "0" : "") +
                std::to_string(d) + "\"";
  return R"({"year":2027,"source":"test","holidays":[)" + holidays +
         R"(],"working_weekends":[)" + weekends + "]}";
}

// The day of January 2027 that is the `n`-th working day of that month (Jan 1 is a Friday).
int january_day(const std::vector<int>& holidays, const std::vector<int>& saturdays, int n) {
  auto has = [](const std::vector<int>& v, int d) { return std::find(v.begin(), v.end(), d) != v.end(); };
  for (int d = 1;; ++d) {
    int weekday = (d + 4) % 7;  // 0 Sunday ... 6 Saturday
    bool working = has(saturdays, d) || (weekday != 0 && weekday != 6 && !has(holidays, d));
    if (working && --n == 0) return d;
  }
}

RC_GTEST_PROP(CalendarLoad, Rules9_AfterAnyLoadTheDueIndexIsExactlyTheArmedDeadlines, ()) {
  actors::runtime_options o;
  o.max_live_tickets = 4;  // most tickets are passivated when the load comes
  o.build_calendar = heyuan_calendar();
  runtime_case r("heyuan", "2026-12-21T09:00:00+08:00", o);
  // Tickets at several steps: registered, dispatched (sign and return windows), signed (handle).
  int n = *rc::gen::inRange(3, 12);
  for (int i = 0; i < n; ++i) {
    std::string id = r.open();
    if (i % 3 >= 1) r.ok(id, dispatch_to("housing"), operator_role());
    if (i % 3 == 2) r.ok(id, sign{}, department("housing"));
  }
  // An official 2027 with some January weekdays as holidays and some Saturdays worked.
  std::vector<int> holidays{1}, saturdays;  // New Year's Day, as the holiday law has it
  for (int d : {4, 5, 6, 7, 8, 11, 12, 13, 14, 15})
    if (*rc::gen::arbitrary<bool>()) holidays.push_back(d);
  for (int d : {2, 9, 16})
    if (*rc::gen::arbitrary<bool>()) saturdays.push_back(d);
  auto done = r.rt->load_calendar_year(2027, year_json(holidays, saturdays));
  RC_ASSERT(done.ok());
  RC_ASSERT(done->error.empty());
  RC_ASSERT(done->checked == static_cast<std::size_t>(n));
  // A signed complaint's 10 working days (004 art. 18) from Mon 21 Dec: 8 in December, then
  // the provisional year's Jan 4-5. The loaded year moves it unless its 2nd January day is Jan 5.
  RC_ASSERT((january_day(holidays, saturdays, 2) != 5) == (done->changed >= 1u));
  RC_ASSERT(r.rt->quiesce(std::chrono::seconds(10)));
  auto [armed, indexed] = armed_and_indexed(*r.owned);
  RC_ASSERT(armed == indexed);
  // Loading the same year again moves nothing.
  auto again = r.rt->load_calendar_year(2027, year_json(holidays, saturdays));
  RC_ASSERT(again.ok());
  RC_ASSERT(again->changed == 0u);
}

}  // namespace
}  // namespace hotline::testing
