#pragma once
// A jurisdiction's policy versions (rules.md §9, docs/policy-versions.md):
//   policy.json                 the first version, with its `version` {id, effective_from?, source}
//   policy-versions/*.json      later versions: {"version": {id, effective_from, source},
//                               "changes": {...}}, the changes a JSON merge patch (RFC 7386) over
//                               the version before (objects merge member by member, anything else
//                               - an array of term rules, say - is replaced whole)
// and the versions an operator loaded while running (PUT /admin/policy), in the same shape.

#include <string>
#include <vector>

#include "workflow/calendar.h"
#include "workflow/policy.h"
#include "workflow/result.h"

namespace hotline::scenario {

struct policy_set {
  std::vector<workflow::policy> policies;  // the first, then by effective_from
  workflow::business_hours hours;          // the first version's; later ones may not change them
};

/// Every version in `dir` with the `loaded` documents after the files', or a refusal naming the
/// file (or "the loaded version") and the field at fault.
workflow::result<policy_set> load_policy_versions(const std::string& dir,
                                                  const std::vector<std::string>& loaded = {});

}  // namespace hotline::scenario
