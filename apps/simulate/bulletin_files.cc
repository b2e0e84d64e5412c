#include "apps/simulate/bulletin_files.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/bulletin_json.h"

namespace hotline::simulate {
using namespace workflow;

namespace {

std::string percent(long part, long whole) {
  if (whole == 0) return "—";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * part / whole);
  return buf;
}

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

std::string department_name(const jurisdiction& j, const std::string& id) {
  const department* d = j.departments.find(id);
  return d ? d->name : id;
}

// A bar chart: one bar (or a stack of two) per label, values scaled to the largest.
std::string bar_chart(const std::string& title, const std::vector<std::string>& labels,
                      const std::vector<double>& base, const std::vector<double>& top,
                      const std::string& base_name, const std::string& top_name, bool horizontal,
                      double max_value = 0) {
  for (std::size_t i = 0; i < base.size(); ++i)
    max_value = std::max(max_value, base[i] + (top.empty() ? 0 : top[i]));
  if (max_value <= 0) max_value = 1;
  std::ostringstream svg;
  const int bar =
      horizontal ? 18 : std::max(4, std::min(24, 900 / std::max<int>(1, labels.size())));
  const int width =
      horizontal ? 760 : std::max(360, static_cast<int>(labels.size()) * (bar + 4) + 80);
  const int height = horizontal ? static_cast<int>(labels.size()) * (bar + 6) + 80 : 320;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" font-family=\"sans-serif\" font-size=\"11\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">" << escape(title)
      << "</text>\n"
      << "<rect x=\"" << width - 230 << "\" y=\"8\" width=\"10\" height=\"10\" fill=\"#4a78b5\"/>"
      << "<text x=\"" << width - 216 << "\" y=\"17\">" << escape(base_name) << "</text>\n";
  if (!top.empty())
    svg << "<rect x=\"" << width - 120 << "\" y=\"8\" width=\"10\" height=\"10\" fill=\"#d9534f\"/>"
        << "<text x=\"" << width - 106 << "\" y=\"17\">" << escape(top_name) << "</text>\n";
  for (std::size_t i = 0; i < labels.size(); ++i) {
    double b = base[i], t = top.empty() ? 0 : top[i];
    if (horizontal) {
      const int x0 = 220, span = width - x0 - 60, y = 40 + static_cast<int>(i) * (bar + 6);
      int wb = static_cast<int>(span * b / max_value);
      svg << "<text x=\"" << x0 - 6 << "\" y=\"" << y + 13 << "\" text-anchor=\"end\">"
          << escape(labels[i]) << "</text>\n<rect x=\"" << x0 << "\" y=\"" << y << "\" width=\""
          << wb << "\" height=\"" << bar << "\" fill=\"#4a78b5\"/>\n<text x=\"" << x0 + wb + 4
          << "\" y=\"" << y + 13 << "\">"
          << (max_value == 1 ? percent(static_cast<long>(b * 1000), 1000) : std::to_string(long(b)))
          << "</text>\n";
    } else {
      const int y0 = height - 40, span = height - 80, x = 50 + static_cast<int>(i) * (bar + 4);
      int hb = static_cast<int>(span * b / max_value), ht = static_cast<int>(span * t / max_value);
      svg << "<rect x=\"" << x << "\" y=\"" << y0 - hb << "\" width=\"" << bar << "\" height=\""
          << hb << "\" fill=\"#4a78b5\"/>\n";
      if (ht > 0)
        svg << "<rect x=\"" << x << "\" y=\"" << y0 - hb - ht << "\" width=\"" << bar
            << "\" height=\"" << ht << "\" fill=\"#d9534f\"/>\n";
      if (labels.size() <= 40 || i % 7 == 0)
        svg << "<text x=\"" << x + bar / 2 << "\" y=\"" << y0 + 14 << "\" text-anchor=\"middle\">"
            << escape(labels[i]) << "</text>\n";
    }
  }
  if (!horizontal)
    svg << "<text x=\"10\" y=\"40\">" << static_cast<long>(max_value) << "</text>\n"
        << "<line x1=\"45\" y1=\"" << height - 40 << "\" x2=\"" << width - 10 << "\" y2=\""
        << height - 40 << "\" stroke=\"#888\"/>\n";
  svg << "</svg>\n";
  return svg.str();
}

std::string file_stem(const bulletin& b) {
  return b.jurisdiction + "-" + std::string(name_of(b.period)) + "-" +
         format_date(local_date(b.from));
}

}  // namespace

std::vector<std::pair<std::string, std::string>> bulletin_charts(const bulletin& b,
                                                                 const jurisdiction& j) {
  std::vector<std::string> days;
  std::vector<double> received, overdue;
  for (const auto& d : b.daily) {
    days.push_back(format_date(d.day).substr(5));
    received.push_back(d.received);
    overdue.push_back(d.overdue);
  }
  std::vector<std::string> units;
  std::vector<double> on_time;
  for (const auto& [id, c] : b.departments) {
    if (c.replied == 0 || id == center_key) continue;
    units.push_back(department_name(j, id));
    on_time.push_back(double(c.replied_on_time) / c.replied);
  }
  std::vector<std::string> rungs;
  std::vector<double> supervised;
  for (std::size_t i = 1; i < b.total.supervised_by_level.size(); ++i) {
    rungs.push_back(std::string(name_of(static_cast<supervision_level>(i))));
    supervised.push_back(b.total.supervised_by_level[i]);
  }
  return {{"volume", bar_chart("Daily tickets registered, and deadlines missed that day", days,
                               received, overdue, "registered", "overdue", false)},
          {"on_time", bar_chart("Replies on time, by department", units, on_time, {},
                                "replied on time", "", true, 1)},
          {"supervision",
           bar_chart("Supervision by rung", rungs, supervised, {}, "supervised", "", false)}};
}

std::string bulletin_markdown(const bulletin& b, const jurisdiction& j, const std::string& charts) {
  std::ostringstream md;
  const auto& t = b.total;
  md << "# " << j.rules.name << ": " << name_of(b.period) << "ly bulletin\n\n"
     << "Period: " << format_instant(b.from) << " to " << format_instant(b.to)
     << " (exclusive).\n\n"
     << "| registered | answered directly | declined | dispatched | closed | overdue | supervised "
        "|\n"
     << "|---:|---:|---:|---:|---:|---:|---:|\n"
     << "| " << b.registered << " | " << b.answered << " | " << b.declined << " | " << t.received
     << " | " << b.closed << " | " << t.overdue << " | " << t.supervised << " |\n\n"
     << "Signed on time " << percent(t.signed_on_time, t.signed_on_time + t.signed_late)
     << ", replied on time " << percent(t.replied_on_time, t.replied) << ", satisfaction "
     << percent(t.satisfied, t.satisfied + t.dissatisfied) << ".\n\n"
     << "![Daily volume](" << charts << "-volume.svg)\n\n## By department\n\n"
     << "| department | received | signed on time | returned | overdue | extended | replied on time"
        " | satisfied | dissatisfied | reworked | written | on-site | key | transferred"
        " | co-handled | co-handler late |\n"
     << "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  std::vector<std::pair<std::string, std::string>> rows{{center_key, "热线中心 (before dispatch)"}};
  for (const auto& d : j.departments.all()) rows.emplace_back(d.id, d.name);
  for (const auto& [id, name] : rows) {
    auto it = b.departments.find(id);
    if (it == b.departments.end()) continue;
    const auto& c = it->second;
    md << "| " << name << " | " << c.received << " | "
       << percent(c.signed_on_time, c.signed_on_time + c.signed_late) << " | " << c.returned
       << " | " << c.overdue << " | " << c.extended << " | "
       << percent(c.replied_on_time, c.replied) << " | " << c.satisfied << " | " << c.dissatisfied
       << " | " << c.reworked;
    for (std::size_t i = 1; i < c.supervised_by_level.size(); ++i)
      md << " | " << c.supervised_by_level[i];
    md << " | " << c.co_assigned << " | " << c.co_overdue << " |\n";
  }
  md << "\n![On time](" << charts << "-on_time.svg)\n\n![Supervision](" << charts
     << "-supervision.svg)\n\n## Hot topics\n\n";
  for (const auto& [topic, n] : b.hot_topics) md << "- " << topic << ": " << n << "\n";
  md << "\n## Hot regions\n\n";
  for (const auto& [region, n] : b.hot_regions) md << "- " << region << ": " << n << "\n";
  if (!b.scores.empty()) {
    md << "\n## Yearly assessment (100 points)\n\nFormula: " << mengcheng_score_formula << ".\n\n"
       << "| department | points |\n|---|---:|\n";
    for (const auto& s : b.scores) {
      char points[16];
      std::snprintf(points, sizeof points, "%.1f", s.points);
      md << "| " << department_name(j, s.department) << " | " << (s.rated ? points : "not rated")
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
  auto put = [&](const std::string& name, const std::string& text) {
    std::string path = (std::filesystem::path(dir) / name).string();
    std::ofstream file(path);
    file << text;
    if (!file.flush()) unwritten = path + " could not be written";
    written.push_back(path);
  };
  const actor_ref simulator{role::system, "", "simulator"};
  for (report_period p : rt.where().rules.bulletins.value) {
    for (instant at = from; at < to;) {
      auto [start, end] = period_bounds(p, at);
      auto read = rt.report(p, at, simulator);
      if (const std::string* why = read.unavailable()) return written_files::failed(*why);
      if (!read) return written_files::failed(read.refused()->message);
      const bulletin& b = *read;
      std::string stem = file_stem(b);
      put(stem + ".json", boost::json::serialize(http::bulletin_json(b, rt.where())) + "\n");
      put(stem + ".md", bulletin_markdown(b, rt.where(), stem));
      for (const auto& [chart, svg] : bulletin_charts(b, rt.where()))
        put(stem + "-" + chart + ".svg", svg);
      at = end;
    }
  }
  if (!unwritten.empty()) return written_files::failed(unwritten);
  return written;
}

}  // namespace hotline::simulate
