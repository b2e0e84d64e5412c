// Upper and lower platforms (002 art. 10, 001 art. 2 and 10(4), 003 §1(4)): the center forwards
// an item to a lower platform, which handles it and reports back; the item here follows.
#include <algorithm>

#include "workflow/decide_support.h"

namespace hotline::workflow::detail {

events decide_one(const ticket_state& s, const forward& c, const context& ctx) {
  const auto& known = ctx.where.rules.platforms;
  if (std::find(known.begin(), known.end(), c.platform) == known.end())
    return invalid_field("platform", "'" + c.platform + "' is not a configured platform");
  if (s.upper && s.upper->platform == c.platform)
    return invalid_field("platform", "'" + c.platform + "' is the platform this item came from");
  // The lower platform answers by this item's own handling term, counted from now.
  auto due = limit_by(ctx.where.rules.handle, profile_of(s), ctx.now, ctx.where.calendar);
  if (!due) return due.error();
  decision d(s, ctx);
  d.add(forwarded{c.platform, due_of(*due)});
  return d.take();
}

events decide_one(const ticket_state& s, const platform_report& c, const context& ctx) {
  if (ctx.by.department != s.forwarded_to) {
    refusal r;
    r.code = refusal_code::forbidden;
    r.message = "This item was forwarded to " + s.forwarded_to + ", not " + ctx.by.department + ".";
    return r;
  }
  if (!c.text.empty())
    if (auto r = check_text("text", c.text, 20000)) return *r;
  decision d(s, ctx);
  d.add(platform_reported{s.forwarded_to, c.kind, c.text, c.lower_ticket, c.reported_to});
  // Closed there is closed here, and archived like any closed item (000 art. 17). A report that
  // arrives after the center here ended the item is recorded and changes nothing else.
  if (c.kind == platform_report_kind::closed && s.is_open()) close_and_archive(d, ctx, true);
  return d.take();
}

}  // namespace hotline::workflow::detail
