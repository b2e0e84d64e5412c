#pragma once
// Brings a data directory's indexes up to this version's layout (index_keys.h), once.

#include <string>

#include "actors/ticket_repository.h"

namespace hotline::actors {

/// Where the layout number is kept (family counters).
extern const std::string index_layout_key;

/// If the data directory's indexes were written under an older layout (or before layouts were
/// numbered), drops every index key and writes each ticket's again from its durable state, in
/// batches, then records the layout; a directory already at this layout is left alone. The
/// number goes last, so an upgrade cut short starts over at the next start-up. Call before
/// anything reads or writes the indexes. The error, or "".
std::string upgrade_indexes(const ticket_repository& repo);

}  // namespace hotline::actors
