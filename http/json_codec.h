#pragma once
// JSON for anything described with describe() (commands, events, values): one encoder
// (json_text_writer, json_text.h) and one decoder, so a request body becomes a command without a
// line per field. The decoder names the exact field at fault ("citizen.phone", "co[1]") and
// refuses unknown fields.

#include <boost/json.hpp>
#include <set>
#include <string>
#include <type_traits>

#include "http/json_text.h"
#include "workflow/describe.h"
#include "workflow/events.h"
#include "workflow/result.h"

namespace hotline::http {

/// The JSON object of any described value: json_text_writer's text (the one encoder), as a tree
/// for an answer that adds fields to it. Not on a hot path (peer messages, knowledge entries).
template <class T>
boost::json::object to_json(const T& v) {
  json_text t;
  json_text_writer::object(t, v);
  return boost::json::parse(t.out).as_object();
}

class json_reader {
 public:
  json_reader(const boost::json::object& in, std::string path) : in_(in), path_(std::move(path)) {}
  std::optional<workflow::refusal> error;

  template <class T>
  void operator()(const char* name, T& v, workflow::optional_tag) {
    read(name, v, false);
  }
  template <class T>
  void operator()(const char* name, T& v) {
    read(name, v, !workflow::is_optional<T>::value);
  }
  /// A member added to a stored type later is one a request may leave out.
  template <class T>
  void operator()(const char* name, T& v, workflow::since) {
    read(name, v, false);
  }
  /// After describe(): refuses members the type does not have.
  void reject_unknown() {
    for (const auto& kv : in_)
      if (!seen_.count(std::string(kv.key())) && !error)
        error = workflow::invalid_field(field(std::string(kv.key())), "is not a known field");
  }

 private:
  std::string field(const std::string& name) const {
    return path_.empty() ? name : path_ + "." + name;
  }
  template <class T>
  void read(const char* name, T& v, bool required) {
    seen_.insert(name);
    if (error) return;
    auto it = in_.find(name);
    if (it == in_.end() || (it->value().is_null() && !required)) {
      if (required) error = workflow::invalid_field(field(name), "is required");
      return;
    }
    parse(it->value(), v, field(name));
  }

  void fail(const std::string& f, const std::string& message) {
    if (!error) error = workflow::invalid_field(f, message);
  }
  void parse(const boost::json::value& j, std::string& v, const std::string& f) {
    if (!j.is_string()) return fail(f, "must be a string");
    v = std::string(j.get_string());
  }
  void parse(const boost::json::value& j, bool& v, const std::string& f) {
    if (!j.is_bool()) return fail(f, "must be true or false");
    v = j.get_bool();
  }
  void parse(const boost::json::value& j, int& v, const std::string& f) {
    if (!j.is_int64() && !j.is_uint64()) return fail(f, "must be a whole number");
    auto n = j.is_int64() ? j.get_int64() : static_cast<std::int64_t>(j.get_uint64());
    if (n < -1000000 || n > 1000000) return fail(f, "is out of range");
    v = static_cast<int>(n);
  }
  void parse(const boost::json::value& j, workflow::instant& v, const std::string& f) {
    auto t = j.is_string() ? workflow::parse_instant(j.get_string()) : std::nullopt;
    if (!t) return fail(f, "must be an RFC 3339 time");
    v = *t;
  }
  void parse(const boost::json::value& j, workflow::date& v, const std::string& f) {
    auto d = j.is_string() ? workflow::parse_date(j.get_string()) : std::nullopt;
    if (!d) return fail(f, "must be a date, YYYY-MM-DD");
    v = *d;
  }
  // approved_by: one {"name","post"}, or an array of them in the chain's order (001 art. 24).
  void parse(const boost::json::value& j, workflow::signatures& v, const std::string& f) {
    if (j.is_array()) {
      parse(j, v.chain, f);
    } else {
      v.chain.resize(1);
      parse(j, v.chain[0], f);
    }
  }
  template <class T>
  void parse(const boost::json::value& j, std::optional<T>& v, const std::string& f) {
    if (j.is_null()) return v.reset();
    v.emplace();
    parse(j, *v, f);
  }
  template <class T>
  void parse(const boost::json::value& j, std::vector<T>& v, const std::string& f) {
    if (!j.is_array()) return fail(f, "must be an array");
    v.clear();
    const auto& a = j.get_array();
    for (std::size_t i = 0; i < a.size(); ++i) {
      v.emplace_back();
      parse(a[i], v.back(), f + "[" + std::to_string(i) + "]");
    }
  }
  template <class T>
  void parse(const boost::json::value& j, T& v, const std::string& f) {
    if constexpr (std::is_enum_v<T>) {
      auto e = j.is_string() ? workflow::parse_name<T>(j.get_string()) : std::nullopt;
      if (!e) {
        std::string names;
        for (auto n : workflow::enum_names<T>::names)
          names += (names.empty() ? "" : ", ") + std::string(n);
        return fail(f, "must be one of: " + names);
      }
      v = *e;
    } else {
      if (!j.is_object()) return fail(f, "must be an object");
      json_reader nested(j.get_object(), f);
      describe(nested, v);
      nested.reject_unknown();
      if (nested.error && !error) error = nested.error;
    }
  }

  const boost::json::object& in_;
  std::string path_;
  std::set<std::string> seen_;
};

/// Reads a described value from a JSON body, or the refusal naming the field at fault.
template <class T>
workflow::result<T> from_json(const boost::json::value& body) {
  if (!body.is_object()) return workflow::invalid_field("body", "must be a JSON object");
  T v{};
  json_reader r(body.get_object(), "");
  describe(r, v);
  r.reject_unknown();
  if (r.error) return *r.error;
  return v;
}

}  // namespace hotline::http
