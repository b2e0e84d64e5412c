#pragma once
// Bulletins (通报): what a hotline publishes for a week, month, quarter or year (001 art. 26-27,
// 003 §7(4), 000 art. 18, 002 art. 22, 004 art. 19, 21): per department the figures of
// statistics.h, the period's hot topics and regions, daily volume with overdue, supervision by
// rung, and Mengcheng's 100-point yearly score. Pure: the histories come in, the bulletin
// comes out; rendering is elsewhere.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "workflow/policy.h"
#include "workflow/statistics.h"

namespace hotline::workflow {

/// [from, to) of the period around `at`, in local time: ISO week (Monday first), month,
/// quarter, year.
std::pair<instant, instant> period_bounds(report_period p, instant at);

struct day_volume {
  date day;
  long received = 0;  // tickets registered that day
  long overdue = 0;   // deadlines that passed unmet that day
};

struct unit_score {
  std::string department;
  double points = 0;   // out of 100
  bool rated = false;  // no ticket in the year: not scored
};

struct bulletin {
  std::string jurisdiction;
  report_period period = report_period::month;
  instant from, to;
  // The part of [from, to) with records: from the first registration stored (or `from`) to
  // when the bulletin was made (or `to`). A 7-day run's yearly bulletin covers 7 days.
  instant covered_from, covered_to;
  long registered = 0, declined = 0, answered = 0, closed = 0;
  unit_counts total;
  std::map<std::string, unit_counts> departments;
  // Most first. A topic written "category·matter" (one matter of a category, as the simulator
  // writes them) counts for its category: a bulletin ranks categories, hot spots are matters.
  std::vector<std::pair<std::string, long>> hot_topics;
  std::vector<std::pair<std::string, long>> hot_regions;
  std::vector<day_volume> daily;
  std::vector<unit_score> scores;  // Mengcheng's yearly assessment; empty elsewhere
};

/// Mengcheng's 100-point score (001 art. 27 sets the 100-point scale, not its parts; these are
/// assumed): 20 x signed on time + 30 x replied on time + 30 x satisfied + 10 x (1 - reworked
/// share of replies) + 10 x (1 - overdue share of received). Satisfaction leaves out mediation
/// and enforcement items (001 art. 25), which the counts already do.
extern const char* const mengcheng_score_formula;
double mengcheng_score(const unit_counts& c);

/// Builds the bulletin from every history that may have an event in [from, to).
class bulletin_builder {
 public:
  /// `now`: when the bulletin is made; a period not over yet is covered up to it.
  bulletin_builder(const jurisdiction& j, report_period p, instant from, instant to, instant now);
  void add(const std::vector<event_record>& history);
  bulletin finish();

 private:
  const jurisdiction& where_;
  bulletin b_;
  std::map<std::string, long> topics_, regions_;
  std::map<std::int64_t, day_volume> days_;
  std::optional<instant> first_record_;
};

}  // namespace hotline::workflow
