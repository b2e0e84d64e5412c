// Extensions of the handling term, within each jurisdiction's caps (001 art. 19, 002 art. 17(3),
// 003 §5(6), 004 art. 18).
#include "workflow/decide_support.h"

namespace hotline::workflow::detail {
namespace {

constexpr int max_extension_days = 60;

// The days an extension request or approval asks for, checked against the caps.
result<int> extension_days(const ticket_state& s, const policy& p, std::optional<int> asked,
                           int fallback) {
  const int original = s.handle_term_days;
  int days = asked.value_or(fallback);
  if (p.extension_same_as_original.value) {
    days = asked.value_or(original);
    if (days != original)
      return invalid_field("working_days", "must equal the original term of " +
                                               std::to_string(original) + " working days (" +
                                               p.extension_same_as_original.from + ")");
  }
  if (days < 1 || days > max_extension_days)
    return invalid_field("working_days",
                         "must be between 1 and " + std::to_string(max_extension_days));
  const auto& count = p.extension_max_count;
  if (count.value && s.extension_count + 1 > *count.value)
    return limit_reached("A ticket may be extended at most " + std::to_string(*count.value) +
                         " time(s) (" + count.from + ").");
  if (const term_rule* cap = select(p.extension_max_total, profile_of(s)); cap && cap->term) {
    int total = original + s.extension_days + days;
    if (total > cap->term->amount)
      return limit_reached("The handling term may total at most " +
                           std::to_string(cap->term->amount) + " working days (" + cap->from +
                           "); this would make " + std::to_string(total) + ".");
  }
  return days;
}

}  // namespace

events decide_one(const ticket_state& s, const request_extension& c, const context& ctx) {
  const policy& p = ctx.where.rules;
  if (!s.handle_deadline.due)
    return invalid_transition(s, p, "This ticket has no handling deadline to extend.");
  // Asked before the term ends (004 art. 18 ¶2: the term, where a later limit is also set).
  instant due = s.handle_term_due.value_or(*s.handle_deadline.due);
  if (ctx.now > due)
    return deadline_passed(
        deadline_kind::handle, due,
        "An extension must be asked before the handling term ends, " + format_instant(due) + ".");
  const auto& applications = p.extension_max_applications;
  if (applications.value && s.extension_applications + 1 > *applications.value)
    return limit_reached("An item may apply for an extension " +
                         std::to_string(*applications.value) + " time(s), whatever the outcome (" +
                         applications.from + ").");
  if (!c.working_days && !p.extension_same_as_original.value)
    return invalid_field("working_days", "is required: say how long the extension is");
  if (auto r = check_text("reason", c.reason, 2000)) return *r;
  auto days = extension_days(s, p, c.working_days, 0);
  if (!days) return days.error();
  sign_off_facts facts = sign_off_facts_of(s, p);
  facts.total_days += *days;
  auto approval = check_sign_off(sign_off_for(p, step::extension, facts), step::extension,
                                 c.approved_by, ctx.now);
  if (!approval) return approval.error();
  decision d(s, ctx);
  d.add(extension_requested{*days, c.reason, approval->first, approval->further});
  return d.take();
}

events decide_one(const ticket_state& s, const approve_extension& c, const context& ctx) {
  // Never more than was asked: the days asked are the ones the unit head signed for, and a longer
  // grant could take the total past 10 working days without that signature (001 art. 19).
  const int asked = s.extension_request->working_days;
  if (c.working_days && *c.working_days > asked)
    return invalid_field("working_days", "must not exceed the " + std::to_string(asked) +
                                             " working days the unit asked for");
  auto days = extension_days(s, ctx.where.rules, c.working_days, asked);
  if (!days) return days.error();
  auto due = ctx.where.calendar.add_working_days(*s.handle_deadline.due, *days);
  if (!due) return due.error();
  decision d(s, ctx);
  d.add(extension_approved{*days, *due});
  return d.take();
}

events decide_one(const ticket_state& s, const reject_extension& c, const context& ctx) {
  return one_checked_event(s, ctx, "reason", c.reason, 2000, extension_rejected{c.reason});
}

}  // namespace hotline::workflow::detail
