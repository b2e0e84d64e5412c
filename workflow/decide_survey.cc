// The satisfaction survey by SMS (004 art. 15, 002 art. 19(1), 001 art. 15): it goes out with a
// reply or a direct answer and arms its expiry; the caller's answer, from the caller's own phone,
// 1 or 2, is the evaluation, decided as the center's would be; no answer in time is recorded.
#include <algorithm>

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

events with_survey(const ticket_state& s, events decided, const context& ctx) {
  if (!decided || decided->empty() || !ctx.where.rules.sms_surveys) return decided;
  auto& recorded = decided.value();
  const bool result_given =
      std::any_of(recorded.begin(), recorded.end(), [](const event_record& e) {
        return std::holds_alternative<replied>(e.body) || std::holds_alternative<answered>(e.body);
      });
  // Only a caller who can get the SMS is surveyed; never a blocked one (000 art. 20).
  if (!result_given || !s.caller || s.caller->phone.empty() || s.caller_blocked) return decided;
  auto due = term_from(ctx.now, ctx.where.rules.survey_expiry.value, ctx.where.calendar);
  if (!due) return due.error();
  recorded.push_back({recorded.back().seq + 1, ctx.now, by_text(ctx.by),
                      event{survey_sent{due->due, due->set_by}}});
  return decided;
}

events survey_expired(decision& d, const context& ctx, instant due) {
  const survey_silence then = ctx.where.rules.survey_unanswered.value;
  d.add(survey_unanswered{due, then});
  if (then == survey_silence::closes) close_and_archive(d, ctx, true);
  return d.take();
}

}  // namespace hotline::workflow::detail
