#include "storage/memory_store.h"

#include <array>
#include <map>
#include <shared_mutex>

#include "storage/group_commit.h"

namespace hotline::storage {
namespace {

class memory_store final : public store {
 public:
  memory_store() : committer_([this](const std::vector<batch*>& g) { return apply(g); }, true) {}

  void commit(batch b, commit_callback done) override {
    committer_.submit(std::move(b), std::move(done));
  }

  std::optional<std::string> get(family f, std::string_view key) const override {
    std::shared_lock lock(mutex_);
    const auto& m = data_[static_cast<std::size_t>(f)];
    auto it = m.find(std::string(key));
    if (it == m.end()) return std::nullopt;
    return it->second;
  }

  void scan(family f, std::string_view from, std::string_view to,
            const scan_visitor& visit) const override {
    std::shared_lock lock(mutex_);
    const auto& m = data_[static_cast<std::size_t>(f)];
    for (auto it = m.lower_bound(std::string(from)); it != m.end(); ++it) {
      if (!to.empty() && it->first >= to) break;
      if (!visit(it->first, it->second)) break;
    }
  }

  store_stats stats() const override { return committer_.stats(); }
  bool durable() const override { return true; }

 private:
  std::string apply(const std::vector<batch*>& group) {
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

  mutable std::shared_mutex mutex_;
  std::array<std::map<std::string, std::string, std::less<>>, family_count> data_;
  group_committer committer_;  // last: its thread stops before the maps go
};

}  // namespace

std::unique_ptr<store> open_memory_store() {
  return std::make_unique<memory_store>();
}

}  // namespace hotline::storage
