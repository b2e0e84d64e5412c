#include "workflow/recompute.h"

#include "workflow/decide.h"

namespace hotline::workflow {

std::vector<deadline_recomputed> recompute(const ticket_state& s, const working_calendar& cal) {
  std::vector<deadline_recomputed> out;
  for (const auto& armed : deadlines(s)) {
    const deadline_slot& slot = s.slot(armed.kind);
    if (!slot.set_by) continue;
    auto due = cal.due(*slot.set_by);
    if (!due || *due == armed.due) continue;
    out.push_back({armed.kind, armed.due, *due, cal.source_of(local_date(*due).year)});
  }
  return out;
}

}  // namespace hotline::workflow
