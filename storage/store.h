#pragma once
// The storage's narrow face: atomic batches of puts and deletes across a few column families,
// point reads and ordered scans. Two implementations: RocksDB (rocksdb_store.h) and memory
// (memory_store.h), both behind the same group commit (group_commit.h).
//
// Durability: commit() calls back only once its batch is durable (synced to the WAL unless the
// store was opened without sync). Batches become durable in the order commit() was called.
// After a failed write the store is failed: every later commit fails too, so nothing written
// after a loss is ever acknowledged.

#ifndef HOTLINE_LINKS_STORAGE
#error "storage/ is internal to actors/: reach it through actors::runtime (docs/runtime.md)"
#endif

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hotline::storage {

enum class family : std::uint8_t {
  events,
  snapshots,
  indexes,
  due,
  idempotency,
  counters,
  outbox,
  attachments,  // a ticket's files by the sha256 of their bytes (actors/attachment_store.h)
  knowledge,    // the knowledge base's entries, by id
  journal,      // what the full-text index has not seen yet, by sequence
};
constexpr std::size_t family_count = 10;
const char* family_name(family f);

/// One put (value set) or delete (no value).
struct write_op {
  family in = family::events;
  std::string key;
  std::optional<std::string> value;
};
using batch = std::vector<write_op>;

/// Called once per commit: an empty string when durable, else what went wrong.
/// Runs on the store's writer thread: keep it short (set a promise, send a message).
using commit_callback = std::function<void(const std::string& error)>;

/// Return false to stop a scan.
using scan_visitor = std::function<bool(std::string_view key, std::string_view value)>;

/// A point read: the value, no value (the key is absent), or the error that kept the store from
/// answering. An error is never "absent": a caller that cannot tell says so, it does not guess.
struct read_result {
  std::optional<std::string> value;
  std::string error;
  bool failed() const { return !error.empty(); }
};

struct store_stats {
  std::uint64_t batches = 0;      // commit() calls made durable
  std::uint64_t writes = 0;       // grouped writes to the engine
  std::uint64_t syncs = 0;        // of which synced
  std::uint64_t keys = 0;         // puts and deletes written
  std::uint64_t pending = 0;      // batches waiting for the writer now
  std::string failure;            // why the store is failed (every commit now fails), or ""
  std::uint64_t read_errors = 0;  // reads and scans the engine could not answer, and records
                                  // that could not be decoded (see note_read_error)
  std::string last_read_error;
};

/// An ordered walk over one family that can jump forward, for intersecting index ranges
/// (actors/ticket_search.cc). Not thread-safe; it must not outlive its store.
class cursor {
 public:
  virtual ~cursor() = default;
  /// Moves to the first key >= `key` (and below the cursor's bound); false at the end or on error.
  virtual bool seek(std::string_view key) = 0;
  /// Moves to the next key; false at the end or on error. REQUIRES: the last move found a key.
  virtual bool next() = 0;
  /// REQUIRES: the last move found a key.
  virtual std::string_view key() const = 0;
  /// The error that ended the walk (counted in stats()), or "".
  virtual std::string error() const = 0;
};

class store {
 public:
  virtual ~store() = default;
  /// Applies `b` atomically and calls `done` once it is durable or failed. Thread-safe.
  virtual void commit(batch b, commit_callback done) = 0;
  /// Commits `b` and waits for it; the error, or an empty string.
  std::string commit_and_wait(batch b);
  virtual read_result read(family f, std::string_view key) const = 0;
  /// The value, or nothing if absent or unreadable (a read error is counted in stats()). For
  /// callers that cannot act on the difference; whoever can uses read().
  std::optional<std::string> get(family f, std::string_view key) const;
  /// Visits keys in [from, to) in order (`to` empty: to the end) until `visit` returns false.
  /// The error that cut the scan short (counted in stats()), or "" when it ran to the end or the
  /// visitor stopped it.
  virtual std::string scan(family f, std::string_view from, std::string_view to,
                           const scan_visitor& visit) const = 0;
  /// A cursor over keys of `f` below `to` (empty: to the end), not yet positioned.
  virtual std::unique_ptr<cursor> open_cursor(family f, std::string_view to) const = 0;
  virtual store_stats stats() const = 0;
  /// Records a read error found above the engine (a stored record that cannot be decoded), so
  /// that operators see it in stats() alongside the engine's own.
  virtual void note_read_error(const std::string& what) const = 0;
  /// Whether commits are synced to disk before they are acknowledged.
  virtual bool durable() const = 0;
};

/// Big-endian encodings, so that keys sort by number.
std::string be64(std::uint64_t v);
std::uint64_t read_be64(std::string_view bytes);
/// An instant (seconds, may be negative) as a key part that sorts in time order.
std::string time_key(std::int64_t seconds);
std::int64_t read_time_key(std::string_view bytes);

}  // namespace hotline::storage
