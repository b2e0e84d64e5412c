#pragma once
// Internal to actors/: which tickets have a live actor, and the one place that serialises a
// ticket's activation, passivation and crash, so that at most one actor holds a ticket and no
// message is lost or reordered on the way.
//
// A ticket is live (an actor holds it), activating (its state is being loaded; messages wait in
// order), failed (parked after too many crashes), or absent (passive: only storage holds it).
// Messages are sent while the shard lock is held, so queued ones always go first.

#include <caf/all.hpp>
#include <chrono>
#include <deque>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "actors/caf_messages.h"

namespace hotline::actors {

class ticket_directory {
 public:
  enum class routed { sent, queued, must_activate, failed };

  /// Sends `m` to the ticket's actor, or queues it. must_activate: the caller loads the ticket
  /// (the message is queued behind the activation). failed: `m` is handed back untouched.
  routed route(ticket_message& m);
  /// Activation done: `a` holds the ticket and receives what queued meanwhile.
  void activated(const std::string& id, const caf::actor& a);
  /// Activation found no ticket: the queued messages, to answer.
  std::vector<ticket_message> abandon(const std::string& id);
  /// Passivation: forgets the ticket if `a` still holds it and nothing is queued.
  bool retire(const std::string& id, const caf::actor& a);
  /// `a` is being stopped as a crash would stop it (killed, or after a failed commit): the
  /// restart counts as work in flight until the ticket is active again, parked or forgotten.
  void crashing(const std::string& id, const caf::actor& a, work_token w);
  /// `a` died abnormally: messages queue until a new actor is activated. False if `a` no longer
  /// held the ticket.
  bool crashed(const std::string& id, const caf::actor_addr& a);
  /// Too many crashes: the ticket is parked; the queued messages, to answer.
  std::vector<ticket_message> park(const std::string& id);
  /// An operator lifts the parking: the ticket is absent again. False if it was not parked.
  bool unpark(const std::string& id);

  caf::actor live(const std::string& id) const;
  bool is_failed(const std::string& id) const;
  std::size_t live_count() const;
  std::size_t failed_count() const;
  /// Up to `limit` live tickets and their actors.
  std::vector<std::pair<std::string, caf::actor>> live_tickets(std::size_t limit) const;
  /// The tickets activated longest ago, while more than `max_live` are live.
  std::vector<caf::actor> over_capacity(std::size_t max_live);
  /// Live tickets no message was routed to since `before`.
  std::vector<caf::actor> idle_since(std::chrono::steady_clock::time_point before) const;

 private:
  struct entry {
    caf::actor actor;                               // live when set
    std::chrono::steady_clock::time_point touched;  // the last message routed to it
    bool activating = false;
    bool failed = false;
    std::vector<ticket_message> waiting;
    work_token restarting;  // see crashing()
  };
  struct shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, entry> entries;
  };
  static constexpr std::size_t shard_count = 64;
  shard& shard_of(const std::string& id);
  const shard& shard_of(const std::string& id) const;

  shard shards_[shard_count];
  std::atomic<std::size_t> live_{0};
  std::atomic<std::size_t> failed_{0};
  std::mutex order_mutex_;
  std::deque<std::string> activation_order_;  // oldest first; may hold retired ids
};

}  // namespace hotline::actors
