#include "storage/memory_store.h"

#include <array>
#include <atomic>
#include <map>
#include <shared_mutex>

#include "storage/group_commit.h"

namespace hotline::storage {
namespace {

class memory_store final : public store {
 public:
  explicit memory_store(memory_faults* faults)
      : faults_(faults),
        committer_([this](const std::vector<batch*>& g) { return apply(g); }, true) {}

  void commit(batch b, commit_callback done) override {
    committer_.submit(std::move(b), std::move(done));
  }

  read_result read(family f, std::string_view key) const override {
    read_result r;
    if (trips(&memory_faults::read)) {
      r.error = injected("read");
      return r;
    }
    std::shared_lock lock(mutex_);
    const auto& m = data_[static_cast<std::size_t>(f)];
    auto it = m.find(key);
    if (it != m.end()) r.value = it->second;
    return r;
  }

  std::string scan(family f, std::string_view from, std::string_view to,
                   const scan_visitor& visit) const override {
    if (trips(&memory_faults::read)) return injected("scan");
    std::shared_lock lock(mutex_);
    const auto& m = data_[static_cast<std::size_t>(f)];
    for (auto it = m.lower_bound(from); it != m.end(); ++it) {
      if (!to.empty() && it->first >= to) break;
      if (!visit(it->first, it->second)) break;
    }
    return {};
  }

  std::unique_ptr<cursor> open_cursor(family f, std::string_view to) const override;

  store_stats stats() const override { return committer_.stats(); }
  bool durable() const override { return true; }
  void note_read_error(const std::string& what) const override { committer_.note_read_error(what); }

 private:
  // Counts a call of an armed kind down; whether this one is to fail.
  bool trips(std::atomic<std::uint64_t> memory_faults::*kind) const {
    if (!faults_) return false;
    auto& left = faults_->*kind;
    for (auto n = left.load(); n > 0;)
      if (left.compare_exchange_weak(n, n - 1)) return n == 1;
    return false;
  }

  std::string injected(const char* what) const {
    std::string error = std::string("injected failure of a ") + what;
    committer_.note_read_error(error);
    return error;
  }

  std::string apply(const std::vector<batch*>& group) {
    if (trips(&memory_faults::write)) return "injected failure of a write";
    if (trips(&memory_faults::sync)) return "injected failure of a sync";
    std::unique_lock lock(mutex_);
    for (const batch* b : group)
      for (const auto& op : *b) {
        auto& m = data_[static_cast<std::size_t>(op.in)];
        if (op.value)
          m[op.key] = *op.value;
        else
          m.erase(op.key);
      }
    return {};
  }

  friend class memory_cursor;
  memory_faults* const faults_;
  mutable std::shared_mutex mutex_;
  std::array<std::map<std::string, std::string, std::less<>>, family_count> data_;
  mutable group_committer committer_;  // last: its thread stops before the maps go
};

// Looks the key up again on every move, under the lock, so a cursor holds no lock between moves
// (a commit waiting for the writer never waits for a reader). Each seek counts as a read for the
// fault injection.
class memory_cursor final : public cursor {
 public:
  memory_cursor(const memory_store& s, family f, std::string_view to)
      : store_(s), f_(f), bound_(to) {}
  bool seek(std::string_view key) override {
    if (store_.trips(&memory_faults::read)) {
      error_ = store_.injected("scan");
      return false;
    }
    return move_to(key, false);
  }
  bool next() override { return move_to(key_, true); }
  std::string_view key() const override { return key_; }
  std::string error() const override { return error_; }

 private:
  bool move_to(std::string_view key, bool past) {
    std::shared_lock lock(store_.mutex_);
    const auto& m = store_.data_[static_cast<std::size_t>(f_)];
    auto it = past ? m.upper_bound(key) : m.lower_bound(key);
    if (it == m.end() || (!bound_.empty() && it->first >= bound_)) return false;
    key_ = it->first;
    return true;
  }
  const memory_store& store_;
  family f_;
  std::string bound_, key_, error_;
};

std::unique_ptr<cursor> memory_store::open_cursor(family f, std::string_view to) const {
  return std::make_unique<memory_cursor>(*this, f, to);
}

}  // namespace

std::unique_ptr<store> open_memory_store(memory_faults* faults) {
  return std::make_unique<memory_store>(faults);
}

}  // namespace hotline::storage
