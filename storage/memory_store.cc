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
  explicit memory_store(memory_faults faults)
      : faults_(faults),
        committer_([this](const std::vector<batch*>& g) { return apply(g); }, true) {}

  void commit(batch b, commit_callback done) override {
    committer_.submit(std::move(b), std::move(done));
  }

  read_result read(family f, std::string_view key) const override {
    read_result r;
    if (injected(reads_, faults_.read, r.error)) return r;
    std::shared_lock lock(mutex_);
    const auto& m = data_[static_cast<std::size_t>(f)];
    auto it = m.find(key);
    if (it != m.end()) r.value = it->second;
    return r;
  }

  std::string scan(family f, std::string_view from, std::string_view to,
                   const scan_visitor& visit) const override {
    std::string error;
    if (injected(reads_, faults_.read, error)) return error;
    std::shared_lock lock(mutex_);
    const auto& m = data_[static_cast<std::size_t>(f)];
    for (auto it = m.lower_bound(from); it != m.end(); ++it) {
      if (!to.empty() && it->first >= to) break;
      if (!visit(it->first, it->second)) break;
    }
    return {};
  }

  store_stats stats() const override { return committer_.stats(); }
  bool durable() const override { return true; }
  void note_read_error(const std::string& what) const override { committer_.note_read_error(what); }

 private:
  // Whether this call is the one to fail; if so `error` says so and the failure is counted.
  bool injected(std::atomic<std::uint64_t>& calls, std::uint64_t fail_at,
                std::string& error) const {
    if (++calls != fail_at) return false;
    error = "injected failure of read " + std::to_string(fail_at);
    committer_.note_read_error(error);
    return true;
  }

  std::string apply(const std::vector<batch*>& group) {
    ++writes_;
    if (writes_ == faults_.write) return "injected failure of write " + std::to_string(writes_);
    if (writes_ == faults_.sync) return "injected failure of sync " + std::to_string(writes_);
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

  const memory_faults faults_;
  mutable std::atomic<std::uint64_t> reads_{0};
  std::uint64_t writes_ = 0;  // the writer thread's only
  mutable std::shared_mutex mutex_;
  std::array<std::map<std::string, std::string, std::less<>>, family_count> data_;
  mutable group_committer committer_;  // last: its thread stops before the maps go
};

}  // namespace

std::unique_ptr<store> open_memory_store(memory_faults faults) {
  return std::make_unique<memory_store>(faults);
}

}  // namespace hotline::storage
