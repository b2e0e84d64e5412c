#include "http/bulletin_json.h"

#include "http/bulletin_text.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

namespace {

json::array ranked(const std::vector<std::pair<std::string, long>>& v, const char* key) {
  json::array out;
  for (const auto& [name, n] : v) out.push_back({{key, name}, {"count", n}});
  return out;
}

}  // namespace

json::object counts_json(const unit_counts& c) {
  json::object out, by_level;
  for (const auto& column : count_columns()) {
    const bool rung = parse_name<supervision_level>(column.key).has_value();  // written, …
    (rung ? by_level : out)[column.key] = column.of(c);
  }
  out["supervised_by_level"] = std::move(by_level);
  return out;
}

json::object rates_json(const unit_counts& c) {
  json::object out;
  for (const auto& column : rate_columns()) {
    auto r = column.of(c);
    out[column.key] = r ? json::value(*r) : json::value(nullptr);
  }
  return out;
}

json::object bulletin_json(const bulletin& b, const jurisdiction& j) {
  json::array units;
  for (const auto& row : bulletin_rows(b, j))
    units.push_back({{"id", row.id.empty() ? json::value(nullptr) : json::value(row.id)},
                     {"name", row.name},
                     {"counts", counts_json(*row.counts)},
                     {"rates", rates_json(*row.counts)}});
  json::array daily;
  for (const auto& d : b.daily)
    daily.push_back(
        {{"date", format_date(d.day)}, {"received", d.received}, {"overdue", d.overdue}});
  json::object out{{"jurisdiction", b.jurisdiction},
                   {"period", name_of(b.period)},
                   {"title", bulletin_title(b, j)},
                   {"from", format_instant(b.from)},
                   {"to", format_instant(b.to)},
                   {"covered_from", format_instant(b.covered_from)},
                   {"covered_to", format_instant(b.covered_to)},
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
