#pragma once
// The index keys a ticket's state belongs under (family `indexes`), written in the ticket's own
// atomic batch, the same batch as the command's events (ticket_repository::changes), so the
// indexes always equal the durable states. Listing (ticket_search.h) walks them; nothing scans
// tickets.
//
// Every list is "<tag>\0<value>\0" (value "" for a, o, w, d), then a position. Lists in
// registration order: position T + id, T = time_key(created_at) (8 bytes), so every list sorts by
// (created_at, id) and a created range is a seek:
//   s status          h holder: lead, co-handler or unit    o overdue (value "")
//   v supervision     p awaiting a supervisor: return, ...  a every ticket (value "")
//   n the caller's phone digits (same_caller_key)
//   m the same, of confidential callers only: a department's search by phone leaves them out
//   r region          t topic                               y type
//   x region and topic together ("<region>\0<topic>", region_topic): a hot spot's tickets, and
//     a region-and-topic search without intersecting two long lists
//   w owing a term now (next_due set; value "")
// Lists in due order, position D + T + id, D = time_key(next_due) or, with none, the largest key:
//   d every ticket    e by holder ("e\0<holder>\0"): a department's inbox by its next term
// Where a ticket sorts: "k\0<id>" -> T D, for cursors and for the due of a candidate.
// And, keyed otherwise:
//   "l\0<lead>\0<0|1>\0<id>"           open, by lead ("" before dispatch), 1 if overdue
//   "c\0<T>\0<topic>\0<region>\0<id>"  every ticket by creation time: concentration, bulletins
//   "b\0<phone digits>\0<id>"          callers blocked for harassment, by the blocking ticket
//
// The layout has a number (index_layout); a data directory whose indexes were written under an
// older one is reindexed once at start-up (index_upgrade.h).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "workflow/ticket.h"

namespace hotline::actors {

/// The number of this layout. 1: before the listing lists (no n, m, r, t, y, a, d, e, k keys;
/// s, h, o, v, p in id order; l not written for older tickets).
constexpr std::uint64_t index_layout = 2;

/// Every index key of `s` and its value ("" but for k), none if it does not exist.
std::map<std::string, std::string> index_keys(const workflow::ticket_state& s);

/// The prefix of list `tag` for `value`: "<tag>\0<value>\0".
std::string list_prefix(char tag, std::string_view value = {});

/// The value of the region-and-topic list.
std::string region_topic(std::string_view region, std::string_view topic);

/// Where a ticket sorts: its creation time and next due (D as above), both as time keys.
struct sort_keys {
  std::string created;  // T
  std::string due;      // D
};
/// The key of a ticket's sort keys, and their decoding (nothing if malformed).
std::string sort_keys_key(const std::string& id);
std::optional<sort_keys> read_sort_keys(std::string_view value);

/// D for a next due, or for none.
std::string due_time_key(std::optional<workflow::instant> due);
/// The next due a D stands for (nothing for none).
std::optional<workflow::instant> due_of(std::string_view due_key);

// The lead index, read at start-up for the figures by department.
std::string lead_prefix();
std::string blocked_prefix(const std::string& phone);
std::string created_prefix();

}  // namespace hotline::actors
