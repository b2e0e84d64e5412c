// The ticket actor: one per active ticket. It runs each command through the rule core, hands
// the resulting batch to storage, and only once that batch is durable answers and tells whom
// it concerns. It holds no rule of its own. Its timers live in the due index (the timer service
// fires them), so passivating it loses nothing. It passivates when asked: by the timer
// service's idle sweep, by capacity pressure, or by itself once the ticket is closed.
#include <algorithm>

#include "actors/attachment_store.h"
#include "actors/runtime_context.h"
#include "workflow/across_tickets.h"

namespace hotline::actors {
namespace {
using namespace workflow;

struct ticket_actor_state {
  runtime_context* ctx = nullptr;
  std::string id;
  std::shared_ptr<const ticket_state> ticket = std::make_shared<ticket_state>();
  int restarts = 0;
  // Commits handed to storage, not yet durable; the writer thread counts them down and wakes
  // the actor (persisted) only if it is waiting to passivate.
  struct in_storage {
    std::atomic<int> outstanding{0};
    std::atomic<bool> waiting{false};
  };
  std::shared_ptr<in_storage> commits = std::make_shared<in_storage>();
  bool passivating = false;
  bool retired = false;
  static constexpr const char* name = "ticket";
};
using self_ptr = caf::stateful_actor<ticket_actor_state>*;

bool terminal(const ticket_state& s) {
  return s.exists() && !s.is_open();
}

// The escalation actor watches submissions on a topic in a region (concentration): a ticket
// without either is none of its business, and is not worth a message.
bool concerns_escalation(const ticket_state& t, const std::vector<event_record>& events) {
  if (hot_spot_key(t.topic, t.region).empty()) return false;
  return std::any_of(events.begin(), events.end(), [](const event_record& e) {
    return std::holds_alternative<submitted>(e.body);
  });
}

bool fixes_a_lead(const std::vector<event_record>& events) {
  return std::any_of(events.begin(), events.end(), [](const event_record& e) {
    auto* d = std::get_if<dispatched>(&e.body);
    return d && !d->co.empty();
  });
}

}  // namespace

// After a durable change: the counters, a new owner, the center (a routing precedent),
// escalation (a submission on a topic in a region) and, on the real clock, the timer (a deadline
// already due) hear of it. Runs on the
// storage writer thread, so it only sends; every message carries work in flight, taken while
// the commit's own is still held (see work_in_flight.h).
void notify(runtime_context* ctx, const caf::actor& me, ticket_changed change) {
  const ticket_state& before = *change.before;
  const ticket_state& after = *change.after;
  if (before.exists()) --ctx->metrics.by_status[static_cast<std::size_t>(before.current)];
  ++ctx->metrics.by_status[static_cast<std::size_t>(after.current)];
  ctx->metrics.count_load(before, -1);
  ctx->metrics.count_load(after, +1);
  auto armed = deadlines(after);
  change.work = ctx->work.begin();
  ctx->metrics.armed_timers +=
      static_cast<long>(armed.size()) - static_cast<long>(deadlines(before).size());
  if (before.exists() && before.lead != after.lead) {
    caf::anon_send(ctx->owner_for(after), adopt_live{after.id, me, ctx->work.begin()});
    caf::anon_send(ctx->owner_for(before), release_ticket{me.address(), ctx->work.begin()});
  }
  if (ctx->where()->rules.routing_precedent.value && fixes_a_lead(*change.events))
    caf::anon_send(ctx->center, change);
  if (concerns_escalation(after, *change.events)) caf::anon_send(ctx->escalation, change);
  // A deadline due already is fired now; a later one waits for the timer's tick to find it.
  if (ctx->time.moves_by_itself() && !armed.empty() && armed.front().due <= ctx->time.now())
    caf::anon_send(ctx->timer, due_atom::value, armed.front().due, ctx->work.begin());
}

namespace {

void maybe_retire(self_ptr self) {
  auto& st = self->state;
  if (!st.passivating || st.retired) return;
  st.commits->waiting = true;  // before looking at the count, so the last commit wakes us
  if (st.commits->outstanding > 0) return;
  if (!st.ctx->directory.retire(st.id, caf::actor_cast<caf::actor>(self))) {
    st.passivating = false;
    return;
  }
  st.retired = true;
  ++st.ctx->metrics.passivations;
  // Whatever reached the mailbox before the directory forgot us is sent back through it.
  self->send(self, retired_atom::value);
}

void run_command(self_ptr self, command_request& r) {
  auto& st = self->state;
  runtime_context* ctx = st.ctx;
  auto where = ctx->where();  // one snapshot for the whole decision
  auto out = decide(*st.ticket, r.c, context{*where, ctx->time.now(), r.by});
  if (!out) {
    ctx->refuse(r.reply, r.idempotency_key, out.error());
    return;
  }
  if (out->empty()) {  // a timer made stale by a later change
    r.reply(command_outcome::done(st.ticket, {}));
    return;
  }
  auto f = ctx->fold(st.ticket, std::move(*out), r.idempotency_key);
  if (r.payload)  // an upload: its bytes are durable with the event that records them, or not
    for (auto& w : attachment_writes(*f.change.events, *r.payload)) f.batch.push_back(std::move(w));
  st.ticket =
      f.change.after;  // later commands decide on this; their answers wait for this batch too
  ++st.commits->outstanding;
  caf::actor me = caf::actor_cast<caf::actor>(self);
  ctx->commit(std::move(f.batch), [ctx, me, reply = r.reply, change = f.change,
                                   commits = st.commits, messages = std::move(f.messages),
                                   journal = f.journal](const std::string& error) mutable {
    if (--commits->outstanding == 0 && commits->waiting)
      caf::anon_send(me, persisted_atom::value, ctx->work.begin());
    if (!error.empty()) {
      reply(command_outcome::unavailable(error));
      ctx->directory.crashing(change.after->id, me, ctx->work.begin());
      caf::anon_send_exit(me, caf::exit_reason::unhandled_exception);  // reload from storage
      return;
    }
    ctx->announce(std::move(messages));  // before the answer, so a drain after it waits for them
    ctx->journaled(journal);             // and a search after it finds the change
    reply(command_outcome::done(change.after, *change.events));
    notify(ctx, me, change);
  });
}

void describe_self(self_ptr self, inspect_request& r) {
  auto& st = self->state;
  ticket_actor_info info;
  info.id = st.id;
  info.alive = true;
  info.mailbox = self->mailbox().size();
  info.supervisor = st.ctx->owner_name(*st.ticket);
  info.restarts = st.restarts;
  info.timers = deadlines(*st.ticket);
  info.state = *st.ticket;
  r.reply(std::move(info));
}

caf::behavior ticket_actor(self_ptr self, runtime_context* ctx, std::string id,
                           std::shared_ptr<ticket_state> loaded, int restarts) {
  auto& st = self->state;
  st.ctx = ctx;
  st.id = std::move(id);
  st.restarts = restarts;
  if (loaded) st.ticket = std::move(loaded);
  return {
      [=](ticket_message& m) {
        work_in_flight::handling busy(self->state.ctx->work);  // until the retirement check below
        if (self->state.retired) {
          self->state.ctx->route(std::move(m));
          return;
        }
        std::visit(
            [&](auto& r) {
              using T = std::decay_t<decltype(r)>;
              if constexpr (std::is_same_v<T, command_request>)
                run_command(self, r);
              else
                describe_self(self, r);
            },
            m.what);
        // A closed ticket leaves memory once it has answered: the command that closed it (after
        // its batch is durable, see maybe_retire), or a later message that brought it back.
        if (terminal(*self->state.ticket) && !self->state.passivating) {
          self->state.passivating = true;
          maybe_retire(self);
        }
      },
      [=](persisted_atom, const work_token&) { maybe_retire(self); },
      [=](passivate_atom, const work_token&) {
        self->state.passivating = true;
        maybe_retire(self);
      },
      [=](retired_atom) { self->quit(); },
  };
}

}  // namespace

caf::actor spawn_ticket(caf::actor_system& sys, runtime_context* ctx, std::string id,
                        std::shared_ptr<ticket_state> loaded, int restarts) {
  return sys.spawn<caf::lazy_init>(ticket_actor, ctx, std::move(id), std::move(loaded), restarts);
}

}  // namespace hotline::actors
