// The caller's SMS answer to the satisfaction survey (004 art. 15, 002 art. 19(1), 001 art. 15):
// from the caller's own phone, 1 or 2, it is the evaluation, decided as the center's would be.
#include "workflow/across_tickets.h"
#include "workflow/decide_support.h"
#include "workflow/outgoing.h"

namespace hotline::workflow::detail {

events decide_one(const ticket_state& s, const survey_reply& c, const context& ctx) {
  if (!s.caller || same_caller_key(s.caller->phone).empty() ||
      same_caller_key(s.caller->phone) != same_caller_key(c.from)) {
    refusal r;
    r.code = refusal_code::forbidden;
    r.message = "The answer does not come from this ticket's caller.";
    return r;
  }
  auto satisfied = survey_answer(c.text);
  if (!satisfied)
    return invalid_field("text", "is not an answer to the survey: 1 (satisfied) or 2 (not)");
  evaluate e;
  e.satisfied = *satisfied;
  e.comment = "短信回复：" + c.text;
  return decide_one(s, e, ctx);
}

}  // namespace hotline::workflow::detail
