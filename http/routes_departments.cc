// GET /api/v1/departments, /api/v1/departments/{id}/stats and /api/v1/reports.
#include "http/api.h"
#include "http/bulletin_csv.h"
#include "http/bulletin_json.h"
#include "http/bulletin_text.h"
#include "http/bulletin_xlsx.h"
#include "workflow/statistics.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

response api::departments(const call&) {
  json::array items;
  auto where = rt_.where();
  for (const auto& d : where->departments.all())
    items.push_back({{"id", d.id},
                     {"name", d.name},
                     {"parent", d.parent.empty() ? json::value(nullptr) : json::value(d.parent)},
                     {"tier", d.tier}});
  return json_response(200, {{"items", std::move(items)}});
}

response api::reports(const call& c) {
  auto period = report_period::month;
  if (auto it = c.req.query.find("period"); it != c.req.query.end()) {
    auto p = parse_name<report_period>(it->second);
    if (!p)
      return refusal_response(invalid_field("period", "must be week, month, quarter or year"));
    period = *p;
  }
  instant at = rt_.now();
  if (auto it = c.req.query.find("at"); it != c.req.query.end()) {
    auto t = query_instant(it->second);
    if (!t) return refusal_response(invalid_field("at", query_instant_format));
    at = *t;
  }
  std::string format = "json";
  if (auto it = c.req.query.find("format"); it != c.req.query.end()) format = it->second;
  if (format != "json" && format != "csv" && format != "xlsx")
    return refusal_response(invalid_field("format", "must be json, csv or xlsx"));
  auto read = rt_.report(period, at, c.who);
  if (!read) return no_value(read);
  const bulletin& b = *read;
  if (format == "json") return json_response(200, bulletin_json(b, *rt_.where()));
  response r;
  if (format == "csv") {
    r.body = bulletin_csv(b, *rt_.where());
    r.content_type = "text/csv; charset=utf-8";
  } else {
    auto book = bulletin_xlsx(b, *rt_.where());
    if (!book.error.empty()) return error_response(500, "internal", book.error);
    r.body = std::move(book.bytes);
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + bulletin_file_stem(b) + "." + format + "\"");
  return r;
}

response api::department_stats(const call& c, const std::string& id) {
  // The period: [from, to), by default the month so far.
  instant to = rt_.now(), from = local_instant({local_date(to).year, local_date(to).month, 1}, 0);
  for (auto [name, target] : {std::pair{"from", &from}, {"to", &to}}) {
    auto it = c.req.query.find(name);
    if (it == c.req.query.end()) continue;
    auto t = query_instant(it->second);
    if (!t) return refusal_response(invalid_field(name, query_instant_format));
    *target = *t;
  }
  auto total = rt_.department_counts(id, from, to, c.who);
  if (!total) return no_value(total);
  return json_response(200, {{"department", id},
                             {"from", format_instant(from)},
                             {"to", format_instant(to)},
                             {"counts", counts_json(*total)},
                             {"rates", rates_json(*total)}});
}

}  // namespace hotline::http
