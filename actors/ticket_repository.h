#pragma once
// Where a ticket lives in storage, and how one command's change becomes one atomic batch:
//   events     "<id>\0<first seq>"           the events of one command, in order
//   snapshots  "<id>"                        the state after the last command
//   due        "<time><id>\0<kind>"          armed deadlines, so the next due is a range scan
//   indexes    "s\0<status>\0<id>"           by status
//              "h\0<department>\0<id>"       by holder: lead, co-handler or unit
//              "o\0<id>"                     overdue
//              "l\0<lead>\0<0|1>\0<id>"       open, by lead ("" before dispatch), 1 if overdue
//              "v\0<level>\0<id>"            supervised, by rung
//              "p\0<request>\0<id>"          awaiting a supervisor: return, extension, ...
//              "c\0<time>\0<topic>\0<region>\0<id>"  every ticket by creation time: for
//                                            concentration windows and bulletins
//              "b\0<phone digits>\0<id>"     callers blocked for harassment, by the ticket
//                                            whose approved block screens them
//   idempotency "<token>\0<key>"            the first answer to a repeated request

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "storage/store.h"
#include "workflow/decide.h"

namespace hotline::actors {

struct due_entry {
  workflow::instant due;
  std::string ticket;
  workflow::deadline_kind kind = workflow::deadline_kind::sign;
};

/// A listing query (GET /api/v1/tickets); unset parts do not filter.
struct ticket_query {
  std::optional<workflow::status> status;
  std::vector<std::string> holders;  // any of these departments holds it
  bool overdue_only = false;
  std::optional<workflow::supervision_level> supervision;
  std::optional<workflow::pending_kind> pending;  // a request awaiting a supervisor's decision
  std::string after;  // ids sort by date and sequence; list those after this one
  std::size_t limit = 50;
};

/// Open and overdue tickets of one lead department.
struct lead_load {
  std::size_t open = 0;
  std::size_t overdue = 0;
};

/// A submission as the concentration window sees it.
struct submission_entry {
  workflow::instant at;
  std::string topic;
  std::string region;
  std::string ticket;
};

/// What a read from storage came to: found, absent, or unreadable (the store could not answer,
/// or a stored record could not be decoded: never taken for absent, never skipped). Tests true
/// when found.
template <class T>
class lookup {
 public:
  lookup() = default;                            // absent
  lookup(T value) : value_(std::move(value)) {}  // NOLINT: implicit, like result<T>
  static lookup failed(std::string why) {
    lookup l;
    l.error_ = std::move(why);
    return l;
  }
  explicit operator bool() const { return value_.has_value(); }
  bool failed() const { return !error_.empty(); }
  /// Why nothing was found when it is not simply absent, else "".
  const std::string& error() const { return error_; }
  /// REQUIRES: found.
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  std::string error_;
};

class ticket_repository {
 public:
  explicit ticket_repository(storage::store& db) : db_(db) {}

  /// The writes that record `events` (already folded: `before` -> `after`).
  storage::batch changes(const workflow::ticket_state& before, const workflow::ticket_state& after,
                         const std::vector<workflow::event_record>& events) const;

  /// The durable state of ticket `id` (its snapshot, or its replayed events); absent if unknown.
  lookup<workflow::ticket_state> load(const std::string& id) const;
  /// Every event of ticket `id`, in order (none if unknown). A record that cannot be read or
  /// decoded fails the whole read, and is counted in the store's read errors for operators.
  lookup<std::vector<workflow::event_record>> history(const std::string& id) const;

  /// Armed deadlines due at or before `until`, earliest first, at most `limit`; only those whose
  /// due-index key sorts after `after_key` if it is given.
  lookup<std::vector<due_entry>> due_until(workflow::instant until, std::size_t limit,
                                           const std::string& after_key = "") const;

  /// Ticket ids matching `q`, in id order.
  std::vector<std::string> list(const ticket_query& q) const;
  /// How many entries the due index holds.
  std::size_t count_due() const;
  /// How many tickets each status has now.
  std::vector<std::pair<workflow::status, std::size_t>> count_by_status() const;
  /// Open tickets (not declined, terminated or closed) by lead department ("" before dispatch),
  /// from the index keys alone.
  std::map<std::string, lead_load> count_open_by_lead() const;
  /// Tickets created in [from, to), oldest first.
  std::vector<std::string> created_between(workflow::instant from, workflow::instant to) const;
  /// Submissions since `from`, oldest first.
  std::vector<submission_entry> submissions_since(workflow::instant from) const;
  /// Blocked phones (their digits) and the tickets that block them, by phone, at most `limit`.
  std::vector<std::pair<std::string, std::string>> blocked_callers(std::size_t limit) const;
  /// The ticket whose approved block screens `phone`, if any.
  std::optional<std::string> blocked_by(const std::string& phone) const;
  /// The greatest ticket id starting with `prefix`, if any.
  std::optional<std::string> last_id(const std::string& prefix) const;

  storage::store& db() const { return db_; }

 private:
  storage::store& db_;
};

/// An idempotency record: the ticket and version a request produced.
std::string idempotency_value(const std::string& ticket, std::uint64_t version);
std::optional<std::pair<std::string, std::uint64_t>> read_idempotency_value(std::string_view v);

/// The due-index key of a deadline.
std::string due_key(workflow::instant due, const std::string& ticket, workflow::deadline_kind kind);

}  // namespace hotline::actors
