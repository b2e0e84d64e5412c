#pragma once
// Deadlines on a calendar loaded later (rules.md §9, issue 11): an official year that replaces a
// provisional one, or corrects a loaded one, moves the deadlines counted on it. Each armed
// deadline is recomputed from the facts that set it (deadline_slot::set_by: where its term
// started, the term, the extensions granted); the ticket's history records the move.

#include <vector>

#include "workflow/calendar.h"
#include "workflow/events.h"
#include "workflow/ticket.h"

namespace hotline::workflow {

/// A deadline_recomputed for every armed deadline of `s` whose due instant `cal` puts elsewhere,
/// in the order of deadlines(s). Untouched: fired deadlines (history), deadlines set before the
/// state recorded their facts (they keep their dates), and deadlines `cal` cannot count
/// (calendar_unavailable: they keep their dates too). On the calendar they were counted on,
/// nothing.
std::vector<deadline_recomputed> recompute(const ticket_state& s, const working_calendar& cal);

}  // namespace hotline::workflow
