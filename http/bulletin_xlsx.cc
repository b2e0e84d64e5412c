#include "http/bulletin_xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <vector>

#include "http/bulletin_text.h"

namespace hotline::http {
using namespace workflow;

namespace {

struct sheet_writer {
  lxw_workbook* book;
  lxw_format* bold;
  lxw_format* title;
};

// A sheet with its heading row in bold, its first column `first_width` characters wide.
lxw_worksheet* sheet(const sheet_writer& w, const char* name,
                     const std::vector<std::string>& headings, double first_width) {
  lxw_worksheet* ws = workbook_add_worksheet(w.book, name);
  worksheet_set_column(ws, 0, 0, first_width, nullptr);
  for (std::size_t c = 0; c < headings.size(); ++c)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), headings[c].c_str(), w.bold);
  return ws;
}

lxw_chart* chart(const sheet_writer& w, std::uint8_t type, const std::string& name) {
  lxw_chart* c = workbook_add_chart(w.book, type);
  chart_title_set_name(c, name.c_str());
  chart_legend_set_position(c, LXW_CHART_LEGEND_BOTTOM);
  return c;
}

// A series over rows [first, last] of `sheet`, categories in column `cat`, values in `col`.
void series(lxw_chart* c, const char* sheet, int first, int last, int cat, int col,
            const char* name, lxw_color_t color) {
  lxw_chart_series* s = chart_add_series(c, nullptr, nullptr);
  chart_series_set_categories(s, sheet, first, cat, last, cat);
  chart_series_set_values(s, sheet, first, col, last, col);
  chart_series_set_name(s, name);
  chart_series_set_labels(s);  // counts shown on the bars
  lxw_chart_fill fill{color, 0, 0};
  chart_series_set_fill(s, &fill);
}

lxw_chart_options scaled(double x, double y) {
  lxw_chart_options o{};
  o.x_scale = x;
  o.y_scale = y;
  return o;
}

constexpr lxw_color_t blue = 0x4A78B5, red = 0xD9534F;

void summary(const sheet_writer& w, const bulletin& b, const jurisdiction& j) {
  lxw_worksheet* ws = workbook_add_worksheet(w.book, "概况");
  worksheet_set_column(ws, 0, 0, 24, nullptr);
  worksheet_set_column(ws, 1, 1, 40, nullptr);
  worksheet_write_string(ws, 0, 0, bulletin_title(b, j).c_str(), w.title);
  int r = 2;
  auto text = [&](const char* k, const std::string& v) {
    worksheet_write_string(ws, r, 0, k, w.bold);
    worksheet_write_string(ws, r++, 1, v.c_str(), nullptr);
  };
  auto number = [&](const char* k, double v) {
    worksheet_write_string(ws, r, 0, k, w.bold);
    worksheet_write_number(ws, r++, 1, v, nullptr);
  };
  text("统计期", date_span(b.from, b.to));
  text("数据覆盖", date_span(b.covered_from, b.covered_to));
  number("登记", double(b.registered));
  number("直接答复", double(b.answered));
  number("不予受理", double(b.declined));
  number("派单", double(b.total.received));
  number("办结", double(b.closed));
  number("超期", double(b.total.overdue));
  number("督办", double(b.total.supervised));
  for (const auto& rate : rate_columns()) {
    std::string v = percent_number(rate.of(b.total));
    if (v.empty())
      text((std::string(rate.label) + "(%)").c_str(), "—");
    else
      number((std::string(rate.label) + "(%)").c_str(), std::stod(v));
  }
}

void departments(const sheet_writer& w, const bulletin& b, const jurisdiction& j) {
  const char* name = "各单位";
  std::vector<std::string> headings{"单位编号", "单位"};
  int overdue_col = 0;
  for (const auto& c : count_columns()) {
    if (std::string(c.key) == "overdue") overdue_col = static_cast<int>(headings.size());
    headings.push_back(c.label);
  }
  for (const auto& c : rate_columns()) headings.push_back(std::string(c.label) + "(%)");
  lxw_worksheet* ws = sheet(w, name, headings, 14);
  worksheet_set_column(ws, 1, 1, 26, nullptr);
  int r = 1;
  auto row = [&](const std::string& id, const std::string& label, const unit_counts& counts) {
    worksheet_write_string(ws, r, 0, id.c_str(), nullptr);
    worksheet_write_string(ws, r, 1, label.c_str(), nullptr);
    int c = 2;
    for (const auto& column : count_columns())
      worksheet_write_number(ws, r, c++, double(column.of(counts)), nullptr);
    for (const auto& column : rate_columns()) {
      std::string v = percent_number(column.of(counts));
      if (!v.empty()) worksheet_write_number(ws, r, c, std::stod(v), nullptr);
      ++c;
    }
    ++r;
  };
  row("", "合计", b.total);
  auto rows = bulletin_rows(b, j);
  for (const auto& x : rows) row(x.id, x.name, *x.counts);
  // Departments only (rows 3.. after the total and the center), most tickets at the top.
  int first = rows.empty() || !rows.front().id.empty() ? 2 : 3;
  if (r - 1 >= first) {
    lxw_chart* c = chart(w, LXW_CHART_BAR, "各单位派单量与超期量（按派单量排序）");
    series(c, name, first, r - 1, 1, 2, "派单", blue);
    series(c, name, first, r - 1, 1, overdue_col, "超期", red);
    chart_axis_set_reverse(c->x_axis);
    auto size = scaled(1.6, 1 + 0.12 * (r - first));
    worksheet_insert_chart_opt(ws, r + 2, 1, c, &size);
  }
}

void daily(const sheet_writer& w, const bulletin& b) {
  const char* name = "每日";
  lxw_worksheet* ws = sheet(w, name, {"日期", "登记", "超期"}, 12);
  int r = 1;
  for (const auto& d : b.daily) {
    worksheet_write_string(ws, r, 0, format_date(d.day).c_str(), nullptr);
    worksheet_write_number(ws, r, 1, double(d.received), nullptr);
    worksheet_write_number(ws, r++, 2, double(d.overdue), nullptr);
  }
  if (r == 1) return;
  lxw_chart* c = chart(w, LXW_CHART_COLUMN, "每日登记量与当日超期量");
  series(c, name, 1, r - 1, 0, 1, "登记", blue);
  series(c, name, 1, r - 1, 0, 2, "超期", red);
  auto size = scaled(1.8, 1.2);
  worksheet_insert_chart_opt(ws, 1, 4, c, &size);
}

void supervision(const sheet_writer& w, const bulletin& b) {
  const char* name = "督办";
  lxw_worksheet* ws = sheet(w, name, {"督办层级", "次数"}, 14);
  for (std::size_t i = 1; i < b.total.supervised_by_level.size(); ++i) {
    worksheet_write_string(ws, int(i), 0, rung_label(static_cast<supervision_level>(i)), nullptr);
    worksheet_write_number(ws, int(i), 1, double(b.total.supervised_by_level[i]), nullptr);
  }
  lxw_chart* c = chart(w, LXW_CHART_COLUMN, "督办（按层级）");
  series(c, name, 1, int(b.total.supervised_by_level.size()) - 1, 0, 1, "督办次数", blue);
  worksheet_insert_chart(ws, 1, 3, c);
}

void hot_spots(const sheet_writer& w, const bulletin& b) {
  lxw_worksheet* ws = workbook_add_worksheet(w.book, "热点");
  worksheet_set_column(ws, 0, 0, 20, nullptr);
  worksheet_set_column(ws, 3, 3, 20, nullptr);
  int c = 0;
  using ranked = std::pair<const char*, const std::vector<std::pair<std::string, long>>*>;
  for (const auto& [heading, list] :
       {ranked{"热点诉求", &b.hot_topics}, ranked{"热点区域", &b.hot_regions}}) {
    worksheet_write_string(ws, 0, c, heading, w.bold);
    worksheet_write_string(ws, 0, c + 1, "登记", w.bold);
    int r = 1;
    for (const auto& [what, n] : *list) {
      worksheet_write_string(ws, r, c, what.c_str(), nullptr);
      worksheet_write_number(ws, r++, c + 1, double(n), nullptr);
    }
    c += 3;
  }
}

void score(const sheet_writer& w, const bulletin& b, const jurisdiction& j) {
  if (b.scores.empty()) return;
  lxw_worksheet* ws = sheet(w, "考核", {"单位", "得分（百分制）"}, 26);
  int r = 1;
  for (const auto& s : b.scores) {
    const department* d = j.departments.find(s.department);
    worksheet_write_string(ws, r, 0, d ? d->name.c_str() : s.department.c_str(), nullptr);
    if (s.rated)
      worksheet_write_number(ws, r, 1, std::round(s.points * 10) / 10, nullptr);
    else
      worksheet_write_string(ws, r, 1, "未评分", nullptr);
    ++r;
  }
  worksheet_write_string(ws, r + 1, 0, (std::string("公式：") + score_formula_text).c_str(),
                         nullptr);
}

xlsx_file write_workbook(const bulletin& b, const jurisdiction& j) {
  std::string path = (std::filesystem::temp_directory_path() / "hotline-xlsx-XXXXXX").string();
  int fd = mkstemp(path.data());
  if (fd < 0) return {"", "cannot create a temporary file for the workbook"};
  close(fd);
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) {
    std::filesystem::remove(path);
    return {"", "cannot start the workbook"};
  }
  sheet_writer w{book, workbook_add_format(book), workbook_add_format(book)};
  format_set_bold(w.bold);
  format_set_bold(w.title);
  format_set_font_size(w.title, 14);
  summary(w, b, j);
  departments(w, b, j);
  daily(w, b);
  supervision(w, b);
  hot_spots(w, b);
  score(w, b, j);
  lxw_error e = workbook_close(book);
  xlsx_file out;
  if (e != LXW_NO_ERROR) {
    out.error = std::string("the workbook was not written: ") + lxw_strerror(e);
  } else {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    out.bytes = bytes.str();
  }
  std::filesystem::remove(path);
  return out;
}

}  // namespace

// libxlsxwriter's zip writer (minizip's zipOpen3) keeps over 64 KiB on the stack, more than a
// CivetWeb worker's stack has: the workbook is written on a thread with an ordinary stack.
xlsx_file bulletin_xlsx(const bulletin& b, const jurisdiction& j) {
  return std::async(std::launch::async, [&] { return write_workbook(b, j); }).get();
}

}  // namespace hotline::http
