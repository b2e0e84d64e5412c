#include "apps/scenario/json_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hotline::scenario {

const boost::json::object& node::object() const {
  if (!v_->is_object()) fail("must be an object");
  return v_->get_object();
}

node node::at(const std::string& key) const {
  auto found = find(key);
  if (!found) throw read_error{path_.empty() ? key : path_ + "." + key, "is missing"};
  return *found;
}

std::optional<node> node::find(const std::string& key) const {
  const auto& o = object();
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::nullopt;
  return node(it->value(), path_.empty() ? key : path_ + "." + key);
}

std::vector<node> node::items() const {
  if (!v_->is_array()) fail("must be an array");
  std::vector<node> out;
  const auto& a = v_->get_array();
  for (std::size_t i = 0; i < a.size(); ++i)
    out.emplace_back(a[i], path_ + "[" + std::to_string(i) + "]");
  return out;
}

std::string node::text() const {
  if (!v_->is_string()) fail("must be a string");
  return std::string(v_->get_string());
}

bool node::flag() const {
  if (!v_->is_bool()) fail("must be true or false");
  return v_->get_bool();
}

int node::integer() const {
  if (!v_->is_int64() && !v_->is_uint64()) fail("must be a whole number");
  return static_cast<int>(v_->to_number<std::int64_t>());
}

double node::real() const {
  if (!v_->is_number()) fail("must be a number");
  return v_->to_number<double>();
}

workflow::refusal load_failure(const std::string& file, const read_error& e) {
  workflow::refusal r;
  r.code = workflow::refusal_code::validation_failed;
  r.field = e.path;
  r.message = file + ": " + (e.path.empty() ? "" : e.path + ": ") + e.message + ".";
  return r;
}

boost::json::value parse_file(const std::string& file) {
  std::ifstream in(file);
  if (!in) throw read_error{"", "cannot be read"};
  std::stringstream buf;
  buf << in.rdbuf();
  return parse_text(buf.str());
}

boost::json::value parse_text(const std::string& text) {
  boost::json::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec) throw read_error{"", "not valid JSON (" + ec.message() + ")"};
  return v;
}

std::vector<std::string> json_files(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace hotline::scenario
