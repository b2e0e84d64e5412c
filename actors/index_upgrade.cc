#include "actors/index_upgrade.h"

#include <cstdio>

#include "actors/index_keys.h"

namespace hotline::actors {
using storage::family;

const std::string index_layout_key = "index_layout";

namespace {

constexpr std::size_t keys_per_batch = 10000;
constexpr std::size_t tickets_per_batch = 1000;

// Deletes every key of the indexes, a batch at a time (a scan does not write under itself).
std::string drop_indexes(storage::store& db) {
  for (std::string from;;) {
    storage::batch b;
    std::string error = db.scan(family::indexes, from, "", [&](std::string_view key, auto) {
      b.push_back({family::indexes, std::string(key), std::nullopt});
      return b.size() < keys_per_batch;
    });
    if (!error.empty()) return error;
    if (b.empty()) return {};
    from = b.back().key + '\0';
    if (error = db.commit_and_wait(std::move(b)); !error.empty()) return error;
  }
}

}  // namespace

std::string upgrade_indexes(const ticket_repository& repo) {
  storage::store& db = repo.db();
  auto stored = db.read(family::counters, index_layout_key);
  if (stored.failed()) return "the index layout: " + stored.error;
  if (stored.value && storage::read_be64(*stored.value) >= index_layout) return {};
  auto ids = repo.all_ids();
  if (ids.failed()) return ids.error();
  if (!ids->empty())
    std::fprintf(stderr, "indexing %zu tickets for index layout %llu (once)\n", ids->size(),
                 static_cast<unsigned long long>(index_layout));
  if (auto error = drop_indexes(db); !error.empty()) return "dropping the old indexes: " + error;
  storage::batch b;
  for (std::size_t i = 0; i < ids->size(); ++i) {
    auto state = repo.load((*ids)[i]);
    if (state.failed()) return state.error();
    if (state)
      for (auto& [key, value] : index_keys(*state))
        b.push_back({family::indexes, key, std::move(value)});
    if ((i + 1) % tickets_per_batch == 0 || i + 1 == ids->size()) {
      if (auto error = db.commit_and_wait(std::move(b)); !error.empty()) return error;
      b.clear();
    }
  }
  return db.commit_and_wait({{family::counters, index_layout_key, storage::be64(index_layout)}});
}

}  // namespace hotline::actors
