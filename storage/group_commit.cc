#include "storage/group_commit.h"

#include <future>

namespace hotline::storage {

group_committer::group_committer(write_group write, bool synced, std::size_t max_group)
    : write_(std::move(write)),
      synced_(synced),
      max_group_(max_group),
      writer_([this] { run(); }) {}

group_committer::~group_committer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  writer_.join();
}

void group_committer::submit(batch b, commit_callback done) {
  std::string failed;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (failure_.empty()) {
      queue_.push_back({std::move(b), std::move(done)});
      ++stats_.pending;
    } else {
      failed = failure_;
    }
  }
  if (!failed.empty()) {
    done(failed);
    return;
  }
  wake_.notify_one();
}

store_stats group_committer::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  store_stats s = stats_;
  s.failure = failure_;
  return s;
}

void group_committer::note_read_error(const std::string& what) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.read_errors;
  stats_.last_read_error = what;
}

void group_committer::run() {
  std::vector<pending_commit> group;
  std::vector<batch*> batches;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      while (!queue_.empty() && group.size() < max_group_) {
        group.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    batches.clear();
    std::uint64_t keys = 0;
    for (auto& p : group) {
      batches.push_back(&p.b);
      keys += p.b.size();
    }
    std::string error = write_(batches);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stats_.pending -= group.size();
      if (error.empty()) {
        stats_.batches += group.size();
        stats_.writes += 1;
        stats_.syncs += synced_ ? 1 : 0;
        stats_.keys += keys;
      } else if (failure_.empty()) {
        failure_ = "storage failed: " + error;
        error = failure_;
        // Nothing queued behind a failed write may be acknowledged.
        for (auto& p : queue_) group.push_back(std::move(p));
        stats_.pending -= queue_.size();
        queue_.clear();
      }
    }
    for (auto& p : group) p.done(error);
    group.clear();
  }
}

std::optional<std::string> store::get(family f, std::string_view key) const {
  return read(f, key).value;
}

std::string store::commit_and_wait(batch b) {
  std::promise<std::string> done;
  auto result = done.get_future();
  commit(std::move(b), [&done](const std::string& error) { done.set_value(error); });
  return result.get();
}

const char* family_name(family f) {
  static const char* names[] = {"events",   "snapshots", "indexes",     "due",       "idempotency",
                                "counters", "outbox",    "attachments", "knowledge", "journal"};
  return names[static_cast<std::size_t>(f)];
}

std::string be64(std::uint64_t v) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i, v >>= 8) out[i] = static_cast<char>(v & 0xff);
  return out;
}

std::uint64_t read_be64(std::string_view bytes) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8 && i < bytes.size(); ++i)
    v = (v << 8) | static_cast<unsigned char>(bytes[i]);
  return v;
}

// Flipping the sign bit makes two's-complement values sort as unsigned big-endian bytes.
std::string time_key(std::int64_t seconds) {
  return be64(static_cast<std::uint64_t>(seconds) ^ (std::uint64_t{1} << 63));
}

std::int64_t read_time_key(std::string_view bytes) {
  return static_cast<std::int64_t>(read_be64(bytes) ^ (std::uint64_t{1} << 63));
}

}  // namespace hotline::storage
