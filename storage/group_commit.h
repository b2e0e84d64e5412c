#pragma once
// Group commit: commits that wait at the same time share one engine write (and one sync), so a
// durable acknowledgement stays cheap under load. One writer thread drains the queue in order.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "storage/store.h"

namespace hotline::storage {

class group_committer {
 public:
  /// Writes several batches as one atomic, durable unit; returns an error or "".
  using write_group = std::function<std::string(const std::vector<batch*>& group)>;

  /// `max_group`: at most this many batches per engine write.
  group_committer(write_group write, bool synced, std::size_t max_group = 4096);
  /// Drains what is queued, then stops the writer thread.
  ~group_committer();

  void submit(batch b, commit_callback done);
  store_stats stats() const;
  /// Counts a read the store could not answer, for stats().
  void note_read_error(const std::string& what);

 private:
  struct pending_commit {
    batch b;
    commit_callback done;
  };
  void run();

  write_group write_;
  const bool synced_;
  const std::size_t max_group_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<pending_commit> queue_;
  bool stopping_ = false;
  std::string failure_;  // set once a write fails: the store is failed from then on
  store_stats stats_;
  std::thread writer_;
};

}  // namespace hotline::storage
