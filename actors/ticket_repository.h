#pragma once
// Where a ticket lives in storage, and how one command's change becomes one atomic batch:
//   events     "<id>\0<first seq>"           the events of one command, in order
//   snapshots  "<id>"                        the state after the last command
//   due        "<time><id>\0<kind>"          armed deadlines, so the next due is a range scan
//   indexes    index_keys.h                  listing, counts at start-up, blocks, concentration
//   idempotency "<token>\0<key>"            the first answer to a repeated request

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "actors/queries.h"
#include "actors/ticket_search.h"
#include "storage/store.h"
#include "workflow/decide.h"

namespace hotline::actors {

struct due_entry {
  workflow::instant due;
  std::string ticket;
  workflow::deadline_kind kind = workflow::deadline_kind::sign;
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

  // The scans below fail as a whole when the store cannot finish them: a partial answer is
  // never taken for the whole.

  /// A page of the ids matching `q` within `scope` (search_tickets).
  lookup<id_page> list(const ticket_query& q, const search_scope& scope) const {
    return search_tickets(db_, q, scope);
  }
  /// How many entries the due index holds.
  lookup<std::size_t> count_due() const;
  /// How many tickets each status has now.
  lookup<std::vector<std::pair<workflow::status, std::size_t>>> count_by_status() const;
  /// Open tickets (not declined, terminated or closed) by lead department ("" before dispatch),
  /// from the index keys alone.
  lookup<std::map<std::string, lead_load>> count_open_by_lead() const;
  /// Every open ticket's id, from the same index.
  lookup<std::vector<std::string>> open_ids() const;
  /// Tickets created in [from, to), oldest first.
  lookup<std::vector<std::string>> created_between(workflow::instant from,
                                                   workflow::instant to) const;
  /// Submissions since `from`, oldest first.
  lookup<std::vector<submission_entry>> submissions_since(workflow::instant from) const;
  /// Blocked phones (their digits) and the tickets that block them, by phone, at most `limit`.
  lookup<std::vector<blocked_caller>> blocked_callers(std::size_t limit) const;
  /// The ticket whose approved block screens `phone`; absent if none.
  lookup<std::string> blocked_by(const std::string& phone) const;
  /// The greatest ticket id starting with `prefix`; absent if none.
  lookup<std::string> last_id(const std::string& prefix) const;
  /// Every ticket id, in id order.
  lookup<std::vector<std::string>> all_ids() const;

  /// The first answer recorded under idempotency key `key`; absent if none.
  lookup<first_answer> first_answer_to(const std::string& key) const;

  storage::store& db() const { return db_; }

 private:
  storage::store& db_;
};

/// The write that records the first answer under idempotency key `key`: the ticket and the
/// version the command produced, a refusal, or a rejection's text.
storage::write_op idempotency_record(const std::string& key, const std::string& ticket,
                                     std::uint64_t version);
storage::write_op idempotency_record(const std::string& key, const workflow::refusal& r);
storage::write_op rejection_record(const std::string& key, const std::string& rejected);

/// The due-index key of a deadline.
std::string due_key(workflow::instant due, const std::string& ticket, workflow::deadline_kind kind);

}  // namespace hotline::actors
