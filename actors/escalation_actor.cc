// The escalation actor: the rules that look across tickets. Concentration: five or more callers
// on one topic and region within the policy's window (001 art. 21(6), 002 art. 7(3), 003 §6(2))
// puts every ticket of the hot spot under the jurisdiction's supervision.
// Per-ticket escalation (overdue, the ladder, dissatisfaction paths) is decided by the rule core
// when the ticket's own timers and commands arrive.

#include <map>
#include <set>

#include "actors/runtime_context.h"
#include "workflow/across_tickets.h"

namespace hotline::actors {
namespace {
using namespace workflow;

struct escalation_state {
  runtime_context* ctx = nullptr;
  std::unordered_map<std::string, hot_spot> spots;  // topic \0 region
  static constexpr const char* name = "escalation";
};
using self_ptr = caf::stateful_actor<escalation_state>*;

// The concentration window in seconds, read off the policy version in force (rules.md §9).
std::int64_t window_of(const policy& p) {
  return std::int64_t{p.concentration_window_days.value} * seconds_per_day;
}

bool concentration_supervises(const policy& p) {
  for (const auto& rule : p.supervision)
    if (rule.trigger == supervision_trigger::concentration) return true;
  return false;
}

void check(self_ptr self, const std::string& topic, const std::string& region, instant now) {
  auto& st = self->state;
  auto where = st.ctx->where();
  if (!concentration_supervises(where->rules)) return;
  auto& spot = st.spots[hot_spot_key(topic, region)];
  const auto& callers = where->rules.concentration_callers;
  auto tickets = spot.to_supervise(now, window_of(where->rules), callers.value);
  if (spot.newly_hot()) ++st.ctx->metrics.concentration_alerts;
  for (const auto& id : tickets) {
    supervise s;
    s.trigger = supervision_trigger::concentration;
    s.reason = std::to_string(callers.value) + " or more callers on '" + topic + "' in '" + region +
               "' within " + std::to_string(where->rules.concentration_window_days.value) +
               " days (" + callers.from + ")";
    st.ctx->route(ticket_message{
        id, command_request{s, system_actor("escalation"), st.ctx->track(reply_to()), ""}});
  }
}

void observe(self_ptr self, const ticket_changed& change) {
  auto& st = self->state;
  const ticket_state& t = *change.after;
  for (const auto& e : *change.events)
    if (std::holds_alternative<submitted>(e.body) && !hot_spot_key(t.topic, t.region).empty()) {
      st.spots[hot_spot_key(t.topic, t.region)].add(t.created_at, t.id);
      check(self, t.topic, t.region, t.created_at);
    }
}

caf::behavior escalation_actor(self_ptr self, runtime_context* ctx) {
  auto& st = self->state;
  st.ctx = ctx;
  // Recovery: the submissions still inside the window.
  instant now = ctx->time.now();
  auto recent = ctx->repo.submissions_since({now.seconds - window_of(ctx->where()->rules)});
  if (recent.failed()) ctx->cannot_recover(recent.error());
  if (recent)
    for (auto& s : *recent)
      if (auto key = hot_spot_key(s.topic, s.region); !key.empty())
        st.spots[key].add(s.at, s.ticket);
  return {
      [=](ticket_changed& change) { observe(self, change); },
      [=](counters_request& r) {
        r.reply(
            {{"hot_spots_tracked", self->state.spots.size()}, {"mailbox", self->mailbox().size()}});
      },
  };
}

}  // namespace

caf::actor spawn_escalation(caf::actor_system& sys, runtime_context* ctx) {
  return sys.spawn<caf::lazy_init>(escalation_actor, ctx);
}

}  // namespace hotline::actors
