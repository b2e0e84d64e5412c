#pragma once
// Reading typed values out of a parsed JSON document while keeping the path to each one, so a
// bad value is reported as "file: a.b[2].c: what is wrong". Failures are thrown as read_error
// inside the loader and turned into a refusal at its edge.

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "workflow/enums.h"
#include "workflow/result.h"

namespace hotline::scenario {

struct read_error {
  std::string path;
  std::string message;
};

/// A JSON value together with where it sits in the document.
class node {
 public:
  node(const boost::json::value& v, std::string path) : v_(&v), path_(std::move(path)) {}

  const std::string& path() const { return path_; }
  [[noreturn]] void fail(const std::string& message) const { throw read_error{path_, message}; }

  /// The member `key`; fails if absent.
  node at(const std::string& key) const;
  /// The member `key`, or nothing if absent or null.
  std::optional<node> find(const std::string& key) const;
  std::vector<node> items() const;

  std::string text() const;
  bool flag() const;
  int integer() const;
  double real() const;
  bool is_null() const { return v_->is_null(); }
  bool is_text() const { return v_->is_string(); }

  template <class E>
  E name() const {
    auto e = workflow::parse_name<E>(text());
    if (!e) fail("'" + text() + "' is not one of the allowed names");
    return *e;
  }
  template <class E>
  std::vector<E> names() const {
    std::vector<E> out;
    for (const auto& item : items()) out.push_back(item.name<E>());
    return out;
  }

 private:
  const boost::json::object& object() const;
  const boost::json::value* v_;
  std::string path_;
};

/// One line an operator can act on: "<file>: <path>: <what is wrong>."
workflow::refusal load_failure(const std::string& file, const read_error& e);

/// Parses the file at `file`; throws read_error with path "" if it cannot be read or parsed.
boost::json::value parse_file(const std::string& file);
/// The .json files directly in `dir`, sorted by name; none if it does not exist.
std::vector<std::string> json_files(const std::string& dir);
/// Parses `text`; throws read_error with path "" if it is not JSON.
boost::json::value parse_text(const std::string& text);

}  // namespace hotline::scenario
