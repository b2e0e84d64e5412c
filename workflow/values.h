#pragma once
// Small value types shared by commands, events and the ticket.

#include <optional>
#include <string>
#include <vector>

#include "workflow/enums.h"
#include "workflow/time.h"

namespace hotline::workflow {

struct citizen {
  std::string name;
  std::string phone;
};

/// Who signs off a step, as given with the request (rules.md §8).
struct signature {
  std::string name;
  std::string post;
};

/// The sign-offs given with a request: one approver, or several in the chain's order
/// (001 art. 24). On the wire, `approved_by` is one {"name","post"} or an array of them.
struct signatures {
  std::vector<signature> chain;
  signatures() = default;
  signatures(signature one) : chain{std::move(one)} {}  // NOLINT: one approver is a chain of one
  explicit signatures(std::vector<signature> all) : chain(std::move(all)) {}
};

/// A sign-off given, as the ticket records it.
struct approval {
  step at = step::dispatch;
  std::optional<sign_off_level> level;  // the level the step needed, if any
  std::string name;
  std::string post;
  instant when;
};

/// The person answerable for a reply (003 §5(4)).
struct handler {
  std::string name;
  std::string post;
  std::string phone;
};

/// Who issues a command: a role, the department a department token is bound to, and a label
/// for the history ("operator:alice", "department:water").
struct actor_ref {
  role who = role::system;
  std::string department;
  std::string label;
};

/// "<role>:<department or label>", as the history shows it.
std::string by_text(const actor_ref& a);

}  // namespace hotline::workflow
