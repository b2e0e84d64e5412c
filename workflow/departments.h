#pragma once
// A jurisdiction's units as a tree: Pingdingshan's three tiers (003 §1(4)), Yao'an's office and
// sections (000 art. 3-4), the member units of the others.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "workflow/result.h"

namespace hotline::workflow {

struct department {
  std::string id;
  std::string name;
  std::string parent;  // empty for a top-level unit
  int tier = 1;
};

class department_tree {
 public:
  department_tree() = default;
  /// Refuses duplicate or empty ids, unknown parents and cycles (the message names the id).
  static result<department_tree> build(std::vector<department> departments);

  /// The department called `id`, or nullptr.
  const department* find(std::string_view id) const;
  /// Whether `ancestor` is a strict ancestor of `id`.
  bool is_ancestor(std::string_view ancestor, std::string_view id) const;
  /// `id` and every unit below it: what a department's staff may look into.
  std::vector<std::string> subtree(std::string_view id) const;
  const std::vector<department>& all() const { return departments_; }

 private:
  std::vector<department> departments_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace hotline::workflow
