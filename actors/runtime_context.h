#pragma once
// Internal to actors/: what every actor of one runtime shares. Handles and options are set
// before the first message and only read afterwards.

#include <array>
#include <atomic>
#include <caf/all.hpp>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "actors/caf_messages.h"
#include "actors/clock.h"
#include "actors/ticket_directory.h"
#include "actors/ticket_repository.h"
#include "actors/work_in_flight.h"

namespace hotline::actors {

struct runtime_metrics {
  std::atomic<std::size_t> activations{0};
  std::atomic<std::size_t> passivations{0};
  std::atomic<std::size_t> restarts{0};
  std::atomic<std::size_t> timers_fired{0};
  std::atomic<std::size_t> in_flight{0};
  std::atomic<std::size_t> concentration_alerts{0};
  std::array<std::atomic<std::size_t>, 5> lateness{};  // <1s, 1-10s, 10s-1m, 1-10m, >10m
  std::atomic<std::int64_t> lateness_seconds{0};       // their sum
  // Counted once at start-up, then kept by the ticket actors after each durable change.
  std::array<std::atomic<long>, 9> by_status{};
  std::atomic<long> armed_timers{0};
  std::atomic<std::size_t> kills{0};  // by an operator on purpose, apart from crashes
  // Open and overdue tickets by lead department ("": the center's, not yet dispatched). Every
  // department has its entry before the first message, so the map itself never changes.
  struct department_load {
    std::atomic<long> open{0};
    std::atomic<long> overdue{0};
  };
  std::map<std::string, department_load> by_lead;
  /// Moves `s`'s weight (+1 or -1) on its lead's figures, if it is open.
  void count_load(const workflow::ticket_state& s, long weight);
};

/// A long-lived actor, listed for operators.
struct catalog_entry {
  std::string kind;
  std::string id;
  std::string supervisor;
  caf::actor handle;
};

struct runtime_context {
  runtime_context(const runtime_options& o, clock& c, work_in_flight& w)
      : options(o), where(*o.where), db(*o.db), repo(*o.db), time(c), work(w) {}

  const runtime_options options;
  const workflow::jurisdiction& where;
  storage::store& db;
  const ticket_repository repo;
  clock& time;
  work_in_flight& work;  // what quiesce() waits for; outlives the actors and their messages
  ticket_directory directory;
  runtime_metrics metrics;

  caf::actor center;
  caf::actor escalation;
  caf::actor timer;
  std::unordered_map<std::string, caf::actor> departments;
  std::vector<catalog_entry> catalog;
  std::atomic<bool> stopping{false};  // shutting down: a dying actor is not restarted
  // Ticket actors an operator killed on purpose (POST /admin/actors/ticket/{id}/kill): brought
  // back like after a crash, but not counted as one, so they never park the ticket.
  std::mutex kills_mutex;
  std::set<caf::actor_addr> deliberate_kills;

  /// The actor that supervises a ticket: its lead department's, or the center's before dispatch.
  caf::actor owner_for(const workflow::ticket_state& s) const;
  std::string owner_name(const workflow::ticket_state& s) const;
  /// Delivers `m` to its ticket, bringing the ticket back from storage if it is passive.
  void route(ticket_message m);
  /// Asks actors over capacity to passivate.
  void shed_load();
  /// Counts a command in flight until it is answered (metrics.in_flight, and as work).
  reply_to track(reply_to inner);
  /// Commits `b`; the write counts as work in flight until `then` has run, so whatever `then`
  /// sends (with tokens of its own) is covered without a gap.
  void commit(storage::batch b, storage::commit_callback then);
  /// Answers a message that cannot be delivered.
  static void answer(ticket_message& m, command_outcome o);
};

/// The system actor that issues timer and escalation commands.
workflow::actor_ref system_actor(const std::string& label);

// Spawning, one function per kind of actor (each in its own file).
caf::actor spawn_ticket(caf::actor_system& sys, runtime_context* ctx, std::string id,
                        std::shared_ptr<workflow::ticket_state> loaded, int restarts);
caf::actor spawn_department(caf::actor_system& sys, runtime_context* ctx);
caf::actor spawn_center(caf::actor_system& sys, runtime_context* ctx);
caf::actor spawn_escalation(caf::actor_system& sys, runtime_context* ctx);
caf::actor spawn_timer(caf::actor_system& sys, runtime_context* ctx);

}  // namespace hotline::actors
