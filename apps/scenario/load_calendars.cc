#include "apps/scenario/load_calendars.h"

#include <algorithm>
#include <filesystem>

#include "apps/scenario/json_reader.h"
#include "apps/scenario/provisional_years.h"

namespace hotline::scenario {
namespace fs = std::filesystem;
using namespace workflow;

namespace {

std::vector<date> read_dates(const node& n) {
  std::vector<date> out;
  for (const auto& item : n.items()) {
    // A date, or a [first, last] range.
    std::vector<std::string> ends;
    if (item.is_text()) {
      ends.push_back(item.text());
    } else {
      auto range = item.items();
      if (range.size() != 2) item.fail("must be a date or a [first, last] pair");
      ends = {range[0].text(), range[1].text()};
    }
    auto first = parse_date(ends.front()), last = parse_date(ends.back());
    if (!first || !last) item.fail("is not a YYYY-MM-DD date");
    if (*last < *first) item.fail("ends before it starts");
    for (date d = *first; !(*last < d); d = add_days(d, 1)) out.push_back(d);
  }
  return out;
}

std::string read_source(const node& n) {
  std::string s = n.at("source").text();
  if (s.empty()) n.fail("needs a source: the notice or regulation it comes from");
  return s;
}

year_calendar read_year(const node& root) {
  year_calendar y;
  y.year = root.at("year").integer();
  y.source = read_source(root);
  y.holidays = read_dates(root.at("holidays"));
  y.working_weekends = read_dates(root.at("working_weekends"));
  if (auto problem = check_year(y); !problem.empty()) root.fail(problem);
  return y;
}

local_layer read_layer(const node& root) {
  if (root.find("working_weekends"))
    root.at("working_weekends")
        .fail("a local layer only adds holidays; the national calendar is in scenarios/calendars/");
  local_layer l;
  l.year = root.at("year").integer();
  l.source = read_source(root);
  l.holidays = read_dates(root.at("holidays"));
  if (auto problem = check_layer(l); !problem.empty()) root.fail(problem);
  return l;
}

}  // namespace

std::string national_calendars_dir(const std::string& scenario_dir) {
  return (fs::path(scenario_dir) / ".." / "calendars").lexically_normal().string();
}

result<year_calendar> read_official_year(const std::string& json, int year) {
  try {
    auto doc = parse_text(json);
    year_calendar y = read_year(node(doc, ""));
    if (y.year != year) throw read_error{"year", "must be " + std::to_string(year) + ", the year named in the path"};
    return y;
  } catch (const read_error& e) {
    refusal r = load_failure("the calendar", e);
    if (r.field.empty()) r.field = "body";
    return r;
  }
}

result<working_calendar> load_calendar(const business_hours& hours, const std::string& national_dir,
                                       const std::string& scenario_dir,
                                       const std::vector<year_calendar>& loaded) {
  std::string file = national_dir;
  try {
    std::vector<year_calendar> years;
    for (const auto& path : json_files(national_dir)) {
      file = path;
      auto doc = parse_file(file);
      years.push_back(read_year(node(doc, "")));
      if (std::to_string(years.back().year) != fs::path(path).stem().string())
        throw read_error{"year", "does not match the file name"};
    }
    file = national_dir;
    for (const auto& y : loaded) {
      auto same = [&](const year_calendar& x) { return x.year == y.year; };
      years.erase(std::remove_if(years.begin(), years.end(), same), years.end());
      years.push_back(y);
    }
    std::sort(years.begin(), years.end(),
              [](const year_calendar& a, const year_calendar& b) { return a.year < b.year; });
    if (years.empty()) throw read_error{"", "no national calendar files (YYYY.json)"};
    std::vector<local_layer> local;
    for (const auto& path : json_files((fs::path(scenario_dir) / "calendars").string())) {
      file = path;
      auto doc = parse_file(file);
      local.push_back(read_layer(node(doc, "")));
    }
    // Years after the first official one without their file are provisional (rules.md §9).
    auto provisional = provisional_years(years.front().year, years);
    years.insert(years.end(), provisional.begin(), provisional.end());
    return working_calendar(hours, years, local);
  } catch (const read_error& e) {
    return load_failure(file, e);
  }
}

}  // namespace hotline::scenario
