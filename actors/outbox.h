#pragma once
// The outbox: messages owed to the outside (workflow/outgoing.h), written in the same atomic
// batch as the events that called for them, so a change is never durable without its messages
// nor a message without its change. The delivery actor (delivery_actor.cc) carries them.
//   outbox  "<message id>"   an entry: the message, its attempts, its last error; deleted once
//                            delivered, kept with failed=true once refused for good
//   counters "outbox_delivered"  how many were delivered, for /metrics

#include <string>
#include <vector>

#include "actors/outbox_entry.h"
#include "storage/store.h"

namespace hotline::actors {

/// The writes that put `messages` in the outbox.
storage::batch outbox_writes(const std::vector<workflow::outgoing_message>& messages);
/// Every entry in the outbox, in id order, at most `limit`; the error that cut the scan short.
std::string read_outbox(const storage::store& db, std::size_t limit,
                        std::vector<outbox_entry>& out);

extern const std::string outbox_delivered_key;

}  // namespace hotline::actors
