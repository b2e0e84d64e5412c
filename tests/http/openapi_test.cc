// docs/openapi.json against the code: every route and method the server answers (its route
// table), every action (workflow::action's names), every query parameter and every request
// body field (the commands' describe()) is in the document, and the document has nothing more.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "http/api.h"
#include "http/json_codec.h"
#include "workflow/commands.h"

namespace hotline::http {
namespace {
namespace json = boost::json;
using workflow::enum_names;

const json::object& document() {
  static const json::value doc = [] {
    std::ifstream in(HOTLINE_OPENAPI);
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
  }();
  return doc.as_object();
}

const json::object& schema(const json::value& v) {
  const auto& o = v.as_object();
  if (auto* r = o.if_contains("$ref")) {
    std::string name(r->as_string());
    return document()
        .at("components")
        .at("schemas")
        .at(name.substr(name.rfind('/') + 1))
        .as_object();
  }
  return o;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Each route of the table, with `{action}` spelt out as every action's name.
std::set<std::pair<std::string, std::string>> served_operations() {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& r : api::route_table()) {
    std::vector<std::string> paths{r.path};
    if (auto at = r.path.find("{action}"); at != std::string::npos) {
      paths.clear();
      for (auto name : enum_names<workflow::action>::names)
        paths.push_back(r.path.substr(0, at) + std::string(name));
    }
    for (const auto& p : paths)
      for (const auto& m : r.methods) out.emplace(p, lower(m));
  }
  return out;
}

TEST(OpenApi, EveryRouteMethodAndActionTheServerAnswersIsDocumentedAndNothingElse) {
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, item] : document().at("paths").as_object())
    for (const auto& [method, op] : item.as_object())
      if (method != "parameters") documented.emplace(std::string(path), std::string(method));
  auto served = served_operations();
  for (const auto& op : served)
    EXPECT_TRUE(documented.count(op)) << op.second << " " << op.first << " is not documented";
  for (const auto& op : documented)
    EXPECT_TRUE(served.count(op)) << op.second << " " << op.first << " is not served";
}

TEST(OpenApi, EachRouteDocumentsExactlyTheQueryParametersItTakes) {
  for (const auto& r : api::route_table()) {
    std::string path = r.path;
    if (auto at = path.find("{action}"); at != std::string::npos) path.replace(at, 8, "sign");
    const auto& item = document().at("paths").at(path).as_object();
    for (const auto& m : r.methods) {
      std::set<std::string> documented;
      if (auto* ps = item.at(lower(m)).as_object().if_contains("parameters"))
        for (const auto& p : ps->as_array()) {
          const auto& param = p.as_object().contains("$ref")
                                  ? document()
                                        .at("components")
                                        .at("parameters")
                                        .at(std::string(p.at("$ref").as_string()).substr(24))
                                        .as_object()
                                  : p.as_object();
          if (param.at("in") == "query")
            documented.insert(std::string(param.at("name").as_string()));
        }
      std::set<std::string> taken(r.query.begin(), r.query.end());
      // A route with two methods takes its parameters on GET (listing), not on POST (a body).
      if (m == "POST" && r.methods.size() > 1) taken.clear();
      EXPECT_EQ(documented, taken) << m << " " << r.path;
    }
  }
}

// Field names and whether each is required, as the JSON decoder reads them.
struct field_list {
  std::map<std::string, bool> required;
  template <class T>
  void operator()(const char* name, T&, workflow::optional_tag) {
    required[name] = false;
  }
  template <class T>
  void operator()(const char* name, T&) {
    required[name] = !workflow::is_optional<T>::value;
  }
  template <class T>  // a field added in a later stored format reads like any other from JSON
  void operator()(const char* name, T& value, workflow::since) {
    (*this)(name, value);
  }
};

template <class T>
void expect_body_documented(const std::string& where, const json::object& body) {
  field_list code;
  T value{};
  describe(code, value);
  std::set<std::string> required_in_doc;
  for (const auto& r : body.at("required").as_array())
    required_in_doc.insert(std::string(r.as_string()));
  std::map<std::string, bool> documented;
  for (const auto& [name, s] : body.at("properties").as_object())
    documented[std::string(name)] = required_in_doc.count(std::string(name)) > 0;
  EXPECT_EQ(documented, code.required) << where;
  EXPECT_EQ(body.at("additionalProperties"), json::value(false))
      << where << ": unknown fields are 422";
}

template <class T>
void check_action_body() {
  if constexpr (std::is_same_v<T, workflow::submit>) {
    const auto& op = document().at("paths").at("/api/v1/tickets").at("post");
    expect_body_documented<workflow::intake>(
        "POST /api/v1/tickets",
        schema(op.at("requestBody").at("content").at("application/json").at("schema")));
  } else if constexpr (!workflow::is_action_command_v<T>) {
    // The system's own commands (the timer's, the calendar's recompute): no route.
  } else {
    std::string path = "/api/v1/tickets/{id}/" + std::string(workflow::name_of(T::act));
    const auto& op = document().at("paths").at(path).at("post");
    expect_body_documented<T>(
        path, schema(op.at("requestBody").at("content").at("application/json").at("schema")));
  }
}

template <std::size_t... I>
void check_all_bodies(std::index_sequence<I...>) {
  (check_action_body<std::variant_alternative_t<I, workflow::command>>(), ...);
}

TEST(OpenApi, EveryRequestBodyNamesTheFieldsTheDecoderReadsAndWhichAreRequired) {
  check_all_bodies(std::make_index_sequence<std::variant_size_v<workflow::command>>());
}

TEST(OpenApi, TheKnowledgeBaseDocumentsTheFieldsItReadsAndWrites) {
  const auto& put = document().at("paths").at("/api/v1/knowledge/{id}").at("put");
  expect_body_documented<workflow::knowledge_fields>(
      "PUT /api/v1/knowledge/{id}",
      schema(put.at("requestBody").at("content").at("application/json").at("schema")));
  // An entry as served: its stored members, and in_force and stale (routes_knowledge.cc).
  std::set<std::string> served{"in_force", "stale"}, documented, required;
  for (const auto& kv : to_json(workflow::knowledge_entry{})) served.insert(std::string(kv.key()));
  const auto& entry = document().at("components").at("schemas").at("KnowledgeEntry");
  for (const auto& kv : entry.at("properties").as_object())
    documented.insert(std::string(kv.key()));
  for (const auto& r : entry.at("required").as_array()) required.insert(std::string(r.as_string()));
  EXPECT_EQ(documented, served);
  EXPECT_EQ(required, served);
}

}  // namespace
}  // namespace hotline::http
