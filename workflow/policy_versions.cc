#include "workflow/policy_versions.h"

#include <algorithm>

namespace hotline::workflow {

bool version_due(const jurisdiction& j, date d) {
  return !j.later.empty() && !(d < *j.later.front().version.effective_from);
}

void roll_forward(jurisdiction& j, date d) {
  while (version_due(j, d)) {
    j.earlier.push_back(j.rules.version);
    j.rules = std::move(j.later.front());
    j.later.erase(j.later.begin());
  }
}

result<jurisdiction> with_versions(std::vector<policy> versions, department_tree departments,
                                   working_calendar calendar, date today) {
  if (versions.empty()) return invalid_field("policy", "a jurisdiction needs a policy");
  for (std::size_t i = 1; i < versions.size(); ++i) {
    const policy_version& v = versions[i].version;
    const policy_version& before = versions[i - 1].version;
    if (!v.effective_from)
      return invalid_field("version.effective_from",
                           "version '" + v.id + "' needs the date it takes effect");
    if (before.effective_from && !(*before.effective_from < *v.effective_from))
      return invalid_field("version.effective_from",
                           "version '" + v.id + "' must take effect after '" + before.id + "' (" +
                               format_date(*before.effective_from) + ")");
    for (std::size_t k = 0; k < i; ++k)
      if (versions[k].version.id == v.id)
        return invalid_field("version.id", "two versions are called '" + v.id + "'");
  }
  jurisdiction j;
  j.rules = std::move(versions.front());
  j.later.assign(std::make_move_iterator(versions.begin() + 1),
                 std::make_move_iterator(versions.end()));
  j.departments = std::move(departments);
  j.calendar = std::move(calendar);
  roll_forward(j, today);
  return j;
}

std::optional<refusal> check_new_version(const jurisdiction& j, const policy_version& next,
                                         date today) {
  if (!next.effective_from)
    return invalid_field("version.effective_from", "give the date the version takes effect");
  if (*next.effective_from < today)
    return invalid_field("version.effective_from",
                         "is in the past: decisions already taken keep the version they applied "
                         "(rules.md §9); give " +
                             format_date(today) + " or later");
  auto all = versions_of(j);
  for (const auto& v : all)
    if (v.id == next.id)
      return invalid_field("version.id", "a version called '" + next.id + "' exists already");
  const policy_version& last = all.back();
  if (last.effective_from && !(*last.effective_from < *next.effective_from))
    return invalid_field("version.effective_from", "must be after " +
                                                       format_date(*last.effective_from) +
                                                       ", when '" + last.id + "' takes effect");
  return std::nullopt;
}

std::vector<policy_version> versions_of(const jurisdiction& j) {
  std::vector<policy_version> out = j.earlier;
  out.push_back(j.rules.version);
  for (const auto& p : j.later) out.push_back(p.version);
  return out;
}

}  // namespace hotline::workflow
