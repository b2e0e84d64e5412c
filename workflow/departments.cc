#include "workflow/departments.h"

namespace hotline::workflow {

result<department_tree> department_tree::build(std::vector<department> departments) {
  department_tree tree;
  tree.departments_ = std::move(departments);
  for (std::size_t i = 0; i < tree.departments_.size(); ++i) {
    const auto& d = tree.departments_[i];
    if (d.id.empty()) return invalid_field("departments[" + std::to_string(i) + "].id", "is empty");
    if (!tree.index_.emplace(d.id, i).second)
      return invalid_field("departments[" + std::to_string(i) + "].id",
                           "'" + d.id + "' appears twice");
  }
  for (std::size_t i = 0; i < tree.departments_.size(); ++i) {
    const auto& d = tree.departments_[i];
    if (!d.parent.empty() && !tree.find(d.parent))
      return invalid_field("departments[" + std::to_string(i) + "].parent",
                           "'" + d.parent + "' is not a department");
    // A chain longer than the tree is a cycle.
    const department* p = &d;
    for (std::size_t hops = 0; p && !p->parent.empty(); ++hops) {
      if (hops > tree.departments_.size())
        return invalid_field("departments[" + std::to_string(i) + "].parent",
                             "'" + d.id + "' is its own ancestor");
      p = tree.find(p->parent);
    }
  }
  return tree;
}

const department* department_tree::find(std::string_view id) const {
  auto it = index_.find(std::string(id));
  return it == index_.end() ? nullptr : &departments_[it->second];
}

bool department_tree::is_ancestor(std::string_view ancestor, std::string_view id) const {
  const department* d = find(id);
  while (d && !d->parent.empty()) {
    if (d->parent == ancestor) return true;
    d = find(d->parent);
  }
  return false;
}

std::vector<std::string> department_tree::subtree(std::string_view id) const {
  std::vector<std::string> out{std::string(id)};
  for (const auto& d : departments_)
    if (is_ancestor(id, d.id)) out.push_back(d.id);
  return out;
}

}  // namespace hotline::workflow
