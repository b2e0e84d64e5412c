#pragma once
// Where the knowledge base lives in storage: one record per entry, its latest revision,
//   knowledge  "<id>"  the entry (actors/codec.h)
// and the journal the full-text index reads (search_indexer.h), written in the same atomic batch
// as the change it announces:
//   journal    "<seq, 8 bytes big-endian>"  "<t|k><ticket or entry id>"
//   counters   "search_indexed_through"     the greatest seq the index has taken and the journal
//                                           has let go of (an index stamped below it is behind)

#include <optional>
#include <string>
#include <vector>

#include "actors/queries.h"
#include "storage/store.h"
#include "workflow/knowledge.h"

namespace hotline::actors {

/// The entry `id`; absent if unknown; failed if storage cannot answer or the record not decode.
lookup<workflow::knowledge_entry> load_entry(const storage::store& db, const std::string& id);
/// Every entry with an id after `after`, in id order, at most `limit`.
lookup<std::vector<workflow::knowledge_entry>> entries_after(const storage::store& db,
                                                             const std::string& after,
                                                             std::size_t limit);
storage::write_op entry_write(const workflow::knowledge_entry& e);

/// A document the full-text index must (re)read: a ticket ('t') or an entry ('k').
struct journal_entry {
  std::uint64_t seq = 0;  // 0: none
  char kind = 't';
  std::string id;
};
storage::write_op journal_write(const journal_entry& e);
storage::write_op journal_erase(std::uint64_t seq);
/// Every journal entry, in seq order.
lookup<std::vector<journal_entry>> read_journal(const storage::store& db);

extern const std::string indexed_through_key;
/// The stored indexed-through seq (0 if none).
lookup<std::uint64_t> indexed_through(const storage::store& db);

}  // namespace hotline::actors
