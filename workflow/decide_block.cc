// Harassment (000 art. 20, 001 art. 13): a caller found abusive is blocked on request. The unit
// holding the ticket or the center asks, a supervisor approves or rejects; an approved block
// closes the ticket (if still open) and screens the caller's phone at intake until a supervisor
// lifts it.
#include "workflow/decide_support.h"

namespace hotline::workflow::detail {

events decide_one(const ticket_state& s, const request_block& c, const context& ctx) {
  if (auto r = check_text("reason", c.reason, 2000)) return *r;
  if (!s.caller || s.caller->phone.empty())
    return invalid_field("citizen.phone", "an anonymous caller has no phone to block");
  decision d(s, ctx);
  d.add(block_requested{c.reason});
  return d.take();
}

events decide_one(const ticket_state& s, const approve_block&, const context& ctx) {
  decision d(s, ctx);
  d.add(caller_blocked{s.block_request->reason});
  if (s.is_open()) close_and_archive(d, ctx, true);
  return d.take();
}

events decide_one(const ticket_state& s, const reject_block& c, const context& ctx) {
  return one_checked_event(s, ctx, "reason", c.reason, 2000, block_rejected{c.reason});
}

events decide_one(const ticket_state& s, const lift_block& c, const context& ctx) {
  return one_checked_event(s, ctx, "reason", c.reason, 2000, block_lifted{c.reason});
}

}  // namespace hotline::workflow::detail
