#include "http/bulletin_text.h"

#include <algorithm>
#include <cstdio>

namespace hotline::http {
using namespace workflow;

namespace {

std::string chinese_date(date d, bool with_year) {
  return (with_year ? std::to_string(d.year) + "年" : "") + std::to_string(d.month) + "月" +
         std::to_string(d.day) + "日";
}

date last_day(instant to) {
  return local_date({to.seconds - 1});
}

std::string period_name(const bulletin& b) {
  date first = local_date(b.from);
  switch (b.period) {
    case report_period::year:
      return std::to_string(first.year) + "年度";
    case report_period::quarter: {
      static const char* const nth[] = {"一", "二", "三", "四"};
      return std::to_string(first.year) + "年第" + nth[(first.month - 1) / 3] + "季度";
    }
    case report_period::month:
      return std::to_string(first.year) + "年" + std::to_string(first.month) + "月";
    case report_period::week:
      return date_span(b.from, b.to) + "当周";
  }
  return "";
}

std::optional<double> share(long part, long whole) {
  if (whole == 0) return std::nullopt;
  return double(part) / double(whole);
}

}  // namespace

std::string jurisdiction_name(const jurisdiction& j) {
  return j.rules.name.substr(0, j.rules.name.find(" ("));
}

std::string date_span(instant from, instant to) {
  date a = local_date(from), b = last_day(to);
  if (a == b) return chinese_date(a, true);
  return chinese_date(a, true) + "至" + chinese_date(b, b.year != a.year);
}

const char* const score_formula_text =
    "签收及时率×20＋回复及时率×30＋满意率×30＋（1－重办占回复比）×10＋（1－超期占派单比）×10，各项"
    "无可计者计满分，无派单的单位不评分（001第27条定百分制，分项权重为假设）";

std::string bulletin_file_stem(const bulletin& b) {
  return b.jurisdiction + "-" + std::string(name_of(b.period)) + "-" +
         format_date(local_date(b.from));
}

std::string bulletin_title(const bulletin& b, const jurisdiction& j) {
  std::string name = jurisdiction_name(j);
  if (b.covered_from == b.from && b.covered_to == b.to)
    return b.period == report_period::week ? name + "周通报（" + date_span(b.from, b.to) + "）"
                                           : name + period_name(b) + "通报";
  long days =
      days_from_civil(last_day(b.covered_to)) - days_from_civil(local_date(b.covered_from)) + 1;
  return name + "通报（" + date_span(b.covered_from, b.covered_to) + "，共" + std::to_string(days) +
         "天，属" + period_name(b) + "统计期）";
}

const std::vector<count_column>& count_columns() {
  static const std::vector<count_column> columns{
      {"received", "派至本单位", [](const unit_counts& c) { return c.received; }},
      {"signed_on_time", "按时签收", [](const unit_counts& c) { return c.signed_on_time; }},
      {"signed_late", "超时签收", [](const unit_counts& c) { return c.signed_late; }},
      {"deemed_signed", "视为签收", [](const unit_counts& c) { return c.deemed; }},
      {"returned", "申请退回", [](const unit_counts& c) { return c.returned; }},
      {"overdue", "超期", [](const unit_counts& c) { return c.overdue; }},
      {"extended", "延期", [](const unit_counts& c) { return c.extended; }},
      {"replied", "回复", [](const unit_counts& c) { return c.replied; }},
      {"replied_on_time", "按时回复", [](const unit_counts& c) { return c.replied_on_time; }},
      {"satisfied", "满意", [](const unit_counts& c) { return c.satisfied; }},
      {"dissatisfied", "不满意", [](const unit_counts& c) { return c.dissatisfied; }},
      {"reworked", "重办", [](const unit_counts& c) { return c.reworked; }},
      {"professional_reviews", "专业评议", [](const unit_counts& c) { return c.reviewed; }},
      {"supervised", "督办", [](const unit_counts& c) { return c.supervised; }},
      {"written", rung_label(supervision_level::written),
       [](const unit_counts& c) { return c.supervised_by_level[1]; }},
      {"on_site", rung_label(supervision_level::on_site),
       [](const unit_counts& c) { return c.supervised_by_level[2]; }},
      {"key", rung_label(supervision_level::key),
       [](const unit_counts& c) { return c.supervised_by_level[3]; }},
      {"transferred", rung_label(supervision_level::transferred),
       [](const unit_counts& c) { return c.supervised_by_level[4]; }},
      {"terminated", "终止", [](const unit_counts& c) { return c.terminated; }},
      {"co_assigned", "协办", [](const unit_counts& c) { return c.co_assigned; }},
      {"co_reported", "协办已报", [](const unit_counts& c) { return c.co_reported; }},
      {"co_overdue", "协办超期", [](const unit_counts& c) { return c.co_overdue; }},
  };
  return columns;
}

const std::vector<rate_column>& rate_columns() {
  static const std::vector<rate_column> columns{
      {"signed_on_time", "签收及时率",
       [](const unit_counts& c) {
         return share(c.signed_on_time, c.signed_on_time + c.signed_late);
       }},
      {"replied_on_time", "回复及时率",
       [](const unit_counts& c) { return share(c.replied_on_time, c.replied); }},
      {"satisfaction", "满意率",
       [](const unit_counts& c) { return share(c.satisfied, c.satisfied + c.dissatisfied); }},
  };
  return columns;
}

std::string percent_number(std::optional<double> rate) {
  if (!rate) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", 100.0 * *rate);
  return buf;
}

std::string percent_text(std::optional<double> rate) {
  return rate ? percent_number(rate) + "%" : "—";
}

const char* rung_label(supervision_level level) {
  switch (level) {
    case supervision_level::none:
      return "未督办";
    case supervision_level::written:
      return "书面督办";
    case supervision_level::on_site:
      return "现场督办";
    case supervision_level::key:
      return "重点督办";
    case supervision_level::transferred:
      return "移交办理";
  }
  return "";
}

std::vector<bulletin_row> bulletin_rows(const bulletin& b, const jurisdiction& j) {
  std::vector<bulletin_row> rows;
  if (auto it = b.departments.find(center_key); it != b.departments.end())
    rows.push_back({"", "热线中心（派单前）", &it->second});
  std::vector<bulletin_row> units;
  for (const auto& d : j.departments.all())
    if (auto it = b.departments.find(d.id); it != b.departments.end())
      units.push_back({d.id, d.name, &it->second});
  std::stable_sort(units.begin(), units.end(), [](const auto& a, const auto& z) {
    return a.counts->received > z.counts->received;
  });
  rows.insert(rows.end(), units.begin(), units.end());
  return rows;
}

}  // namespace hotline::http
