#pragma once
// What the runtime's queries answer (runtime.h), free of storage and CAF: the values the HTTP
// facade and the programs read, and the two shapes of a failure — a typed refusal (the viewer may
// not, or there is nothing there) and "unavailable" (storage could not answer; never taken for
// absent, never skipped).

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "workflow/events.h"
#include "workflow/result.h"
#include "workflow/ticket.h"

namespace hotline::actors {

/// What a read from storage came to: found, absent, or unreadable (the store could not answer,
/// or a stored record could not be decoded). Tests true when found.
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

/// A query's answer: the value, a refusal (as a command's: not_found, forbidden, a bad filter),
/// or unavailable (storage could not answer). Tests true when there is a value.
template <class T>
class answer {
 public:
  answer(T value) : v_(std::move(value)) {}          // NOLINT: implicit
  answer(workflow::refusal r) : v_(std::move(r)) {}  // NOLINT
  static answer unavailable(std::string why) { return answer(unavailable_t{std::move(why)}); }
  explicit operator bool() const { return v_.index() == 0; }
  /// REQUIRES: a value.
  T& operator*() & { return std::get<0>(v_); }
  const T& operator*() const& { return std::get<0>(v_); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  const workflow::refusal* refused() const { return std::get_if<1>(&v_); }
  /// Why storage could not answer, or nullptr.
  const std::string* unavailable() const {
    auto* u = std::get_if<2>(&v_);
    return u ? &u->why : nullptr;
  }

 private:
  struct unavailable_t {
    std::string why;
  };
  explicit answer(unavailable_t u) : v_(std::move(u)) {}
  std::variant<T, workflow::refusal, unavailable_t> v_;
};

/// The order of a listing: by registration (created_at, then id; ids are given in that order),
/// or by the holder's next term (workflow::next_due; tickets without one last), then as created.
enum class list_order { created, due };

/// A listing query (GET /api/v1/tickets); unset parts do not filter, and the filters combine.
struct ticket_query {
  std::optional<workflow::status> status;
  std::string department;  // held by this department or one of its units ("": any)
  bool overdue_only = false;
  std::optional<workflow::supervision_level> supervision;
  std::optional<workflow::pending_kind> pending;  // a request awaiting a supervisor's decision
  std::string phone;  // the caller's, compared by digits (workflow::same_caller_key)
  std::string region;
  std::string topic;
  std::optional<workflow::ticket_type> type;
  std::optional<workflow::instant> created_from;  // created_at in [created_from, created_to)
  std::optional<workflow::instant> created_to;
  std::optional<workflow::instant> due_before;  // next_due before this instant
  list_order order = list_order::created;
  /// Where the previous page ended (its `next`): a ticket id in registration order,
  /// "<next_due seconds|none>:<id>" in due order. "" for the first page.
  std::string after;
  std::size_t limit = 50;
  std::string text;  // full-text (runtime_knowledge.cc): best first, `after` a count of items
};

/// One page of a listing: the tickets (durable states, without history) and where the next page
/// starts (`after`; empty on the last page).
struct ticket_page {
  std::vector<workflow::ticket_state> items;
  std::string next;
};

/// A ticket as stored: its durable state and whole history.
struct stored_ticket {
  workflow::ticket_state state;
  std::vector<workflow::event_record> history;
};

/// A caller screened for harassment, and the ticket whose approved block screens them.
struct blocked_caller {
  std::string phone;  // digits
  std::string ticket;
};

/// The first answer given under an idempotency key, recorded in the same atomic batch as what
/// it answered: the ticket as the command left it, the rules' refusal, or `rejected`, a request
/// refused before it became a command (its body could not be read), kept as its answerer wrote it.
struct first_answer {
  std::optional<stored_ticket> ticket;  // carried out: the ticket as of that command
  std::optional<workflow::refusal> refusal;
  std::string rejected;
};

/// A file sent to a ticket (POST /api/v1/tickets/{id}/attachments).
struct upload {
  std::string name;          // as the uploader calls it ("" : the server names it)
  std::string content_type;  // as declared ("" if none); the type is read from the bytes
  std::string bytes;
};

/// An attachment with its bytes, for download.
struct attachment_file {
  workflow::attachment about;
  std::string bytes;
};

/// The store's state, for the health check and /metrics.
struct storage_health {
  bool durable = false;           // commits are synced before they are acknowledged
  std::string failure;            // why every change is now refused, or ""
  std::uint64_t batches = 0;      // commits made durable
  std::uint64_t writes = 0;       // grouped writes to the engine
  std::uint64_t syncs = 0;        // of which synced
  std::uint64_t keys = 0;         // puts and deletes written
  std::uint64_t pending = 0;      // batches waiting for the writer now
  std::uint64_t read_errors = 0;  // reads the engine could not answer, records not decodable
  std::string last_read_error;
};

}  // namespace hotline::actors
