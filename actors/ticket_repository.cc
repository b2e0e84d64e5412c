#include "actors/ticket_repository.h"

#include <algorithm>
#include <set>

#include "actors/codec.h"
#include "actors/index_keys.h"
#include "workflow/across_tickets.h"

namespace hotline::actors {
using namespace workflow;
using storage::family;

namespace {

const std::string sep(1, '\0');

std::string event_key(const std::string& id, std::uint64_t seq) {
  return id + sep + storage::be64(seq);
}

std::set<std::string> due_keys(const ticket_state& s) {
  std::set<std::string> keys;
  for (const auto& d : deadlines(s)) keys.insert(due_key(d.due, s.id, d.kind));
  return keys;
}

// Puts for keys only in `after`, deletes for keys only in `before`.
void diff(family f, const std::set<std::string>& before, const std::set<std::string>& after,
          storage::batch& out) {
  for (const auto& k : before)
    if (!after.count(k)) out.push_back({f, k, std::nullopt});
  for (const auto& k : after)
    if (!before.count(k)) out.push_back({f, k, std::string()});
}

// The same for keys with values: a put also where the value changed.
void diff(family f, const std::map<std::string, std::string>& before,
          const std::map<std::string, std::string>& after, storage::batch& out) {
  for (const auto& [k, v] : before)
    if (!after.count(k)) out.push_back({f, k, std::nullopt});
  for (const auto& [k, v] : after)
    if (auto it = before.find(k); it == before.end() || it->second != v) out.push_back({f, k, v});
}

// The id at the end of an index key.
std::string last_part(std::string_view key) {
  auto pos = key.rfind('\0');
  return std::string(key.substr(pos + 1));
}

std::string scan_prefix(const storage::store& db, family f, const std::string& prefix,
                        const storage::scan_visitor& visit) {
  std::string end = prefix;
  end.back() = static_cast<char>(end.back() + 1);  // prefixes here end in '\0'
  return db.scan(f, prefix, end, visit);
}

}  // namespace

// An idempotency record starts with what it records; a record without that byte is the
// previous format, "<ticket>\n<version>" or "refused\n<rejection>", and is read as such.
constexpr char carried_out_tag = '\x01', refused_tag = '\x02', rejected_tag = '\x03';
const std::string previous_refused = "refused\n";

storage::write_op idempotency_record(const std::string& key, const std::string& ticket,
                                     std::uint64_t version) {
  return {family::idempotency, key, carried_out_tag + ticket + '\n' + std::to_string(version)};
}

storage::write_op idempotency_record(const std::string& key, const refusal& r) {
  return {family::idempotency, key, refused_tag + encode(r)};
}

storage::write_op rejection_record(const std::string& key, const std::string& rejected) {
  return {family::idempotency, key, rejected_tag + rejected};
}

lookup<first_answer> ticket_repository::first_answer_to(const std::string& key) const {
  auto stored = db_.read(family::idempotency, key);
  if (stored.failed())
    return lookup<first_answer>::failed("an idempotency record: " + stored.error);
  if (!stored.value) return {};
  std::string_view v = *stored.value;
  auto undecodable = [&] {
    std::string why = "the idempotency record of a request cannot be decoded";
    db_.note_read_error(why);
    return lookup<first_answer>::failed(why);
  };
  first_answer a;
  if (!v.empty() && v[0] == refused_tag) {
    a.refusal = decode_refusal(v.substr(1));
    if (!a.refusal) return undecodable();
    return a;
  }
  if (!v.empty() && v[0] == rejected_tag) {
    a.rejected = std::string(v.substr(1));
    return a;
  }
  if (v.compare(0, previous_refused.size(), previous_refused) == 0) {
    a.rejected = std::string(v.substr(previous_refused.size()));
    return a;
  }
  if (!v.empty() && v[0] == carried_out_tag) v.remove_prefix(1);
  auto nl = v.find('\n');
  if (nl == std::string_view::npos) return undecodable();
  std::string ticket(v.substr(0, nl));
  std::uint64_t version = std::strtoull(std::string(v.substr(nl + 1)).c_str(), nullptr, 10);
  auto events = history(ticket);
  if (events.failed()) return lookup<first_answer>::failed(events.error());
  if (events->size() < version || version == 0) return undecodable();
  events->resize(version);  // seq n is at index n - 1: the ticket as that command left it
  a.ticket = stored_ticket{replay(*events), std::move(*events)};
  return a;
}

lookup<std::size_t> ticket_repository::count_due() const {
  std::size_t n = 0;
  std::string error = db_.scan(family::due, "", "", [&](auto, auto) { return ++n, true; });
  if (!error.empty()) return lookup<std::size_t>::failed("the due index: " + error);
  return n;
}

std::string due_key(instant due, const std::string& ticket, deadline_kind kind) {
  return storage::time_key(due.seconds) + ticket + sep + static_cast<char>(kind);
}

storage::batch ticket_repository::changes(const ticket_state& before, const ticket_state& after,
                                          const std::vector<event_record>& events) const {
  storage::batch b;
  if (events.empty()) return b;
  b.push_back({family::events, event_key(after.id, events.front().seq), encode(events)});
  b.push_back({family::snapshots, after.id, encode(after)});
  diff(family::due, due_keys(before), due_keys(after), b);
  diff(family::indexes, index_keys(before), index_keys(after), b);
  return b;
}

lookup<ticket_state> ticket_repository::load(const std::string& id) const {
  // Every batch writes the snapshot, so it is the durable state; replay is the fallback (for a
  // snapshot in a layout this version does not read).
  auto snap = db_.read(family::snapshots, id);
  if (snap.failed()) return lookup<ticket_state>::failed("ticket " + id + ": " + snap.error);
  if (snap.value)
    if (auto decoded = decode_state(*snap.value)) return std::move(*decoded);
  auto events = history(id);
  if (events.failed()) return lookup<ticket_state>::failed(events.error());
  if (events->empty()) return {};
  return replay(*events);
}

lookup<std::vector<event_record>> ticket_repository::history(const std::string& id) const {
  std::vector<event_record> all;
  std::string undecodable;
  std::string error =
      scan_prefix(db_, family::events, id + sep, [&](std::string_view key, std::string_view value) {
        auto events = decode_events(value);
        if (!events) {
          undecodable = "ticket " + id + ": the record of event " +
                        std::to_string(storage::read_be64(key.substr(id.size() + 1))) +
                        " cannot be decoded";
          return false;
        }
        all.insert(all.end(), events->begin(), events->end());
        return true;
      });
  if (!undecodable.empty()) {
    db_.note_read_error(undecodable);
    return lookup<std::vector<event_record>>::failed(undecodable);
  }
  if (!error.empty())
    return lookup<std::vector<event_record>>::failed("ticket " + id + ": " + error);
  return all;
}

lookup<std::vector<due_entry>> ticket_repository::due_until(instant until, std::size_t limit,
                                                            const std::string& after_key) const {
  std::vector<due_entry> out;
  std::string from = after_key.empty() ? "" : after_key + std::string(1, '\0');
  std::string error = db_.scan(family::due, from, storage::time_key(until.seconds + 1),
                               [&](std::string_view key, std::string_view) {
                                 due_entry e;
                                 e.due.seconds = storage::read_time_key(key.substr(0, 8));
                                 e.ticket = std::string(key.substr(8, key.size() - 10));
                                 e.kind = static_cast<deadline_kind>(key.back());
                                 out.push_back(std::move(e));
                                 return out.size() < limit;
                               });
  if (!error.empty()) return lookup<std::vector<due_entry>>::failed("the due index: " + error);
  return out;
}

lookup<std::vector<std::pair<status, std::size_t>>> ticket_repository::count_by_status() const {
  std::vector<std::pair<status, std::size_t>> out;
  for (std::size_t i = 0; i < count_of<status>(); ++i) {
    auto st = static_cast<status>(i);
    std::size_t n = 0;
    std::string error = scan_prefix(db_, family::indexes, list_prefix('s', name_of(st)),
                                    [&](auto, auto) { return ++n, true; });
    if (!error.empty()) return lookup<decltype(out)>::failed("the status index: " + error);
    out.emplace_back(st, n);
  }
  return out;
}

lookup<std::map<std::string, lead_load>> ticket_repository::count_open_by_lead() const {
  std::map<std::string, lead_load> out;
  std::string error =
      scan_prefix(db_, family::indexes, lead_prefix(), [&](std::string_view key, std::string_view) {
        // l \0 lead \0 overdue \0 id
        auto lead_end = key.find('\0', 2);
        auto& load = out[std::string(key.substr(2, lead_end - 2))];
        ++load.open;
        load.overdue += key[lead_end + 1] == '1';
        return true;
      });
  if (!error.empty()) return lookup<decltype(out)>::failed("the lead index: " + error);
  return out;
}

lookup<std::vector<std::string>> ticket_repository::open_ids() const {
  std::vector<std::string> out;
  std::string error =
      scan_prefix(db_, family::indexes, lead_prefix(), [&](std::string_view key, std::string_view) {
        out.emplace_back(key.substr(key.rfind('\0') + 1));  // l \0 lead \0 overdue \0 id
        return true;
      });
  if (!error.empty()) return lookup<decltype(out)>::failed("the lead index: " + error);
  return out;
}

lookup<std::vector<submission_entry>> ticket_repository::submissions_since(instant from) const {
  std::vector<submission_entry> out;
  std::string error =
      db_.scan(family::indexes, created_prefix() + storage::time_key(from.seconds),
               "c" + std::string(1, '\1'), [&](std::string_view key, std::string_view) {
                 // c \0 <time:8> \0 topic \0 region \0 id
                 submission_entry e;
                 e.at.seconds = storage::read_time_key(key.substr(2, 8));
                 std::string_view rest = key.substr(11);
                 auto a = rest.find('\0'), b = rest.find('\0', a + 1);
                 e.topic = std::string(rest.substr(0, a));
                 e.region = std::string(rest.substr(a + 1, b - a - 1));
                 e.ticket = std::string(rest.substr(b + 1));
                 out.push_back(std::move(e));
                 return true;
               });
  if (!error.empty()) return lookup<decltype(out)>::failed("the creation index: " + error);
  return out;
}

lookup<std::vector<std::string>> ticket_repository::created_between(instant from,
                                                                    instant to) const {
  std::vector<std::string> ids;
  std::string error = db_.scan(family::indexes, created_prefix() + storage::time_key(from.seconds),
                               created_prefix() + storage::time_key(to.seconds),
                               [&](std::string_view key, std::string_view) {
                                 ids.push_back(last_part(key));
                                 return true;
                               });
  if (!error.empty()) return lookup<decltype(ids)>::failed("the creation index: " + error);
  return ids;
}

lookup<std::vector<std::string>> ticket_repository::all_ids() const {
  std::vector<std::string> ids;
  std::string error = db_.scan(family::snapshots, "", "", [&](std::string_view id, auto) {
    ids.emplace_back(id);
    return true;
  });
  if (!error.empty()) return lookup<decltype(ids)>::failed("the snapshots: " + error);
  return ids;
}

lookup<std::vector<blocked_caller>> ticket_repository::blocked_callers(std::size_t limit) const {
  std::vector<blocked_caller> out;
  std::string error = scan_prefix(db_, family::indexes, "b" + sep, [&](std::string_view key, auto) {
    key.remove_prefix(2);  // "b\0"
    auto end = key.find('\0');
    out.push_back({std::string(key.substr(0, end)), std::string(key.substr(end + 1))});
    return out.size() < limit;
  });
  if (!error.empty()) return lookup<decltype(out)>::failed("the block index: " + error);
  return out;
}

lookup<std::string> ticket_repository::blocked_by(const std::string& phone) const {
  lookup<std::string> found;
  std::string error =
      scan_prefix(db_, family::indexes, blocked_prefix(phone), [&](std::string_view key, auto) {
        found = last_part(key);
        return false;
      });
  if (!error.empty()) return lookup<std::string>::failed("the block index: " + error);
  return found;
}

lookup<std::string> ticket_repository::last_id(const std::string& prefix) const {
  lookup<std::string> last;
  std::string end = prefix;
  end.push_back('\xff');
  std::string error =
      db_.scan(family::snapshots, prefix, end, [&](std::string_view key, std::string_view) {
        last = std::string(key);
        return true;
      });
  if (!error.empty()) return lookup<std::string>::failed("the ticket ids: " + error);
  return last;
}

}  // namespace hotline::actors
