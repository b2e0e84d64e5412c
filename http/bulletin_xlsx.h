#pragma once
// A bulletin as an Excel workbook (libxlsxwriter), for the offices that work in Excel
// (GET /api/v1/reports?format=xlsx, hotline simulate). Sheets: 概况 (the summary), 各单位 (the
// department table, as in the CSV, with a chart of tickets received and overdue by department,
// ranked), 每日 (daily volume, overdue beside it), 督办 (supervision by rung), 热点 (topics and
// regions), and 考核 (Mengcheng's yearly score) where there is one. Charts are Excel's own.

#include <string>

#include "workflow/bulletin.h"

namespace hotline::http {

struct xlsx_file {
  std::string bytes;  // the .xlsx file
  std::string error;  // why there are none (libxlsxwriter writes through a temporary file)
};
xlsx_file bulletin_xlsx(const workflow::bulletin& b, const workflow::jurisdiction& j);

}  // namespace hotline::http
