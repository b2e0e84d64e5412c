#include "actors/outbox.h"

#include "actors/codec.h"

namespace hotline::actors {

const std::string outbox_delivered_key = "outbox_delivered";

outbox_entry fresh_entry(workflow::outgoing_message m) {
  outbox_entry e;
  e.message = std::move(m);
  return e;
}

storage::batch outbox_writes(const std::vector<workflow::outgoing_message>& messages) {
  storage::batch b;
  for (const auto& m : messages) b.push_back({storage::family::outbox, m.id, encode(fresh_entry(m))});
  return b;
}

std::string read_outbox(const storage::store& db, std::size_t limit,
                        std::vector<outbox_entry>& out) {
  return db.scan(storage::family::outbox, "", "", [&](std::string_view key, std::string_view v) {
    if (auto e = decode_outbox_entry(v))
      out.push_back(std::move(*e));
    else
      db.note_read_error("outbox entry " + std::string(key) + " cannot be decoded");
    return out.size() < limit;
  });
}

}  // namespace hotline::actors
