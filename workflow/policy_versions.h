#pragma once
// A regulation changes over time (rules.md §9): a jurisdiction's policy has versions, each in
// force from its effective date. A decision applies the version in force on its day and records
// it; a term already computed keeps the date it was computed with (法不溯及既往), and each new
// step (a dispatch, a signature, an extension, a reply) uses the version in force when it is
// taken. docs/policy-versions.md says what that means rule by rule.

#include <optional>
#include <vector>

#include "workflow/policy.h"
#include "workflow/result.h"

namespace hotline::workflow {

/// Whether a version in `j.later` has taken effect by `d`: `j` must be rolled forward.
bool version_due(const jurisdiction& j, date d);

/// `j` on day `d`: each version of `later` in force by then becomes `rules` in turn, and the
/// one it replaces goes to `earlier`.
void roll_forward(jurisdiction& j, date d);

/// `versions` (the first in force from the start, the others by effective_from) as a
/// jurisdiction on day `today`, with `departments` and `calendar`; or a validation_failed if
/// two versions share an id or a date, a later version has no date, or they are out of order.
result<jurisdiction> with_versions(std::vector<policy> versions, department_tree departments,
                                   working_calendar calendar, date today);

/// Whether `next` may be added to `j` on `today`: its id is new, it takes effect on `today` or
/// later (a version cannot reach back over decisions already taken), and after every version
/// `j` has. The refusal names the field ("version.effective_from", "version.id").
std::optional<refusal> check_new_version(const jurisdiction& j, const policy_version& next,
                                         date today);

/// Every version of `j`, oldest first: earlier ones, the one in force, later ones.
std::vector<policy_version> versions_of(const jurisdiction& j);

}  // namespace hotline::workflow
