#pragma once
// Internal to actors/: what an owner (a department actor, or the center's before dispatch) does
// for the ticket actors it supervises: spawn them from storage, monitor them, bring a crashed
// one back (at most restart_limit times within restart_window, like OTP's intensity, before it
// is parked as failed and reported).

#include <caf/all.hpp>
#include <deque>
#include <map>
#include <unordered_map>

#include "actors/runtime_context.h"

namespace hotline::actors {

class ticket_supervision {
 public:
  explicit ticket_supervision(runtime_context* ctx) : ctx_(ctx) {}

  /// Spawns and supervises an actor for a ticket loaded from storage.
  void adopt(caf::local_actor* self, const adopt_request& r);
  /// Supervises a ticket actor spawned elsewhere.
  void watch(caf::local_actor* self, const std::string& id, const caf::actor& ticket);
  void release(caf::local_actor* self, const caf::actor_addr& ticket);
  /// A supervised actor went down: a crash is restarted from storage, a passivation forgotten.
  void down(caf::local_actor* self, const caf::down_msg& dm);
  std::vector<std::pair<std::string, std::size_t>> counters() const;

 private:
  runtime_context* ctx_;
  std::unordered_map<caf::actor_addr, std::string> supervised_;
  std::unordered_map<std::string, std::deque<std::chrono::steady_clock::time_point>> crashes_;
  std::size_t failed_ = 0;
};

/// The handlers every owner shares, to put in its behavior.
template <class State>
auto supervision_handlers(caf::stateful_actor<State>* self) {
  return std::make_tuple([=](adopt_request& r) { self->state.tickets.adopt(self, r); },
                         [=](adopt_live& r) { self->state.tickets.watch(self, r.id, r.ticket); },
                         [=](release_ticket& r) { self->state.tickets.release(self, r.ticket); },
                         [=](counters_request& r) {
                           auto c = self->state.tickets.counters();
                           c.emplace_back("mailbox", self->mailbox().size());
                           r.reply(std::move(c));
                         });
}

}  // namespace hotline::actors
