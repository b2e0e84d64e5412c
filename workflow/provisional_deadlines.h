#pragma once
// Which of a ticket's armed deadlines were counted on a provisional calendar year (rules.md §9):
// their due day lies in a year that has no official arrangement yet, so the official one may
// still move them.

#include <vector>

#include "workflow/calendar.h"
#include "workflow/enums.h"
#include "workflow/ticket.h"

namespace hotline::workflow {

/// The kinds of the armed deadlines (deadlines(s)) whose due day falls in a provisional year of
/// `c`, earliest first. Provisional years all come after the official ones, so a term that ends
/// in an official year never crossed a provisional one. A 24x7 term (clock minutes) is counted
/// too: the state does not record a term's unit.
std::vector<deadline_kind> provisional_deadlines(const ticket_state& s, const working_calendar& c);

}  // namespace hotline::workflow
