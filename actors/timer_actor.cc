// The timer service: fires the storage's due index. Every armed deadline of every open ticket,
// active or passive, is a key there, so a range scan finds what is due and a due deadline brings
// its ticket back.
//
// A pass walks the due index with a cursor, keeping up to `window` expires in flight (each
// answered only once its effects are durable, or found stale). When the cursor runs out and
// every answer is in, the next pass starts from the top, so deadlines that firing armed in the
// past (a deemed acceptance starts terms that run from the dispatch) fire too, and nothing fires
// twice.
//
// Real clock: a pass on a tick every 100 ms, or at once when a ticket arms a deadline already due.
// The tick (in both modes) also sweeps idle ticket actors into passivation.
// Virtual clock: only advance() moves time; a pass fires one instant at a time, in due order, and
// advance() answers once the last effect at or before its target is durable.
#include <set>

#include "actors/runtime_context.h"

namespace hotline::actors {
namespace {
using namespace workflow;

constexpr std::size_t window = 4096;
constexpr auto tick_interval = std::chrono::milliseconds(100);

struct timer_state {
  runtime_context* ctx = nullptr;
  bool in_pass = false;
  instant pass_until;                   // fire what is due up to here
  std::optional<instant> pass_instant;  // virtual time: the one instant this pass fires
  std::string cursor;                   // the last due-index key looked at in this pass
  bool cursor_done = false;
  std::size_t sent_in_pass = 0;
  std::size_t outstanding = 0;  // expires in flight
  std::set<std::string> stale;  // keys that changed nothing: not sent again this run
  std::deque<advance_request> advances;
  std::size_t fired_in_advance = 0;
  std::string unreadable;  // the due index could not be read in this pass
  std::chrono::steady_clock::time_point last_sweep;
  static constexpr const char* name = "timer";
};
using self_ptr = caf::stateful_actor<timer_state>*;

std::size_t lateness_bucket(std::int64_t late) {
  return late < 1 ? 0 : late < 10 ? 1 : late < 60 ? 2 : late < 600 ? 3 : 4;
}

void send_expire(self_ptr self, const due_entry& e, std::string key) {
  auto& st = self->state;
  runtime_context* ctx = st.ctx;
  caf::actor me = caf::actor_cast<caf::actor>(self);
  ++st.outstanding;
  ++st.sent_in_pass;
  // Work in flight from here until the timer has taken in the answer (an expire is not a client's
  // command, so it does not count towards overload).
  reply_to ack([ctx, me, key, due = e.due, w = ctx->work.begin()](command_outcome o) mutable {
    timer_ack a;
    a.fired = o.what == command_outcome::kind::done && !o.events.empty();
    a.late_seconds = ctx->time.now().seconds - due.seconds;
    a.work = std::move(w);
    caf::anon_send(me, std::move(a), key);
  });
  ctx->route(ticket_message{
      e.ticket, command_request{expire{e.kind, e.due}, system_actor("timer"), std::move(ack), ""}});
}

// Sends expires from the cursor on until the window is full or the pass has nothing more.
void fill(self_ptr self) {
  auto& st = self->state;
  runtime_context* ctx = st.ctx;
  while (!st.cursor_done && st.outstanding < window) {
    auto entries = ctx->repo.due_until(st.pass_until, window - st.outstanding, st.cursor);
    if (entries.failed()) {  // not "nothing due": the pass ends here, and says so
      st.unreadable = entries.error();
      st.cursor_done = true;
      break;
    }
    if (entries->empty()) st.cursor_done = true;
    for (const auto& e : *entries) {
      std::string key = due_key(e.due, e.ticket, e.kind);
      if (st.stale.count(key) || ctx->directory.is_failed(e.ticket)) {
        st.cursor = std::move(key);
        continue;
      }
      if (!ctx->time.moves_by_itself()) {
        if (st.pass_instant && e.due != *st.pass_instant) {  // a later instant: next pass
          st.cursor_done = true;
          break;
        }
        if (!st.pass_instant) {
          st.pass_instant = e.due;
          ctx->time.move_to(e.due);
        }
      }
      st.cursor = key;
      send_expire(self, e, std::move(key));
    }
  }
}

void finish_if_done(self_ptr self);

// Ticket actors nobody has written to for idle_after passivate (at most once a second).
void sweep_idle(self_ptr self) {
  auto& st = self->state;
  auto now = std::chrono::steady_clock::now();
  if (now - st.last_sweep < std::chrono::seconds(1)) return;
  st.last_sweep = now;
  for (auto& a : st.ctx->directory.idle_since(now - st.ctx->options.idle_after))
    caf::anon_send(a, passivate_atom::value, st.ctx->work.begin());
}

void begin_pass(self_ptr self, instant until) {
  auto& st = self->state;
  st.in_pass = true;
  st.pass_until = until;
  st.pass_instant.reset();
  st.cursor.clear();
  st.cursor_done = false;
  st.sent_in_pass = 0;
  fill(self);
  finish_if_done(self);
}

// Once a pass has looked at everything and every answer is in: another pass (firing may have
// armed deadlines already due), the next advance, or rest.
void finish_if_done(self_ptr self) {
  auto& st = self->state;
  if (!st.in_pass || st.outstanding > 0 || !st.cursor_done) return;
  st.in_pass = false;
  bool sent = st.sent_in_pass > 0;
  std::string unreadable = std::move(st.unreadable);
  st.unreadable.clear();
  if (st.ctx->time.moves_by_itself()) {
    if (sent && unreadable.empty())  // else the next tick tries again
      begin_pass(self, st.ctx->time.now());
    else
      st.stale.clear();
    return;
  }
  if (st.advances.empty()) return;
  if (sent && unreadable.empty()) {
    begin_pass(self, st.advances.front().to);
    return;
  }
  // Nothing is left at or before the target: time moves to it (unless the due index could not
  // be read: then it stays where the last fired instant left it, and the answer says why).
  advance_request a = std::move(st.advances.front());
  st.advances.pop_front();
  // Time moves to the target only if nothing due before it can have been missed.
  if (unreadable.empty()) st.ctx->time.move_to(a.to);
  a.reply(advance_result{st.ctx->time.now(), st.fired_in_advance, unreadable});
  st.fired_in_advance = 0;
  st.stale.clear();
  if (!st.advances.empty()) begin_pass(self, st.advances.front().to);
}

caf::behavior timer_actor(self_ptr self, runtime_context* ctx) {
  self->state.ctx = ctx;
  return {
      [=](tick_atom) {
        if (!self->state.in_pass && self->state.ctx->time.moves_by_itself())
          begin_pass(self, self->state.ctx->time.now());
        sweep_idle(self);
        self->delayed_send(self, tick_interval, tick_atom::value);
      },
      [=](due_atom, instant due, const work_token&) {
        if (!self->state.in_pass && due <= self->state.ctx->time.now())
          begin_pass(self, self->state.ctx->time.now());
      },
      [=](counters_request& r) {
        r.reply({{"outstanding", self->state.outstanding}, {"mailbox", self->mailbox().size()}});
      },
      [=](advance_request& r) {
        auto& st = self->state;
        st.advances.push_back(std::move(r));
        if (st.advances.size() == 1 && !st.in_pass) begin_pass(self, st.advances.front().to);
      },
      [=](timer_ack a, std::string& key) {
        auto& st = self->state;
        --st.outstanding;
        if (a.fired) {
          ++st.fired_in_advance;
          ++st.ctx->metrics.timers_fired;
          ++st.ctx->metrics.lateness[lateness_bucket(a.late_seconds)];
          st.ctx->metrics.lateness_seconds += a.late_seconds;
        } else {
          st.stale.insert(std::move(key));
        }
        fill(self);
        finish_if_done(self);
      },
  };
}

}  // namespace

caf::actor spawn_timer(caf::actor_system& sys, runtime_context* ctx) {
  return sys.spawn<caf::lazy_init>(timer_actor, ctx);
}

}  // namespace hotline::actors
