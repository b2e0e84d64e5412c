#include "http/bulletin_csv.h"

#include "http/bulletin_text.h"

namespace hotline::http {
using namespace workflow;

namespace {

// A field, quoted when it holds a comma, a quote or a line break (RFC 4180).
std::string field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void row(std::string& out, const std::string& id, const std::string& name, const unit_counts& c) {
  out += field(id) + "," + field(name);
  for (const auto& column : count_columns()) out += "," + std::to_string(column.of(c));
  for (const auto& column : rate_columns()) out += "," + percent_number(column.of(c));
  out += "\r\n";
}

}  // namespace

std::string bulletin_csv(const bulletin& b, const jurisdiction& j) {
  std::string out = "\xEF\xBB\xBF单位编号,单位";
  for (const auto& column : count_columns()) out += std::string(",") + column.label;
  for (const auto& column : rate_columns()) out += std::string(",") + column.label + "(%)";
  out += "\r\n";
  row(out, "", "合计", b.total);
  for (const auto& r : bulletin_rows(b, j)) row(out, r.id, r.name, *r.counts);
  return out;
}

}  // namespace hotline::http
