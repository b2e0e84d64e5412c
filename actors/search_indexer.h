#pragma once
// Internal to actors/: keeps the full-text index (search/text_index.h) up with the store. The
// store is the truth; the index is derived from it:
// - every change a search can see (a ticket's submission, direct answer or reply; a knowledge
//   entry's write) puts a journal entry in its own atomic batch (knowledge_repository.h);
// - once that batch is durable, the writer hands the entry here (journaled); a thread of its own
//   re-reads the document from the store, indexes it, commits the index, then erases the
//   journal entries and raises the stored indexed-through seq in one batch;
// - at start-up, what the journal still holds is indexed first; an index that is missing, or
//   stamped below the stored indexed-through seq (behind: restored from an old copy, or from
//   another data directory), is rebuilt from every ticket and entry in the store.
// Queries wait until every entry journaled before them is indexed (wait_current), so a client
// that has its 2xx finds what it wrote.
//
// Thread-safety: every member may be called from any thread.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "actors/knowledge_queries.h"
#include "actors/knowledge_repository.h"
#include "actors/ticket_repository.h"
#include "search/text_index.h"

namespace hotline::actors {

class search_indexer {
 public:
  /// Commits a batch and waits for it to be durable: the error, or "".
  using commit_fn = std::function<std::string(storage::batch)>;

  /// Opens the index in `dir` and starts catching up with the store (in the background).
  /// `error` is set, and nothing else happens, if the index cannot be opened.
  search_indexer(const ticket_repository& tickets, commit_fn commit, const std::string& dir,
                 std::string& error);
  /// Stops; what is not indexed yet stays in the journal for the next start.
  ~search_indexer();

  /// A fresh journal sequence number, for a batch about to be committed.
  std::uint64_t next_seq() { return ++last_seq_; }
  /// The batch holding `e` is durable: index it.
  void journaled(journal_entry e);
  /// Waits until everything journaled before the call is indexed; whether it got there.
  bool wait_current(std::chrono::milliseconds timeout);
  /// Ids of `c`'s documents matching `query`, best first, ranks [first, first + count).
  std::vector<std::string> find(search::collection c, const std::string& query, std::size_t first,
                                std::size_t count, std::string& error) const;
  search_figures figures() const;

 private:
  void run();
  std::string catch_up_at_start();
  std::string rebuild(const std::vector<journal_entry>& journal, std::uint64_t through);
  std::string index(const journal_entry& e);
  std::string settle(const std::vector<journal_entry>& done);
  void failed(const std::string& error);

  const ticket_repository& tickets_;
  commit_fn commit_;
  std::string dir_;
  std::unique_ptr<search::text_index> index_;
  std::atomic<std::uint64_t> last_seq_{0};
  std::uint64_t through_ = 0;  // the greatest seq settled (index and store agree up to it)

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<journal_entry> queue_;
  bool ready_ = false;  // start-up's catch-up is done
  bool stop_ = false;
  std::uint64_t journaled_ = 0, done_ = 0;  // entries handed over since start-up, and indexed
  search_figures figures_;
  std::thread thread_;
};

}  // namespace hotline::actors
