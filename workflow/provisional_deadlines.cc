#include "workflow/provisional_deadlines.h"

#include "workflow/decide.h"

namespace hotline::workflow {

std::vector<deadline_kind> provisional_deadlines(const ticket_state& s, const working_calendar& c) {
  std::vector<deadline_kind> out;
  for (const auto& d : deadlines(s))
    if (c.is_provisional(local_date(d.due).year)) out.push_back(d.kind);
  return out;
}

}  // namespace hotline::workflow
