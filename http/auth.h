#pragma once
// Bearer tokens and the role each carries (shared/api.md): operator, department (bound to one
// department), supervisor, admin.

#include <map>
#include <optional>
#include <string>

#include "workflow/departments.h"
#include "workflow/result.h"
#include "workflow/values.h"

namespace hotline::http {

class token_table {
 public:
  /// Reads {"tokens":[{"token","role","department"?, "label"?}]}; a department must exist.
  /// The error names the file and entry.
  static workflow::result<token_table> load(const std::string& file,
                                            const workflow::department_tree& tree);
  /// Development tokens: dev-operator, dev-supervisor, dev-admin, dev-<department id>.
  static token_table development(const workflow::department_tree& tree);

  /// Who the "Authorization: Bearer ..." header names, or nothing.
  std::optional<workflow::actor_ref> authenticate(const std::string& authorization) const;
  std::size_t size() const { return tokens_.size(); }
  /// Adds a peer platform's token (http/peers.h): requests with it act as that platform.
  /// False if the token is already taken.
  bool add_platform(const std::string& token, const std::string& platform);

 private:
  std::map<std::string, workflow::actor_ref> tokens_;
};

}  // namespace hotline::http
