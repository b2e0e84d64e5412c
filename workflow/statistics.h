#pragma once
// Counting what departments did, from tickets' histories: the figures of GET
// /api/v1/departments/{id}/stats and of the bulletins (001 art. 26-27, 003 §7(4)). Each event is
// credited to the department that held the ticket when it happened (a dispatch, to the one it
// went to), and only if it happened within the period; a co-handler's part, to the co-handler.

#include <array>
#include <map>
#include <string>
#include <vector>

#include "workflow/events.h"

namespace hotline::workflow {

struct unit_counts {
  long received = 0;        // dispatched to it
  long signed_on_time = 0;  // signed before the sign deadline
  long signed_late = 0;
  long deemed = 0;    // taken on without signing (001 art. 16, 002 art. 17(1))
  long returned = 0;  // returns it asked for
  long overdue = 0;   // its deadlines that passed unmet
  long extended = 0;  // extensions granted
  long replied = 0;
  long replied_on_time = 0;
  long satisfied = 0;
  long dissatisfied = 0;
  long reworked = 0;
  long reviewed = 0;  // professional evaluations (002 art. 20(2))
  long supervised = 0;
  std::array<long, 5> supervised_by_level{};  // indexed by supervision_level
  long terminated = 0;
  // As a co-handler (001 art. 14, 004 art. 11): its parts asked for, reported, and late.
  long co_assigned = 0;
  long co_reported = 0;
  long co_overdue = 0;
  void add(const unit_counts& o);
};

/// The key under which events are credited while no department holds the ticket.
inline const std::string center_key = "";

/// Credits the events of one ticket's history that fall in [from, to) to the departments that
/// held it then (center_key before dispatch).
void tally(const std::vector<event_record>& history, instant from, instant to,
           std::map<std::string, unit_counts>& out);

}  // namespace hotline::workflow
