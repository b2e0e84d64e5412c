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
/// `c`, earliest first. The state records neither where a term started nor its unit, so a term
/// that ends in an official year is not listed even if it crossed a provisional gap year between
/// two official files, and a 24x7 term (clock minutes) ending in a provisional year is listed.
std::vector<deadline_kind> provisional_deadlines(const ticket_state& s, const working_calendar& c);

}  // namespace hotline::workflow
