#pragma once
// Loads a jurisdiction from its scenario folder:
//   policy.json        the rules, each value with its source (seed and article, or "assumed")
//   departments.json   the units, with parent and tier
//   ../calendars/      the national calendar, and calendars/ the local layers (load_calendars.h)
// Errors name the exact file and field ("scenarios/x/policy.json: terms.handle[1].term: ...").

#include <string>

#include "workflow/policy.h"
#include "workflow/result.h"

namespace hotline::scenario {

/// The jurisdiction in `dir`, or a refusal whose message names the file and field at fault.
workflow::result<workflow::jurisdiction> load_scenario(const std::string& dir);

/// A refusal unless the calendar covers the year of `now` (a missing year is an error at
/// start-up, never a guess: rules.md §7).
workflow::result<bool> check_covers(const workflow::jurisdiction& j, workflow::instant now);

}  // namespace hotline::scenario
