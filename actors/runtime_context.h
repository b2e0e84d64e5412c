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
#include "actors/outbox.h"
#include "actors/outbox_progress.h"
#include "actors/search_indexer.h"
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
      : options(o), db(*o.db), repo(*o.db), time(c), work(w) {
    // The program's own jurisdiction outlives the runtime (runtime_options): not owned here.
    where_ = std::shared_ptr<const workflow::jurisdiction>(o.where,
                                                           [](const workflow::jurisdiction*) {});
  }

  const runtime_options options;
  /// The jurisdiction in force now. Whoever uses it holds this snapshot until done (a command
  /// from its decision to its batch): an operator's calendar or policy load replaces it
  /// meanwhile, and the old one lives on until its last holder lets go. On the first call on or
  /// after a later policy version's effective date, that version is put in force (rules.md §9).
  std::shared_ptr<const workflow::jurisdiction> where() const;
  void put_where(std::shared_ptr<const workflow::jurisdiction> j) {
    std::atomic_store(&where_, std::move(j));
  }
  storage::store& db;
  const ticket_repository repo;
  clock& time;
  work_in_flight& work;  // what quiesce() waits for; outlives the actors and their messages
  ticket_directory directory;
  runtime_metrics metrics;

  caf::actor center;
  caf::actor escalation;
  caf::actor timer;
  caf::actor delivery;
  outbox_progress outbox;
  std::unordered_map<std::string, caf::actor> departments;
  std::unique_ptr<search_indexer> indexer;  // none: no full-text search (runtime_options)
  std::string search_failure;               // why the index could not be opened, or ""
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
  /// sends (with tokens of its own) is covered without a gap. Fails at once after a failed
  /// recovery (see cannot_recover).
  void commit(storage::batch b, storage::commit_callback then);
  /// Commits `b` and waits until it is durable: the error, or "". Never on the storage writer's
  /// thread (a `then` above runs there).
  std::string commit_and_wait(storage::batch b);
  /// A decided command's change: `events` folded into a copy of `before`, and the one atomic
  /// batch that records them, with the first answer under `idempotency_key` if there is one.
  struct folded {
    ticket_changed change;
    storage::batch batch;                              // with the outbox entries of `messages`
    std::vector<workflow::outgoing_message> messages;  // what the change owes the outside
    journal_entry journal;  // what the full-text index must read again (seq 0: nothing)
  };
  folded fold(std::shared_ptr<const workflow::ticket_state> before,
              std::vector<workflow::event_record> events, const std::string& idempotency_key) const;
  /// Answers a refused command: at once without an idempotency key, else once the refusal is
  /// recorded as the key's first answer (a batch of its own: a refusal changes nothing else).
  /// Hands messages made durable in the outbox to the delivery actor. Call before answering
  /// the command, so that a drain (runtime::drain_outbox) after the answer waits for them.
  void announce(std::vector<workflow::outgoing_message> messages);
  /// Hands a journal entry made durable to the full-text index. Call before answering the
  /// command, so that a search after the answer finds the change.
  void journaled(const journal_entry& e);
  void refuse(const reply_to& reply, const std::string& idempotency_key, workflow::refusal why);
  /// Start-up could not read what recovery needs (counts, precedents, the window of
  /// submissions): every change is refused, and health reports it, until a restart reads it.
  void cannot_recover(const std::string& why);
  /// Why recovery failed, or "".
  std::string recovery_failure() const;
  /// Answers a message that cannot be delivered.
  static void answer(ticket_message& m, command_outcome o);

 private:
  mutable std::mutex recovery_mutex_;
  std::string recovery_failure_;
  mutable std::shared_ptr<const workflow::jurisdiction> where_;  // atomic_load/atomic_store only
  mutable std::mutex roll_mutex_;  // one roll forward to a new policy version at a time
};

/// Tells whom a durable change concerns (ticket_actor.cc). `me`: the ticket's actor, needed only
/// when the change moves the ticket to another owner.
void notify(runtime_context* ctx, const caf::actor& me, ticket_changed change);

/// The system actor that issues timer and escalation commands.
workflow::actor_ref system_actor(const std::string& label);

// Spawning, one function per kind of actor (each in its own file).
caf::actor spawn_ticket(caf::actor_system& sys, runtime_context* ctx, std::string id,
                        std::shared_ptr<workflow::ticket_state> loaded, int restarts);
caf::actor spawn_department(caf::actor_system& sys, runtime_context* ctx);
caf::actor spawn_center(caf::actor_system& sys, runtime_context* ctx);
caf::actor spawn_escalation(caf::actor_system& sys, runtime_context* ctx);
caf::actor spawn_timer(caf::actor_system& sys, runtime_context* ctx);
caf::actor spawn_delivery(caf::actor_system& sys, runtime_context* ctx,
                          std::vector<outbox_entry> stored, std::uint64_t delivered);

}  // namespace hotline::actors
