#include "http/auth.h"

#include "http/config_file.h"

namespace hotline::http {
using namespace workflow;

result<token_table> token_table::load(const std::string& file, const department_tree& tree) {
  auto read = read_config_file(file);
  if (!read) return read.error();
  const boost::json::value& doc = read.value();
  if (!doc.is_object() || !doc.get_object().contains("tokens") ||
      !doc.at("tokens").is_array())
    return bad_file(file, "must be {\"tokens\":[...]}");
  token_table t;
  const auto& list = doc.at("tokens").get_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string where = "tokens[" + std::to_string(i) + "]";
    const auto* e = list[i].if_object();
    auto text_of = [&](const char* key) -> std::string {
      auto* v = e ? e->if_contains(key) : nullptr;
      return v && v->is_string() ? std::string(v->get_string()) : std::string();
    };
    std::string token = text_of("token"), role_name = text_of("role");
    auto r = parse_name<role>(role_name);
    if (token.empty()) return bad_file(file, where + ".token is missing");
    if (!r || *r == role::system || *r == role::platform || *r == role::gateway)
      return bad_file(file, where + ".role '" + role_name + "' is not a role");
    actor_ref who{*r, "", text_of("label")};
    if (who.label.empty()) who.label = where;
    if (*r == role::department) {
      who.department = text_of("department");
      if (!tree.find(who.department))
        return bad_file(file, where + ".department '" + who.department + "' is not a department");
    }
    if (!t.tokens_.emplace(token, who).second) return bad_file(file, where + ".token repeats");
  }
  return t;
}

token_table token_table::development(const department_tree& tree) {
  token_table t;
  t.tokens_["dev-operator"] = {role::operator_, "", "dev"};
  t.tokens_["dev-supervisor"] = {role::supervisor, "", "dev"};
  t.tokens_["dev-admin"] = {role::admin, "", "dev"};
  for (const auto& d : tree.all()) t.tokens_["dev-" + d.id] = {role::department, d.id, d.id};
  return t;
}

bool token_table::add(const std::string& token, const actor_ref& who) {
  return tokens_.emplace(token, who).second;
}

std::optional<actor_ref> token_table::authenticate(const std::string& authorization) const {
  const std::string prefix = "Bearer ";
  if (authorization.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  auto it = tokens_.find(authorization.substr(prefix.size()));
  if (it == tokens_.end()) return std::nullopt;
  return it->second;
}

}  // namespace hotline::http
