#pragma once
// Internal to actors/: where attachments' bytes live. The `attachments` family holds
//   "<sha256 in hex>" -> the bytes
// written in the same atomic batch as the `attached` event that records them on a ticket. Keyed
// by content, the same bytes are stored once however many tickets carry them; nothing deletes
// them (archived records are kept, 000 art. 17).

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actors/queries.h"
#include "storage/store.h"
#include "workflow/events.h"

namespace hotline::actors {

/// The sha256 of `bytes`, 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

/// The writes that store `bytes` for the `attached` events among `events` (none if none).
std::vector<storage::write_op> attachment_writes(const std::vector<workflow::event_record>& events,
                                                 const std::string& bytes);

/// The bytes stored under `digest`; absent if none, failed if the store cannot answer.
lookup<std::string> read_attachment(const storage::store& db, const std::string& digest);

}  // namespace hotline::actors
