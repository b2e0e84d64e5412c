#pragma once
// A bulletin's department table as CSV, for Excel and scripts (GET /api/v1/reports?format=csv,
// hotline simulate): RFC 4180 with CRLF, UTF-8 with a byte-order mark (Excel reads Chinese
// only with it). A heading row, the total (合计), the center before dispatch, each department;
// counts as in the JSON bulletin, rates in percent with one decimal.

#include <string>

#include "workflow/bulletin.h"

namespace hotline::http {

std::string bulletin_csv(const workflow::bulletin& b, const workflow::jurisdiction& j);

}  // namespace hotline::http
