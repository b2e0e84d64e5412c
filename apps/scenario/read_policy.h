#pragma once
// Internal to the loader: a policy document (policy.json's shape) into the rule core's policy.
// Throws read_error naming the field at fault.

#include "apps/scenario/json_reader.h"
#include "workflow/policy.h"

namespace hotline::scenario {

/// The policy `root` holds; `hours` gets its business hours.
workflow::policy read_policy(const node& root, workflow::business_hours& hours);
/// A `version` member: {"id", "effective_from"?, "source"}.
workflow::policy_version read_version(const node& n);

}  // namespace hotline::scenario
