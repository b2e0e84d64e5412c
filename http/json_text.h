#pragma once
// JSON text written straight into a string, in the order it is given: the hot answers (a ticket
// with its history, after every command) without building a boost::json tree first and then
// serializing it. Commas go where they belong by themselves. The output is what boost::json's
// serializer gives for the same object, key order included.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "workflow/describe.h"
#include "workflow/events.h"

namespace hotline::http {

class json_text {
 public:
  std::string out;

  json_text& begin_object() { return open('{'); }
  json_text& end_object() { return close('}'); }
  json_text& begin_array() { return open('['); }
  json_text& end_array() { return close(']'); }
  /// A key is one of the program's own names (a field, a step, a deadline): never escaped.
  json_text& key(std::string_view k) {
    char framed[64];  // one append for the comma, the quotes and the colon
    if (k.size() + 4 > sizeof framed) {
      separate();
      out.append(1, '"').append(k).append("\":");
      return *this;
    }
    std::size_t n = 0;
    if (needs_comma()) framed[n++] = ',';
    framed[n++] = '"';
    k.copy(framed + n, k.size());
    n += k.size();
    framed[n++] = '"';
    framed[n++] = ':';
    out.append(framed, n);
    return *this;
  }
  json_text& string(std::string_view s) {
    separate();
    quoted(s);
    return *this;
  }
  json_text& string_or_null(const std::string& s) { return s.empty() ? null() : string(s); }
  json_text& boolean(bool b) { return literal(b ? "true" : "false"); }
  json_text& number(std::int64_t n) { return literal(std::to_string(n)); }
  json_text& number(std::uint64_t n) { return literal(std::to_string(n)); }
  json_text& number(int n) { return number(std::int64_t{n}); }
  json_text& null() { return literal("null"); }
  /// A value that is JSON text already.
  json_text& text(std::string_view json) { return literal(json); }

 private:
  json_text& open(char c) {
    separate();
    out += c;
    return *this;
  }
  json_text& close(char c) {
    out += c;
    return *this;
  }
  json_text& literal(std::string_view text) {
    separate();
    out += text;
    return *this;
  }
  // A comma before anything that follows a value in an object or array.
  bool needs_comma() const {
    return !out.empty() && out.back() != '{' && out.back() != '[' && out.back() != ':';
  }
  void separate() {
    if (needs_comma()) out += ',';
  }
  void quoted(std::string_view s);
};

/// Writes any described value (commands, events, values) field by field: the project's one
/// encoder of described values (to_json in json_codec.h reads its text back as a tree). `redact_citizen`: the top-level field "citizen" is {"redacted":true}.
class json_text_writer {
 public:
  explicit json_text_writer(json_text& to, bool redact_citizen = false)
      : to_(to), redact_citizen_(redact_citizen) {}

  template <class T>
  void operator()(const char* name, T& v, workflow::optional_tag) {
    (*this)(name, v);
  }
  template <class T>
  void operator()(const char* name, T& v, workflow::since) {
    (*this)(name, v);
  }
  template <class T>
  void operator()(const char* name, T& v) {
    to_.key(name);
    if (redact_citizen_ && std::string_view(name) == "citizen") {
      to_.begin_object().key("redacted").boolean(true).end_object();
      return;
    }
    value(to_, v);
  }

  /// The object of a described value.
  template <class T>
  static void object(json_text& to, const T& v, bool redact_citizen = false) {
    to.begin_object();
    json_text_writer w(to, redact_citizen);
    describe(w, const_cast<T&>(v));  // the writer only reads
    to.end_object();
  }

  static void value(json_text& to, const std::string& s) { to.string(s); }
  static void value(json_text& to, bool b) { to.boolean(b); }
  static void value(json_text& to, int i) { to.number(i); }
  static void value(json_text& to, std::uint64_t i) { to.number(i); }
  static void value(json_text& to, workflow::instant t) { to.string(workflow::format_instant(t)); }
  static void value(json_text& to, workflow::date d) { to.string(workflow::format_date(d)); }
  template <class T>
  static void value(json_text& to, const std::optional<T>& v) {
    if (v)
      value(to, *v);
    else
      to.null();
  }
  template <class T>
  static void value(json_text& to, const std::vector<T>& v) {
    to.begin_array();
    for (const auto& x : v) value(to, x);
    to.end_array();
  }
  template <class T>
  static void value(json_text& to, const T& v) {
    if constexpr (std::is_enum_v<T>)
      to.string(workflow::name_of(v));
    else
      object(to, v);
  }

 private:
  json_text& to_;
  const bool redact_citizen_;
};

}  // namespace hotline::http
