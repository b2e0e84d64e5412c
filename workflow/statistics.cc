#include "workflow/statistics.h"

#include "workflow/decide.h"

namespace hotline::workflow {

void unit_counts::add(const unit_counts& o) {
  received += o.received;
  signed_on_time += o.signed_on_time;
  signed_late += o.signed_late;
  deemed += o.deemed;
  returned += o.returned;
  overdue += o.overdue;
  extended += o.extended;
  replied += o.replied;
  replied_on_time += o.replied_on_time;
  satisfied += o.satisfied;
  dissatisfied += o.dissatisfied;
  reworked += o.reworked;
  reviewed += o.reviewed;
  supervised += o.supervised;
  for (std::size_t i = 0; i < supervised_by_level.size(); ++i)
    supervised_by_level[i] += o.supervised_by_level[i];
  terminated += o.terminated;
  co_assigned += o.co_assigned;
  co_reported += o.co_reported;
  co_overdue += o.co_overdue;
}

namespace {

// Which counter an event moves, given the ticket just before it.
struct crediting {
  const ticket_state& before;
  const event_record& record;
  unit_counts& c;

  void operator()(const dispatched&) { ++c.received; }
  void operator()(const signed_for&) {
    bool on_time = before.sign_deadline.due && record.at <= *before.sign_deadline.due;
    ++(on_time ? c.signed_on_time : c.signed_late);
  }
  void operator()(const deemed_signed&) { ++c.deemed; }
  void operator()(const return_requested&) { ++c.returned; }
  void operator()(const overdue& o) {
    if (o.kind != deadline_kind::dispatch && o.kind != deadline_kind::escalate) ++c.overdue;
  }
  void operator()(const extension_approved&) { ++c.extended; }
  void operator()(const replied&) {
    ++c.replied;
    if (!before.handle_deadline.due || record.at <= *before.handle_deadline.due)
      ++c.replied_on_time;
  }
  void operator()(const evaluated& e) {
    if (before.current == status::replied && e.scored)
      ++(e.satisfied ? c.satisfied : c.dissatisfied);
  }
  void operator()(const rework_started&) { ++c.reworked; }
  void operator()(const review_started&) { ++c.reviewed; }
  void operator()(const supervised& s) {
    ++c.supervised;
    ++c.supervised_by_level[static_cast<std::size_t>(s.level)];
  }
  void operator()(const terminated&) { ++c.terminated; }
  template <class Other>
  void operator()(const Other&) {}
};

// A co-handler's part is its own line, whoever leads (004 art. 23(5)).
void credit_co_handlers(const event& body, std::map<std::string, unit_counts>& out) {
  if (auto* d = std::get_if<dispatched>(&body))
    for (const auto& co : d->co) ++out[co].co_assigned;
  else if (auto* r = std::get_if<co_reported>(&body))
    ++out[r->department].co_reported;
  else if (auto* o = std::get_if<co_report_overdue>(&body))
    for (const auto& co : o->departments) ++out[co].co_overdue;
}

}  // namespace

void tally(const std::vector<event_record>& history, instant from, instant to,
           std::map<std::string, unit_counts>& out) {
  ticket_state s;
  for (const auto& e : history) {
    ticket_state before = s;
    evolve(s, e);
    if (e.at < from || !(e.at < to)) continue;
    // A dispatch counts for the unit it went to; anything else for the one that held it.
    const std::string& holder = std::holds_alternative<dispatched>(e.body) ? s.lead : before.lead;
    std::visit(crediting{before, e, out[holder]}, e.body);  // "" is center_key
    credit_co_handlers(e.body, out);
  }
}

}  // namespace hotline::workflow
