#include "workflow/bulletin.h"

#include <algorithm>

#include "workflow/decide.h"

namespace hotline::workflow {

const char* const mengcheng_score_formula =
    "20 x signed on time + 30 x replied on time + 30 x satisfied + 10 x (1 - reworked / replied)"
    " + 10 x (1 - overdue / received); each share in [0, 1], a unit without tickets is not rated"
    " (assumed: 001 art. 27 sets the 100-point scale, not its parts)";

std::pair<instant, instant> period_bounds(report_period p, instant at) {
  date d = local_date(at);
  date first = d, next = d;
  switch (p) {
    case report_period::week:
      first = add_days(d, 1 - iso_weekday(d));
      next = add_days(first, 7);
      break;
    case report_period::month:
      first = {d.year, d.month, 1};
      next = d.month == 12 ? date{d.year + 1, 1, 1} : date{d.year, d.month + 1, 1};
      break;
    case report_period::quarter: {
      int q = (d.month - 1) / 3;
      first = {d.year, q * 3 + 1, 1};
      next = q == 3 ? date{d.year + 1, 1, 1} : date{d.year, q * 3 + 4, 1};
      break;
    }
    case report_period::year:
      first = {d.year, 1, 1};
      next = {d.year + 1, 1, 1};
      break;
  }
  return {local_instant(first, 0), local_instant(next, 0)};
}

namespace {

// A unit with nothing to be judged on loses nothing.
double share(long part, long whole) {
  return whole == 0 ? 1.0 : double(part) / double(whole);
}

}  // namespace

double mengcheng_score(const unit_counts& c) {
  double reworked = c.replied == 0 ? 0 : std::min(1.0, double(c.reworked) / c.replied);
  double overdue = c.received == 0 ? 0 : std::min(1.0, double(c.overdue) / c.received);
  return 20 * share(c.signed_on_time, c.signed_on_time + c.signed_late) +
         30 * share(c.replied_on_time, c.replied) +
         30 * share(c.satisfied, c.satisfied + c.dissatisfied) + 10 * (1 - reworked) +
         10 * (1 - overdue);
}

bulletin_builder::bulletin_builder(const jurisdiction& j, report_period p, instant from, instant to,
                                   instant now)
    : where_(j) {
  b_.jurisdiction = j.rules.id;
  b_.period = p;
  b_.from = from;
  b_.to = to;
  b_.covered_to = now < to ? now : to;
}

void bulletin_builder::add(const std::vector<event_record>& history) {
  tally(history, b_.from, b_.to, b_.departments);
  if (!history.empty() && (!first_record_ || history.front().at < *first_record_))
    first_record_ = history.front().at;
  for (const auto& e : history) {
    if (e.at < b_.from || !(e.at < b_.to)) continue;
    auto day = days_.try_emplace(days_from_civil(local_date(e.at)));
    day.first->second.day = local_date(e.at);
    if (auto* s = std::get_if<submitted>(&e.body)) {
      ++b_.registered;
      ++day.first->second.received;
      const std::string& topic = s->request.topic;
      if (!topic.empty()) ++topics_[topic.substr(0, topic.find("·"))];
      if (!s->request.region.empty()) ++regions_[s->request.region];
    } else if (auto* o = std::get_if<overdue>(&e.body)) {
      if (o->kind != deadline_kind::escalate) ++day.first->second.overdue;
    } else if (std::holds_alternative<declined>(e.body)) {
      ++b_.declined;
    } else if (std::holds_alternative<answered>(e.body)) {
      ++b_.answered;
    } else if (std::holds_alternative<closed>(e.body)) {
      ++b_.closed;
    }
  }
}

bulletin bulletin_builder::finish() {
  for (const auto& [d, counts] : b_.departments) b_.total.add(counts);
  // Whole days: the first record's day is covered from its start.
  if (first_record_) b_.covered_from = local_instant(local_date(*first_record_), 0);
  if (b_.covered_from < b_.from) b_.covered_from = b_.from;
  if (b_.covered_to < b_.covered_from) b_.covered_to = b_.covered_from;
  auto ranked = [](const std::map<std::string, long>& m) {
    std::vector<std::pair<std::string, long>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (v.size() > 10) v.resize(10);
    return v;
  };
  b_.hot_topics = ranked(topics_);
  b_.hot_regions = ranked(regions_);
  for (auto& [key, v] : days_) b_.daily.push_back(v);
  if (where_.rules.annual_score.value && b_.period == report_period::year)
    for (const auto& d : where_.departments.all()) {
      auto it = b_.departments.find(d.id);
      bool rated = it != b_.departments.end() && it->second.received > 0;
      b_.scores.push_back({d.id, rated ? mengcheng_score(it->second) : 0, rated});
    }
  return std::move(b_);
}

}  // namespace hotline::workflow
