#pragma once
// The actor runtime's face, free of CAF: the HTTP facade, the simulator and the tests talk to
// tickets through it.
//
// Inside (see docs/runtime.md): one CAF actor per active ticket, owned and monitored by the
// actor of the department that leads it (the hotline center's actor before dispatch); an
// escalation actor for cross-ticket rules (concentration); a timer service that fires the due
// index. Idle tickets are passivated: only their storage remains, and a message or a due
// deadline brings them back.
//
// Thread-safety: every member function may be called from any thread.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actors/clock.h"
#include "actors/outcome.h"
#include "actors/ticket_repository.h"
#include "storage/store.h"
#include "workflow/bulletin.h"
#include "workflow/commands.h"
#include "workflow/policy.h"

namespace hotline::actors {

struct runtime_options {
  const workflow::jurisdiction* where = nullptr;  // REQUIRES: outlives the runtime
  storage::store* db = nullptr;                   // REQUIRES: outlives the runtime
  bool virtual_time = false;
  workflow::instant start;  // the virtual clock's first instant
  std::size_t worker_threads = 2;
  std::size_t max_live_tickets = 20000;         // more active tickets than this: passivate
  std::chrono::milliseconds idle_after{30000};  // an untouched ticket passivates after this
  int restart_limit = 3;                        // crashes within restart_window before parking
  std::chrono::seconds restart_window{60};
  std::size_t max_in_flight = 20000;  // commands in progress before overloaded
};

/// A ticket as stored: its durable state and whole history.
struct stored_ticket {
  workflow::ticket_state state;
  std::vector<workflow::event_record> history;
};

/// What an operator sees of a ticket's actor.
struct ticket_actor_info {
  std::string id;
  bool alive = false;
  bool failed = false;  // parked after too many crashes
  std::size_t mailbox = 0;
  std::string supervisor;  // the department (or center) actor that monitors it
  int restarts = 0;
  std::vector<workflow::armed_deadline> timers;
  std::optional<workflow::ticket_state> state;
};

/// A long-lived actor, for the admin view.
struct actor_info {
  std::string kind;  // center, department, escalation, timer, ticket
  std::string id;
  std::size_t mailbox = 0;
  std::string supervisor;
};

struct advance_result {
  workflow::instant now;
  std::size_t fired = 0;
  std::string error;  // the due index could not be read: time stopped short of the target
};

/// Counters for /metrics and the health check.
struct runtime_stats {
  std::size_t live_tickets = 0;
  std::size_t in_flight = 0;
  std::size_t activations = 0;
  std::size_t passivations = 0;
  std::size_t restarts = 0;
  std::size_t failed_tickets = 0;
  std::size_t kills = 0;  // deliberate, by an operator
  std::size_t timers_fired = 0;
  std::size_t concentration_alerts = 0;
  std::vector<std::size_t> lateness;  // timers fired <1s, 1-10s, 10s-1m, 1-10m, >10m late
  std::int64_t lateness_seconds = 0;  // their lateness, summed
  std::vector<std::pair<workflow::status, std::size_t>> by_status;  // tickets now
  std::size_t open_tickets = 0;
  struct department_load {
    std::string department;  // "": the center, before dispatch
    std::size_t open = 0, overdue = 0;
  };
  std::vector<department_load> by_lead;  // open and overdue tickets by lead department
  std::size_t armed_timers = 0;          // entries in the due index
  storage::store_stats store;
};

class runtime {
 public:
  /// Starts the actors and recovery: open tickets come back on first touch; deadlines that
  /// passed while the process was down fire now, in due order, exactly once.
  explicit runtime(const runtime_options& o);
  /// Stops taking work, lets what is in flight finish and become durable, stops the actors.
  ~runtime();
  runtime(const runtime&) = delete;
  runtime& operator=(const runtime&) = delete;

  /// Registers a new ticket. With an idempotency key, the record of its outcome (the ticket and
  /// version it produced) is written in the same atomic batch; see idempotency_record().
  void submit(workflow::intake request, workflow::actor_ref by, reply_to reply,
              std::string idempotency_key = "");
  /// Runs a command on ticket `id`.
  void act(const std::string& id, workflow::command c, workflow::actor_ref by, reply_to reply,
           std::string idempotency_key = "");
  /// What an earlier request with this idempotency key produced, if it was carried out.
  std::optional<std::pair<std::string, std::uint64_t>> idempotency_record(
      const std::string& key) const;

  /// The bulletin of the period around `at`, from the durable histories of the tickets created
  /// in the year before the period or during it.
  workflow::bulletin report(workflow::report_period p, workflow::instant at) const;
  /// The durable ticket; absent if unknown, failed if storage cannot answer or a record of it
  /// cannot be decoded (counted in stats().store.read_errors).
  lookup<stored_ticket> read(const std::string& id) const;
  const ticket_repository& repository() const;
  const workflow::jurisdiction& where() const;

  workflow::instant now() const;
  bool virtual_time() const;
  /// Virtual time only: fires, in due order, every timer due up to `to`, and returns once
  /// their effects are durable. Nothing if the clock is real.
  std::optional<advance_result> advance(workflow::instant to);

  /// Waits until no command is in flight (or `timeout` passes); whether it got there.
  bool quiesce(std::chrono::milliseconds timeout);
  bool overloaded() const;

  ticket_actor_info inspect(const std::string& id);
  std::vector<actor_info> actors(const std::string& kind, std::size_t limit);
  /// Kills the ticket's actor: its supervisor brings it back from storage. An operator's kill is
  /// counted apart and never parks a ticket; `as_crash` makes it count as a crash (fault drills).
  bool kill_ticket_actor(const std::string& id, bool as_crash = false);
  /// Un-parks a ticket parked after repeated crashes: the next message activates it afresh from
  /// storage, with a new count of crashes. False if it was not parked.
  bool unpark_ticket(const std::string& id);
  runtime_stats stats() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace hotline::actors
