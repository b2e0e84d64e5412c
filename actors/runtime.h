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
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "actors/clock.h"
#include "actors/knowledge_queries.h"
#include "actors/outbox_entry.h"
#include "actors/outbox_progress.h"
#include "actors/outcome.h"
#include "actors/queries.h"
#include "workflow/bulletin.h"
#include "workflow/commands.h"
#include "workflow/decide.h"
#include "workflow/policy.h"
#include "workflow/statistics.h"

namespace hotline::storage {
class store;  // opened by the program (apps/) or a test and handed over; only actors/ uses it
}

namespace hotline::actors {

/// Builds the working calendar from the scenario's calendar files as they are now, with the
/// official years operators loaded (year -> its JSON as calendars/YYYY.json holds it) in place of
/// the files of their years; or a validation_failed naming the field at fault. The program gives
/// it (apps/: it knows where the files are).
using calendar_builder = std::function<workflow::result<workflow::working_calendar>(
    const std::map<int, std::string>& loaded)>;

/// Every policy version (rules.md §9) from the scenario's files, with the documents operators
/// loaded (PUT /admin/policy, in the shape of a policy-versions/ file) after them: the first
/// version, then by effective_from; or a validation_failed naming the field. The program gives it.
using policy_builder = std::function<workflow::result<std::vector<workflow::policy>>(
    const std::vector<std::string>& loaded)>;

/// What a policy load did.
struct policy_load {
  std::vector<workflow::policy_version> versions;  // every version now, oldest first
  std::string error;                               // storage failed: nothing was loaded
};

/// What a calendar load did to the open tickets.
struct calendar_load {
  std::size_t checked = 0;  // open tickets recomputed (passive ones brought back for it)
  std::size_t changed = 0;  // of which a deadline moved
  std::string error;        // storage failed: nothing was loaded, or (with `checked`) some
                            // tickets were not recomputed yet; the next start-up finishes them
};

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
  // The outbox (outbox.h): what is written, and who carries it. No carrier: messages wait.
  workflow::outgoing_options outgoing;
  transport* carrier = nullptr;                 // REQUIRES: outlives the runtime
  std::chrono::milliseconds retry_first{1000};  // the first retry's wait, doubled each time
  std::chrono::milliseconds retry_max{300000};  // up to this
  // None: the calendar of `where` is the only one, and calendar loads are refused.
  calendar_builder build_calendar;
  // The full-text index's folder (search_indexer.h), derived from the store and rebuilt from it
  // when missing or behind. "": no full-text search (queries with text are unavailable).
  std::string search_dir;
  // None: the versions of `where` are the only ones, and policy loads are refused.
  policy_builder build_policies;
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
  std::string error;  // the due index could not be read (time stopped short of the target), or
                      // the virtual time could not be written
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
  outbox_figures outbox;
  storage_health store;
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

  /// Registers a new ticket. With an idempotency key, its answer (the ticket and version it
  /// produced, or the refusal) is recorded in the same atomic batch; see first_answer().
  void submit(workflow::intake request, workflow::actor_ref by, reply_to reply,
              std::string idempotency_key = "");
  /// Runs a command on ticket `id`; the idempotency key as for submit().
  void act(const std::string& id, workflow::command c, workflow::actor_ref by, reply_to reply,
           std::string idempotency_key = "");
  /// An upload to ticket `id` (003 §5(4)): its sha256, size and first bytes are read here and the
  /// rule core decides (workflow::attach); the bytes are stored under their sha256 in the same
  /// atomic batch as the `attached` event. The same bytes again on the ticket change nothing.
  /// The idempotency key as for submit().
  void attach(const std::string& id, upload file, workflow::actor_ref by, reply_to reply,
              std::string idempotency_key = "");
  /// Records, durably, that the request under idempotency key `key` was refused before it became
  /// a command (its body could not be read); `rejected` is the answer as the caller gave it. The
  /// error, or "".
  std::string reject(const std::string& key, const std::string& rejected);
  /// The first answer given under idempotency key `key`; absent if none yet.
  lookup<first_answer> first_answer_to(const std::string& key) const;

  // Queries. Those that take a viewer refuse what the viewer may not see (forbidden, not_found,
  // a bad filter) as a command would; storage that cannot answer makes them unavailable.

  /// The ticket with its whole history (absent: not_found).
  answer<stored_ticket> get(const std::string& id, const workflow::actor_ref& viewer) const;
  /// The attachments of ticket `id` the viewer may see (workflow::visible_attachments), in
  /// upload order.
  answer<std::vector<workflow::attachment>> attachments(const std::string& id,
                                                        const workflow::actor_ref& viewer) const;
  /// One of them, with its bytes; not_found if the viewer may not see it or it is not there.
  answer<attachment_file> attachment(const std::string& id, const std::string& digest,
                                     const workflow::actor_ref& viewer) const;
  /// A page of tickets matching `q` that the viewer may see (a department: its own and its
  /// units').
  answer<ticket_page> list(const ticket_query& q, const workflow::actor_ref& viewer) const;
  /// The callers screened for harassment (000 art. 20), at most `limit`: center staff only.
  answer<std::vector<blocked_caller>> blocked_callers(const workflow::actor_ref& viewer,
                                                      std::size_t limit) const;
  /// The figures of department `id` and its units over [from, to).
  answer<workflow::unit_counts> department_counts(const std::string& id, workflow::instant from,
                                                  workflow::instant to,
                                                  const workflow::actor_ref& viewer) const;
  /// The bulletin of the period around `at`, from the durable histories of the tickets created
  /// in the year before the period or during it: center staff only.
  answer<workflow::bulletin> report(workflow::report_period p, workflow::instant at,
                                    const workflow::actor_ref& viewer) const;
  /// FNV-1a over every event of every ticket, in id order: equal digests, equal runs.
  lookup<std::uint64_t> digest() const;

  /// For the runtime's own programs, the reply to a command, and tests (no viewer): the durable
  /// ticket; absent if unknown, failed if storage cannot answer or a record of it cannot be
  /// decoded (counted in stats().store.read_errors).
  lookup<stored_ticket> read(const std::string& id) const;
  /// The durable state alone (one snapshot read), as read().
  lookup<workflow::ticket_state> state(const std::string& id) const;
  /// The durable history alone (no replay), as read(); empty if unknown.
  lookup<std::vector<workflow::event_record>> history(const std::string& id) const;
  /// The jurisdiction in force now. Hold the pointer while using what it holds: a calendar load
  /// (load_calendar_year, reload_calendars) puts another in force meanwhile.
  std::shared_ptr<const workflow::jurisdiction> where() const;

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

  /// Loads official calendar year `year` while running (`json`: as calendars/YYYY.json holds it).
  /// Refused (validation_failed naming the field, nothing changed) if the calendar cannot be
  /// built with it. Else: stored durably (a restart builds the calendar with it), in force for
  /// every command from then on, and every open ticket's armed deadlines recomputed on it by a
  /// system command (deadline_recomputed, in the ticket's one atomic batch with its due-index
  /// moves). One load at a time.
  workflow::result<calendar_load> load_calendar_year(int year, const std::string& json);
  /// The same for the calendar files as they are now (a file dropped into the folder), with the
  /// loaded years still over them.
  workflow::result<calendar_load> reload_calendars();

  /// Loads a policy version while running (`json`: as a policy-versions/ file holds it). Refused
  /// (validation_failed naming the field, nothing changed) if it does not build, takes effect
  /// before today or before the last version, or reuses a version's id. Else stored durably (a
  /// restart has it) and in force from its effective date: decisions from then on apply it and
  /// record it; terms already computed keep their dates.
  workflow::result<policy_load> load_policy_version(const std::string& json);

  /// The outbox's entries (pending and failed), in id order, at most `limit`; failed if storage
  /// cannot answer.
  lookup<std::vector<outbox_entry>> outbox(std::size_t limit) const;
  /// Waits until every message in the outbox is delivered or failed (or `timeout` passes);
  /// whether it got there. A barrier for tests and operators, like quiesce().
  bool drain_outbox(std::chrono::milliseconds timeout);

  // The knowledge base and full-text search (runtime_knowledge.cc).

  /// Writes entry `id` (created, or replaced by `fields`) as workflow::write_knowledge decides,
  /// durably, with its journal entry for the index; returns once durable. One write at a time.
  answer<workflow::knowledge_write> put_knowledge(const std::string& id,
                                                  workflow::knowledge_fields fields,
                                                  const workflow::actor_ref& by);
  answer<workflow::knowledge_entry> knowledge(const std::string& id,
                                              const workflow::actor_ref& viewer) const;
  /// A page of entries matching `q` (with text: best first, else in id order).
  answer<knowledge_page> list_knowledge(const knowledge_query& q,
                                        const workflow::actor_ref& viewer) const;
  /// Entries stale today, by owner (workflow::stale).
  lookup<stale_counts> stale_knowledge() const;
  search_figures search() const;

 private:
  answer<ticket_page> search_tickets(const ticket_query& q, const workflow::actor_ref& viewer,
                                     const std::vector<std::string>& holders) const;

  // Start-up: the calendar with the years operators loaded, the policy versions they loaded; a
  // recompute a crash interrupted.
  void start_with_loaded_calendars();
  void start_with_loaded_policies();
  void finish_calendar_recompute();

  struct impl;
  std::unique_ptr<impl> impl_;
};

/// The policy versions operators loaded (their JSON), as stored in `db`.
lookup<std::vector<std::string>> loaded_policies(const storage::store& db);

/// The official calendar years operators loaded (year -> their JSON), as stored in `db`.
lookup<std::map<int, std::string>> loaded_calendars(const storage::store& db);

}  // namespace hotline::actors
