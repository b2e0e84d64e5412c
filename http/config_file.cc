#include "http/config_file.h"

#include <fstream>
#include <sstream>

namespace hotline::http {
using namespace workflow;

refusal bad_file(const std::string& file, const std::string& what) {
  refusal r;
  r.code = refusal_code::validation_failed;
  r.field = file;
  r.message = file + ": " + what + ".";
  return r;
}

result<boost::json::value> read_config_file(const std::string& file) {
  std::ifstream in(file);
  if (!in) return bad_file(file, "cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  boost::json::error_code ec;
  auto doc = boost::json::parse(text.str(), ec);
  if (ec) return boost::json::value(nullptr);
  return doc;
}

}  // namespace hotline::http
