// The system's recompute of a ticket's deadlines after a calendar was loaded (recompute.h).
#include "workflow/decide_support.h"
#include "workflow/recompute.h"

namespace hotline::workflow::detail {

events decide_one(const ticket_state& s, const recompute_deadlines&, const context& ctx) {
  if (ctx.by.who != role::system) {
    refusal r;
    r.code = refusal_code::forbidden;
    r.message = "Only the system recomputes deadlines, when an operator loads a calendar.";
    return r;
  }
  decision d(s, ctx);
  for (auto& e : recompute(s, ctx.where.calendar)) d.add(std::move(e));
  return d.take();
}

}  // namespace hotline::workflow::detail
