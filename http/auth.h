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
  /// Adds a token from the peers file (http/peers.h): a peer platform's, or the SMS gateway's.
  /// False if the token is already taken.
  bool add(const std::string& token, const workflow::actor_ref& who);

 private:
  std::map<std::string, workflow::actor_ref> tokens_;
};

}  // namespace hotline::http
