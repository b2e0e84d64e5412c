// What a deadline's expiry does: record it, take the ticket on where silence means acceptance
// (001 art. 16), and supervise where the jurisdiction says overdue items are supervised.
#include <algorithm>

#include "workflow/decide_support.h"

namespace hotline::workflow::detail {
namespace {

// Overdue handling brings supervision: a rule's level, or on Pingdingshan's ladder the first rung
// and then the next one while the ticket stays overdue (003 §6).
events supervise_overdue(decision& d, const ticket_state& s, const context& ctx,
                         deadline_kind kind) {
  const policy& p = ctx.where.rules;
  std::optional<supervision_level> level;
  supervision_trigger trigger = supervision_trigger::overdue;
  if (p.ladder.enabled) {
    level = s.supervision < supervision_level::written ? supervision_level::written
                                                       : next_rung(s.supervision);
    if (s.supervision >= supervision_level::written) trigger = supervision_trigger::still_overdue;
  } else {
    level = automatic_level(p, supervision_trigger::overdue, s);
  }
  if (level && *level > s.supervision) {
    auto e =
        raise(s, ctx, *level, trigger, std::string(name_of(kind)) + " deadline passed", true, true);
    if (!e) return e.error();
    d.add(*e);
  }
  return d.take();
}

}  // namespace

events decide_one(const ticket_state& s, const expire& c, const context& ctx) {
  if (ctx.by.who != role::system) {
    refusal r;
    r.code = refusal_code::forbidden;
    r.message = "Only the runtime's timers expire deadlines.";
    return r;
  }
  auto armed = deadlines(s);
  bool live = std::any_of(armed.begin(), armed.end(), [&](const armed_deadline& a) {
    return a.kind == c.kind && a.due == c.due;
  });
  if (!live || ctx.now < c.due) return std::vector<event_record>{};  // a stale timer

  decision d(s, ctx);
  switch (c.kind) {
    case deadline_kind::return_window: {
      auto terms = start_handling(s, ctx);
      if (!terms) return terms.error();
      d.add(deemed_signed{*terms, "return_window_expired"});
      return d.take();
    }
    case deadline_kind::escalate: {
      auto e = raise(s, ctx, next_rung(s.supervision), supervision_trigger::still_overdue,
                     "still overdue after " + std::string(name_of(s.supervision)) + " supervision",
                     true, true);
      if (!e) return e.error();
      d.add(*e);
      return d.take();
    }
    case deadline_kind::plan:
    case deadline_kind::handle:
      d.add(overdue{c.kind, c.due});
      return supervise_overdue(d, s, ctx, c.kind);
    case deadline_kind::dispatch:
    case deadline_kind::sign:
    case deadline_kind::contact:
      d.add(overdue{c.kind, c.due});
      return d.take();
    case deadline_kind::survey:
      return survey_expired(d, ctx, c.due);
    case deadline_kind::co_report: {
      // Late co-handlers answer for themselves; the lead is not overdue for them (004 23(5)).
      std::vector<std::string> late;
      for (const auto& co : s.co)
        if (!co.reported) late.push_back(co.department);
      d.add(co_report_overdue{late, c.due});
      return d.take();
    }
  }
  return d.take();
}

}  // namespace hotline::workflow::detail
