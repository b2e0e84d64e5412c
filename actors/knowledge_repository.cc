#include "actors/knowledge_repository.h"

#include "actors/codec.h"

namespace hotline::actors {
using storage::family;

const std::string indexed_through_key = "search_indexed_through";

lookup<workflow::knowledge_entry> load_entry(const storage::store& db, const std::string& id) {
  auto r = db.read(family::knowledge, id);
  if (r.failed()) return lookup<workflow::knowledge_entry>::failed(r.error);
  if (!r.value) return {};
  auto e = decode_knowledge_entry(*r.value);
  if (!e) {
    db.note_read_error("knowledge entry " + id + " does not decode");
    return lookup<workflow::knowledge_entry>::failed("knowledge entry " + id + " does not decode");
  }
  return std::move(*e);
}

lookup<std::vector<workflow::knowledge_entry>> entries_after(const storage::store& db,
                                                             const std::string& after,
                                                             std::size_t limit) {
  std::vector<workflow::knowledge_entry> out;
  std::string bad;
  std::string from = after.empty() ? std::string() : after + std::string(1, '\0');
  std::string error = db.scan(family::knowledge, from, "", [&](auto key, auto value) {
    auto e = decode_knowledge_entry(value);
    if (!e) {
      bad = "knowledge entry " + std::string(key) + " does not decode";
      return false;
    }
    out.push_back(std::move(*e));
    return out.size() < limit;
  });
  if (!bad.empty()) {
    db.note_read_error(bad);
    error = bad;
  }
  if (!error.empty()) return lookup<std::vector<workflow::knowledge_entry>>::failed(error);
  return out;
}

storage::write_op entry_write(const workflow::knowledge_entry& e) {
  return {family::knowledge, e.id, encode(e)};
}

storage::write_op journal_write(const journal_entry& e) {
  return {family::journal, storage::be64(e.seq), std::string(1, e.kind) + e.id};
}

storage::write_op journal_erase(std::uint64_t seq) {
  return {family::journal, storage::be64(seq), std::nullopt};
}

lookup<std::vector<journal_entry>> read_journal(const storage::store& db) {
  std::vector<journal_entry> out;
  std::string error = db.scan(family::journal, "", "", [&](auto key, auto value) {
    if (key.size() == 8 && !value.empty())
      out.push_back({storage::read_be64(key), value[0], std::string(value.substr(1))});
    return true;
  });
  if (!error.empty()) return lookup<std::vector<journal_entry>>::failed("the journal: " + error);
  return out;
}

lookup<std::uint64_t> indexed_through(const storage::store& db) {
  auto r = db.read(family::counters, indexed_through_key);
  if (r.failed()) return lookup<std::uint64_t>::failed(r.error);
  return r.value ? storage::read_be64(*r.value) : std::uint64_t{0};
}

}  // namespace hotline::actors
