#include "actors/search_indexer.h"

#include <algorithm>
#include <cstdlib>

#include "workflow/searchable.h"

namespace hotline::actors {
namespace {

const std::string stamp_key = "indexed_through";
// Set by the commit that ends a rebuild: an index without it (new, or a rebuild cut short) is
// rebuilt.
const std::string complete_key = "complete";
constexpr auto retry_after = std::chrono::seconds(1);

std::uint64_t greatest_seq(const std::vector<journal_entry>& entries, std::uint64_t at_least) {
  for (const auto& e : entries) at_least = std::max(at_least, e.seq);
  return at_least;
}

// An entry's searchable text into the index, under its id.
std::string put_entry(search::text_index& index, const workflow::knowledge_entry& e) {
  auto text = workflow::searchable(e);
  return index.put(search::collection::knowledge, e.id, text.title, text.text);
}

}  // namespace

search_indexer::search_indexer(const ticket_repository& tickets, commit_fn commit,
                               const std::string& dir, std::string& error)
    : tickets_(tickets), commit_(std::move(commit)), dir_(dir) {
  index_ = search::text_index::open(dir, false, error);
  if (!index_) return;
  // Sequence numbers go on from the greatest the store has seen, so none is used twice.
  auto through = indexed_through(tickets_.db());
  auto journal = read_journal(tickets_.db());
  for (const auto* failed : {&through.error(), &journal.error()})
    if (!failed->empty()) {
      error = "the search journal: " + *failed;
      return;
    }
  last_seq_ = greatest_seq(*journal, *through);
  thread_ = std::thread([this] { run(); });
}

search_indexer::~search_indexer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void search_indexer::journaled(journal_entry e) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(e));
    ++journaled_;
    ++figures_.pending;
  }
  changed_.notify_all();
}

bool search_indexer::wait_current(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  const std::uint64_t target = journaled_;
  changed_.wait_for(lock, timeout, [&] { return stop_ || (ready_ && done_ >= target); });
  return ready_ && done_ >= target;
}

std::vector<std::string> search_indexer::find(search::collection c, const std::string& query,
                                              std::size_t first, std::size_t count,
                                              std::string& error) const {
  return index_->find(c, query, first, count, error);
}

search_figures search_indexer::figures() const {
  std::lock_guard<std::mutex> lock(mutex_);
  search_figures f = figures_;
  f.enabled = true;
  return f;
}

void search_indexer::failed(const std::string& error) {
  std::unique_lock<std::mutex> lock(mutex_);
  figures_.failure = error;
  changed_.wait_for(lock, retry_after, [&] { return stop_; });
}

void search_indexer::run() {
  for (;;) {
    std::string error = catch_up_at_start();
    if (error.empty()) break;
    failed(error);
    std::lock_guard<std::mutex> lock(mutex_);
    if (stop_) return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ready_ = true;
    figures_.failure.clear();
  }
  changed_.notify_all();
  for (;;) {
    std::vector<journal_entry> batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      batch.assign(queue_.begin(), queue_.end());
    }
    std::string error;
    for (const auto& e : batch)
      if (error.empty()) error = index(e);
    if (error.empty()) error = settle(batch);
    if (!error.empty()) {  // the entries stay queued (and journaled): tried again
      failed(error);
      continue;
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<long>(batch.size()));
      done_ += batch.size();
      figures_.pending -= batch.size();
      figures_.indexed += batch.size();
      figures_.failure.clear();
    }
    changed_.notify_all();
  }
}

std::string search_indexer::catch_up_at_start() {
  auto through = indexed_through(tickets_.db());
  auto journal = read_journal(tickets_.db());
  for (const auto* failed : {&through.error(), &journal.error()})
    if (!failed->empty()) return *failed;
  through_ = *through;
  if (!index_) {  // a rebuild that failed to reopen it
    std::string error;
    index_ = search::text_index::open(dir_, false, error);
    if (!index_) return error;
  }
  std::uint64_t stamped = std::strtoull(index_->stamp(stamp_key).c_str(), nullptr, 10);
  if (index_->stamp(complete_key) != "1" || stamped < *through) return rebuild(*journal, *through);
  for (const auto& e : *journal)
    if (auto error = index(e); !error.empty()) return error;
  return settle(*journal);
}

std::string search_indexer::rebuild(const std::vector<journal_entry>& journal,
                                    std::uint64_t through) {
  std::string error;
  index_.reset();  // lets go of the index's lock; no query runs before ready_
  index_ = search::text_index::open(dir_, true, error);
  if (!index_) return error;
  auto ids = tickets_.all_ids();
  if (ids.failed()) return ids.error();
  for (const auto& id : *ids)
    if (error = index({0, 't', id}); !error.empty()) return error;
  auto entries = entries_after(tickets_.db(), "", SIZE_MAX);
  if (entries.failed()) return entries.error();
  for (const auto& e : *entries)
    if (error = put_entry(*index_, e); !error.empty()) return error;
  through_ = through;
  if (error = settle(journal); !error.empty()) return error;
  std::lock_guard<std::mutex> lock(mutex_);
  ++figures_.rebuilds;
  figures_.indexed += ids->size() + entries->size();
  return {};
}

std::string search_indexer::index(const journal_entry& e) {
  if (e.kind == 'k') {
    auto entry = load_entry(tickets_.db(), e.id);
    if (entry.failed()) return entry.error();
    if (!entry) return index_->remove(search::collection::knowledge, e.id);
    return put_entry(*index_, *entry);
  }
  auto history = tickets_.history(e.id);
  if (history.failed()) return history.error();
  if (history->empty()) return index_->remove(search::collection::tickets, e.id);
  auto text = workflow::searchable(*history);
  return index_->put(search::collection::tickets, e.id, text.title, text.text);
}

// The index first (durable, stamped), then the store lets go of the journal entries: a crash
// between the two only indexes them again.
std::string search_indexer::settle(const std::vector<journal_entry>& done) {
  std::uint64_t through = greatest_seq(done, through_);
  if (auto error = index_->commit({{stamp_key, std::to_string(through)}, {complete_key, "1"}});
      !error.empty())
    return error;
  if (done.empty() && through == through_) return {};
  storage::batch b;
  for (const auto& e : done) b.push_back(journal_erase(e.seq));
  b.push_back({storage::family::counters, indexed_through_key, storage::be64(through)});
  if (auto error = commit_(std::move(b)); !error.empty()) return error;
  through_ = through;
  return {};
}

}  // namespace hotline::actors
