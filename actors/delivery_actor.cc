// The delivery actor: carries the outbox's messages to peer platforms and the SMS gateway, one
// at a time on its own thread (the transport blocks). Messages about one ticket to one receiver
// go in the order they were written; a message that cannot be taken now is retried with
// exponential backoff, without end (a peer may be down for hours: nothing acknowledged is
// dropped); one refused for good is kept as failed for an operator. Each carries its id as the
// idempotency key, so a delivery repeated after a crash of either side takes effect once.
#include <cstdio>
#include <ctime>
#include <map>
#include <set>

#include "actors/codec.h"
#include "actors/runtime_context.h"

namespace hotline::actors {
namespace {
using namespace workflow;
using steady = std::chrono::steady_clock;

struct waiting {
  outbox_entry entry;
  steady::time_point next;
};

struct delivery_state {
  runtime_context* ctx = nullptr;
  std::map<std::string, waiting> queue;  // by id: a ticket's messages in the order written
  std::uint64_t delivered = 0;
  std::optional<steady::time_point> wake_at;  // a pump is scheduled for then
  static constexpr const char* name = "delivery";
};
using self_ptr = caf::stateful_actor<delivery_state>*;

instant wall_now() {
  return instant{static_cast<std::int64_t>(std::time(nullptr))};
}

std::chrono::milliseconds backoff(const runtime_options& o, int attempts) {
  auto wait = o.retry_first;
  for (int i = 1; i < attempts && wait < o.retry_max; ++i) wait *= 2;
  return std::min(wait, o.retry_max);
}

// The first message that may go now: due, and no earlier message of its ticket to the same
// receiver still waiting. Else when the next one may.
std::map<std::string, waiting>::iterator next_ready(delivery_state& st, steady::time_point now,
                                                    std::optional<steady::time_point>& later) {
  std::set<std::pair<std::string, std::string>> held;
  for (auto it = st.queue.begin(); it != st.queue.end(); ++it) {
    const auto& m = it->second.entry.message;
    if (!held.insert({m.ticket, m.to}).second) continue;
    if (it->second.next <= now) return it;
    if (!later || it->second.next < *later) later = it->second.next;
  }
  return st.queue.end();
}

void pump(self_ptr self);

void schedule(self_ptr self, steady::time_point at) {
  auto& st = self->state;
  if (st.wake_at && *st.wake_at <= at) return;
  st.wake_at = at;
  auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(at - steady::now());
  self->delayed_send(self, std::max(wait, std::chrono::milliseconds(0)), tick_atom::value);
}

delivery_result attempt(runtime_context* ctx, const outgoing_message& m) {
  // Never a message to a blocked caller (000 art. 20), even one blocked after it was written.
  if (m.kind == outgoing_kind::sms && ctx->repo.blocked_by(m.to))
    return {delivery_result::kind::refused, "the caller is blocked for harassment: not sent"};
  if (!ctx->options.carrier)
    return {delivery_result::kind::retry, "no transport is configured for outgoing messages"};
  return ctx->options.carrier->deliver(m);
}

// Counts a message settled once the write that says so is durable.
storage::commit_callback once_durable(runtime_context* ctx, void (outbox_progress::*count)()) {
  return [ctx, count](const std::string& error) {
    if (!error.empty()) std::fprintf(stderr, "an outbox write failed: %s\n", error.c_str());
    (ctx->outbox.*count)();
  };
}

void settle(self_ptr self, std::map<std::string, waiting>::iterator it, delivery_result r) {
  auto& st = self->state;
  runtime_context* ctx = st.ctx;
  outbox_entry& e = it->second.entry;
  ++e.attempts;
  e.last_attempt = wall_now();
  e.last_error = r.error;
  ctx->outbox.attempted(r.what == delivery_result::kind::retry);
  switch (r.what) {
    case delivery_result::kind::delivered:
      ++st.delivered;
      // Settled once its removal is durable: a drain that returns leaves an outbox that reads
      // empty (were the write lost, a restart delivers it again under the same id).
      ctx->commit({{storage::family::outbox, e.message.id, std::nullopt},
                   {storage::family::counters, outbox_delivered_key, storage::be64(st.delivered)}},
                  once_durable(ctx, &outbox_progress::delivered));
      st.queue.erase(it);
      break;
    case delivery_result::kind::retry:
      it->second.next = steady::now() + backoff(ctx->options, e.attempts);
      ctx->commit({{storage::family::outbox, e.message.id, encode(e)}}, nullptr);
      break;
    case delivery_result::kind::refused:
      e.failed = true;
      ctx->commit({{storage::family::outbox, e.message.id, encode(e)}},
                  once_durable(ctx, &outbox_progress::failed));
      st.queue.erase(it);
      break;
  }
}

// One delivery per message handled, so that new messages and operators' questions get in
// between; then the next, now or when it is due.
void pump(self_ptr self) {
  auto& st = self->state;
  std::optional<steady::time_point> later;
  auto it = next_ready(st, steady::now(), later);
  if (it == st.queue.end()) {
    if (later) schedule(self, *later);
    return;
  }
  settle(self, it, attempt(st.ctx, it->second.entry.message));
  self->send(self, pump_atom::value);
}

caf::behavior delivery_actor(self_ptr self, runtime_context* ctx,
                             std::vector<outbox_entry> stored, std::uint64_t delivered) {
  auto& st = self->state;
  st.ctx = ctx;
  st.delivered = delivered;
  for (auto& e : stored)
    if (!e.failed) {
      std::string id = e.message.id;  // not queue[e.message.id] = {std::move(e), …}: C++17
                                      // moves e before it evaluates the key, and every entry
                                      // went under "" (one delivered, the rest stuck)
      st.queue.emplace(std::move(id), waiting{std::move(e), steady::now()});
    }
  self->send(self, pump_atom::value);
  return {
      [=](outbox_added& added) {
        auto& st = self->state;
        std::size_t fresh = 0;
        for (auto& m : added.messages)
          if (st.queue.emplace(m.id, waiting{fresh_entry(m), steady::now()}).second) ++fresh;
        st.ctx->outbox.taken(added.messages.size(), fresh);
        pump(self);
      },
      [=](pump_atom) { pump(self); },
      [=](tick_atom) {
        self->state.wake_at.reset();
        pump(self);
      },
      [=](counters_request& r) {
        r.reply({{"queued", self->state.queue.size()}, {"mailbox", self->mailbox().size()}});
      },
  };
}

}  // namespace

caf::actor spawn_delivery(caf::actor_system& sys, runtime_context* ctx,
                          std::vector<outbox_entry> stored, std::uint64_t delivered) {
  return sys.spawn<caf::detached>(delivery_actor, ctx, std::move(stored), delivered);
}

}  // namespace hotline::actors
