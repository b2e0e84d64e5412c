// The timer service: fires the storage's due index. Every armed deadline of every open ticket,
// active or passive, is a key there, so one scan finds what is due and a due deadline brings
// its ticket back. A wave sends `expire` to each due ticket and waits for every answer (each
// durable) before the next scan, so nothing fires twice.
//
// Real clock: a tick every 100 ms, or at once when a ticket arms a deadline already due.
// Virtual clock: only advance() moves time; it fires one instant at a time, in due order, and
// answers once the last effect is durable.
#include <set>

#include "actors/runtime_context.h"
#include "actors/clock.h"

namespace hotline::actors {
namespace {
using namespace workflow;

constexpr std::size_t wave_size = 8192;
constexpr auto tick_interval = std::chrono::milliseconds(100);

struct timer_state {
  runtime_context* ctx = nullptr;
  std::size_t outstanding = 0;  // expires sent, not yet answered
  bool wave_full = false;       // the last scan hit wave_size: scan again at once
  std::set<std::string> stale;  // entries that changed nothing this run: not fired again
  std::deque<advance_request> advances;
  std::size_t fired_in_advance = 0;
  static constexpr const char* name = "timer";
};
using self_ptr = caf::stateful_actor<timer_state>*;

std::size_t lateness_bucket(std::int64_t late) {
  return late < 1 ? 0 : late < 10 ? 1 : late < 60 ? 2 : late < 600 ? 3 : 4;
}

// Sends `expire` for the due entries up to `until` (virtual time: only the earliest instant).
// Returns how many were sent.
std::size_t start_wave(self_ptr self, instant until) {
  auto& st = self->state;
  runtime_context* ctx = st.ctx;
  std::vector<due_entry> entries;
  for (auto& e : ctx->repo.due_until(until, wave_size + st.stale.size())) {
    if (st.stale.count(due_key(e.due, e.ticket, e.kind)) || ctx->directory.is_failed(e.ticket))
      continue;
    if (ctx->time.is_virtual() && !entries.empty() && entries.front().due != e.due) break;
    entries.push_back(std::move(e));
    if (entries.size() == wave_size) break;
  }
  st.wave_full = entries.size() == wave_size;
  if (entries.empty()) return 0;
  if (ctx->time.is_virtual()) static_cast<virtual_clock&>(ctx->time).set(entries.front().due);
  caf::actor me = caf::actor_cast<caf::actor>(self);
  for (auto& e : entries) {
    ++st.outstanding;
    std::string key = due_key(e.due, e.ticket, e.kind);
    reply_to ack([ctx, me, key, due = e.due](command_outcome o) {
      timer_ack a;
      a.fired = o.what == command_outcome::kind::done && !o.events.empty();
      a.late_seconds = ctx->time.now().seconds - due.seconds;
      caf::anon_send(me, a, key);
    });
    ctx->route(ticket_message{e.ticket, command_request{expire{e.kind, e.due}, system_actor("timer"),
                                                        std::move(ack), {}}});
  }
  return entries.size();
}

// Virtual time: the next instant of the oldest advance, or its answer when nothing is left.
void next_step(self_ptr self) {
  auto& st = self->state;
  while (!st.advances.empty() && st.outstanding == 0) {
    advance_request& a = st.advances.front();
    if (start_wave(self, a.to) > 0) return;
    auto& time = static_cast<virtual_clock&>(st.ctx->time);
    time.set(a.to);
    a.reply(advance_result{time.now(), st.fired_in_advance});
    st.fired_in_advance = 0;
    st.stale.clear();
    st.advances.pop_front();
  }
}

void real_step(self_ptr self) {
  auto& st = self->state;
  if (st.outstanding > 0) return;
  if (start_wave(self, st.ctx->time.now()) == 0) st.stale.clear();
}

caf::behavior timer_actor(self_ptr self, runtime_context* ctx) {
  self->state.ctx = ctx;
  return {
      [=](tick_atom) {
        real_step(self);
        self->delayed_send(self, tick_interval, tick_atom::value);
      },
      [=](due_atom, instant due) {
        if (due <= self->state.ctx->time.now()) real_step(self);
      },
      [=](counters_request& r) {
        r.reply({{"outstanding", self->state.outstanding}, {"mailbox", self->mailbox().size()}});
      },
      [=](advance_request& r) {
        self->state.advances.push_back(std::move(r));
        next_step(self);
      },
      [=](timer_ack a, std::string& key) {
        auto& st = self->state;
        --st.outstanding;
        if (a.fired) {
          ++st.fired_in_advance;
          ++st.ctx->metrics.timers_fired;
          ++st.ctx->metrics.lateness[lateness_bucket(a.late_seconds)];
        } else {
          st.stale.insert(std::move(key));
        }
        if (st.outstanding > 0) return;
        if (st.ctx->time.is_virtual())
          next_step(self);
        else if (st.wave_full)
          real_step(self);
      },
  };
}

}  // namespace

caf::actor spawn_timer(caf::actor_system& sys, runtime_context* ctx) {
  return sys.spawn<caf::lazy_init>(timer_actor, ctx);
}

}  // namespace hotline::actors
