#include "http/bulletin_json.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

namespace {

json::value rate(long part, long whole) {
  return whole == 0 ? json::value(nullptr) : json::value(double(part) / double(whole));
}

json::array ranked(const std::vector<std::pair<std::string, long>>& v, const char* key) {
  json::array out;
  for (const auto& [name, n] : v) out.push_back({{key, name}, {"count", n}});
  return out;
}

}  // namespace

json::object counts_json(const unit_counts& c) {
  json::object by_level;
  for (std::size_t i = 1; i < c.supervised_by_level.size(); ++i)
    by_level[name_of(static_cast<supervision_level>(i))] = c.supervised_by_level[i];
  return {{"received", c.received},
          {"signed_on_time", c.signed_on_time},
          {"signed_late", c.signed_late},
          {"deemed_signed", c.deemed},
          {"returned", c.returned},
          {"overdue", c.overdue},
          {"extended", c.extended},
          {"replied", c.replied},
          {"replied_on_time", c.replied_on_time},
          {"satisfied", c.satisfied},
          {"dissatisfied", c.dissatisfied},
          {"reworked", c.reworked},
          {"professional_reviews", c.reviewed},
          {"supervised", c.supervised},
          {"supervised_by_level", std::move(by_level)},
          {"terminated", c.terminated},
          {"co_assigned", c.co_assigned},
          {"co_reported", c.co_reported},
          {"co_overdue", c.co_overdue}};
}

json::object rates_json(const unit_counts& c) {
  return {{"signed_on_time", rate(c.signed_on_time, c.signed_on_time + c.signed_late)},
          {"replied_on_time", rate(c.replied_on_time, c.replied)},
          {"satisfaction", rate(c.satisfied, c.satisfied + c.dissatisfied)}};
}

json::object bulletin_json(const bulletin& b, const jurisdiction& j) {
  json::array units;
  if (auto center = b.departments.find(center_key); center != b.departments.end())
    units.push_back({{"id", nullptr},
                     {"name", "hotline center (before dispatch)"},
                     {"counts", counts_json(center->second)},
                     {"rates", rates_json(center->second)}});
  for (const auto& d : j.departments.all()) {
    auto it = b.departments.find(d.id);
    if (it == b.departments.end()) continue;
    units.push_back({{"id", d.id},
                     {"name", d.name},
                     {"counts", counts_json(it->second)},
                     {"rates", rates_json(it->second)}});
  }
  json::array daily;
  for (const auto& d : b.daily)
    daily.push_back(
        {{"date", format_date(d.day)}, {"received", d.received}, {"overdue", d.overdue}});
  json::object out{{"jurisdiction", b.jurisdiction},
                   {"period", name_of(b.period)},
                   {"from", format_instant(b.from)},
                   {"to", format_instant(b.to)},
                   {"registered", b.registered},
                   {"declined", b.declined},
                   {"answered_directly", b.answered},
                   {"closed", b.closed},
                   {"totals", counts_json(b.total)},
                   {"rates", rates_json(b.total)},
                   {"departments", std::move(units)},
                   {"hot_topics", ranked(b.hot_topics, "topic")},
                   {"hot_regions", ranked(b.hot_regions, "region")},
                   {"daily", std::move(daily)}};
  if (!b.scores.empty()) {
    json::array units_scored;
    for (const auto& s : b.scores)
      units_scored.push_back({{"department", s.department},
                              {"points", s.rated ? json::value(s.points) : json::value(nullptr)}});
    out["score"] = {{"formula", mengcheng_score_formula},
                    {"source", j.rules.annual_score.from},
                    {"units", std::move(units_scored)}};
  }
  return out;
}

}  // namespace hotline::http
