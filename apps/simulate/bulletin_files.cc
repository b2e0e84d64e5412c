#include "apps/simulate/bulletin_files.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "apps/simulate/svg_chart.h"
#include "http/bulletin_csv.h"
#include "http/bulletin_json.h"
#include "http/bulletin_text.h"
#include "http/bulletin_xlsx.h"

namespace hotline::simulate {
using namespace workflow;
using http::percent_text;

namespace {

const char* const blue = "#4a78b5";
const char* const red = "#d9534f";

std::string department_name(const jurisdiction& j, const std::string& id) {
  const department* d = j.departments.find(id);
  return d ? d->name : id;
}

std::string subtitle(const bulletin& b, const jurisdiction& j) {
  return http::jurisdiction_name(j) + "，" + http::date_span(b.covered_from, b.covered_to);
}

std::optional<double> replied_on_time(const unit_counts& c) {
  for (const auto& r : http::rate_columns())
    if (std::string(r.key) == "replied_on_time") return r.of(c);
  return std::nullopt;
}

// Volume over the days covered, empty days included. A supervisor reads about a month of bars
// at a glance: up to 31 days a bar a day, up to a quarter a bar a week (from the first day
// covered), beyond a bar a month.
bar_chart volume_chart(const bulletin& b, const jurisdiction& j) {
  std::map<std::int64_t, const day_volume*> by_day;
  for (const auto& d : b.daily) by_day[days_from_civil(d.day)] = &d;
  const std::int64_t first = days_from_civil(local_date(b.covered_from));
  const std::int64_t last = days_from_civil(local_date({b.covered_to.seconds - 1}));
  const std::int64_t span = last - first + 1;
  const char* unit = span <= 31 ? "日" : span <= 92 ? "周" : "月";
  bar_chart c{std::string("每") + unit + "登记量与超期量",
              subtitle(b, j),
              {},
              {{"登记", blue, {}}, {"超期", red, {}}}};
  std::string bucket;
  for (std::int64_t day = first; day <= last; ++day) {
    date d = civil_from_days(day);
    std::string label =
        span > 92 ? std::to_string(d.month) + "月"
        : span > 31 && (day - first) % 7 != 0
            ? bucket
            : std::to_string(d.month) + "/" + std::to_string(d.day) + (span > 31 ? "起" : "");
    if (c.categories.empty() || label != bucket) {
      c.categories.push_back(label);
      for (auto& s : c.series) s.values.push_back(0);
      bucket = label;
    }
    if (auto it = by_day.find(day); it != by_day.end()) {
      c.series[0].values.back() += it->second->received;
      c.series[1].values.back() += it->second->overdue;
    }
  }
  return c;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> bulletin_charts(const bulletin& b,
                                                                 const jurisdiction& j) {
  bar_chart units{"各单位派单量与超期量（按派单量排序）",
                  subtitle(b, j),
                  {},
                  {{"派单", blue, {}}, {"超期", red, {}}},
                  true};
  for (const auto& row : http::bulletin_rows(b, j)) {
    if (row.id.empty()) continue;  // the center holds nothing dispatched
    units.categories.push_back(row.name);
    units.series[0].values.push_back(row.counts->received);
    units.series[1].values.push_back(row.counts->overdue);
    units.remarks.push_back("按时回复 " + percent_text(replied_on_time(*row.counts)));
  }
  bar_chart rungs{"督办（按层级）", subtitle(b, j), {}, {{"督办次数", blue, {}}}};
  for (std::size_t i = 1; i < b.total.supervised_by_level.size(); ++i) {
    rungs.categories.push_back(http::rung_label(static_cast<supervision_level>(i)));
    rungs.series[0].values.push_back(b.total.supervised_by_level[i]);
  }
  return {{"volume", render_svg(volume_chart(b, j))},
          {"departments", render_svg(units)},
          {"supervision", render_svg(rungs)}};
}

std::string bulletin_markdown(const bulletin& b, const jurisdiction& j, const std::string& charts) {
  std::ostringstream md;
  const auto& t = b.total;
  const auto& rates = http::rate_columns();
  md << "# " << http::bulletin_title(b, j) << "\n\n"
     << "统计期：" << http::date_span(b.from, b.to) << "；数据覆盖："
     << http::date_span(b.covered_from, b.covered_to) << "。\n\n"
     << "| 登记 | 直接答复 | 不予受理 | 派单 | 办结 | 超期 | 督办 |\n"
     << "|---:|---:|---:|---:|---:|---:|---:|\n"
     << "| " << b.registered << " | " << b.answered << " | " << b.declined << " | " << t.received
     << " | " << b.closed << " | " << t.overdue << " | " << t.supervised << " |\n\n";
  for (std::size_t i = 0; i < rates.size(); ++i)
    md << (i ? "，" : "") << rates[i].label << " " << percent_text(rates[i].of(t));
  md << "。\n\n![登记量与超期量](" << charts << "-volume.svg)\n\n## 各单位办理情况\n\n"
     << "| 单位 |";
  for (const auto& c : http::count_columns()) md << " " << c.label << " |";
  for (const auto& c : rates) md << " " << c.label << " |";
  md << "\n|---|";
  for (std::size_t i = 0; i < http::count_columns().size() + rates.size(); ++i) md << "---:|";
  md << "\n";
  for (const auto& row : http::bulletin_rows(b, j)) {
    md << "| " << row.name << " |";
    for (const auto& c : http::count_columns()) md << " " << c.of(*row.counts) << " |";
    for (const auto& c : rates) md << " " << percent_text(c.of(*row.counts)) << " |";
    md << "\n";
  }
  md << "\n![各单位](" << charts << "-departments.svg)\n\n![督办](" << charts
     << "-supervision.svg)\n\n## 热点诉求\n\n";
  for (const auto& [topic, n] : b.hot_topics) md << "- " << topic << "：" << n << " 件\n";
  md << "\n## 热点区域\n\n";
  for (const auto& [region, n] : b.hot_regions) md << "- " << region << "：" << n << " 件\n";
  if (!b.scores.empty()) {
    md << "\n## 年度考核（百分制）\n\n公式：" << http::score_formula_text << "。\n\n"
       << "| 单位 | 得分 |\n|---|---:|\n";
    for (const auto& s : b.scores) {
      char points[16];
      std::snprintf(points, sizeof points, "%.1f", s.points);
      md << "| " << department_name(j, s.department) << " | " << (s.rated ? points : "未评分")
         << " |\n";
    }
  }
  return md.str();
}

actors::lookup<std::vector<std::string>> write_bulletins(const actors::runtime& rt, instant from,
                                                         instant to, const std::string& dir) {
  using written_files = actors::lookup<std::vector<std::string>>;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return written_files::failed(dir + ": " + ec.message());
  std::vector<std::string> written;
  std::string unwritten;
  auto put = [&](const std::string& name, const std::string& bytes) {
    std::string path = (std::filesystem::path(dir) / name).string();
    std::ofstream file(path, std::ios::binary);
    file << bytes;
    if (!file.flush()) unwritten = path + " could not be written";
    written.push_back(path);
  };
  const actor_ref simulator{role::system, "", "simulator"};
  auto where = rt.where();
  for (report_period p : where->rules.bulletins.value) {
    for (instant at = from; at < to;) {
      auto [start, end] = period_bounds(p, at);
      auto read = rt.report(p, at, simulator);
      if (const std::string* why = read.unavailable()) return written_files::failed(*why);
      if (!read) return written_files::failed(read.refused()->message);
      const bulletin& b = *read;
      std::string stem = http::bulletin_file_stem(b);
      put(stem + ".json", boost::json::serialize(http::bulletin_json(b, *where)) + "\n");
      put(stem + ".csv", http::bulletin_csv(b, *where));
      auto book = http::bulletin_xlsx(b, *where);
      if (!book.error.empty()) return written_files::failed(stem + ".xlsx: " + book.error);
      put(stem + ".xlsx", book.bytes);
      put(stem + ".md", bulletin_markdown(b, *where, stem));
      for (const auto& [chart, svg] : bulletin_charts(b, *where))
        put(stem + "-" + chart + ".svg", svg);
      at = end;
    }
  }
  if (!unwritten.empty()) return written_files::failed(unwritten);
  return written;
}

}  // namespace hotline::simulate
