// The knowledge base's rules: who writes which entry, what an entry holds, when it is in force
// and when it is stale.
#include "workflow/knowledge.h"

#include <tuple>

#include "workflow/decide_support.h"

namespace hotline::workflow {
namespace {

using detail::forbidden;

bool same(const knowledge_fields& a, const knowledge_fields& b) {
  return std::tie(a.title, a.body, a.owner, a.source, a.from_topic, a.valid_from, a.valid_to,
                  a.review_by) == std::tie(b.title, b.body, b.owner, b.source, b.from_topic,
                                           b.valid_from, b.valid_to, b.review_by);
}

bool center_staff(const actor_ref& by) {
  return by.who == role::operator_ || by.who == role::supervisor;
}

// A department keeps the entries of its own subtree (the units under it act through it too).
bool keeps(const actor_ref& by, const std::string& owner, const department_tree& tree) {
  return owner == by.department || tree.is_ancestor(by.department, owner);
}

std::optional<refusal> check_writer(const std::optional<knowledge_entry>& current,
                                    const knowledge_fields& wanted, const actor_ref& by,
                                    const department_tree& tree) {
  if (center_staff(by)) return std::nullopt;
  if (by.who != role::department)
    return forbidden("Only the hotline center's staff and the owning units write knowledge.");
  if (current && !keeps(by, current->fields.owner, tree))
    return forbidden("Department " + by.department + " does not own this entry (" +
                     current->fields.owner + " does).");
  if (!keeps(by, wanted.owner, tree))
    return forbidden("Department " + by.department + " cannot give an entry to " + wanted.owner +
                     ".");
  // Turning a hot topic into an entry is the center's call (002 art. 6(7), 7(7)).
  if (wanted.from_topic != (current ? current->fields.from_topic : std::string()))
    return forbidden("Only the hotline center names the hot topic an entry comes from.");
  return std::nullopt;
}

std::optional<refusal> check_fields(const knowledge_fields& f, date today,
                                    const department_tree& tree) {
  using detail::check_text;
  if (auto r = check_text("title", f.title, 200)) return r;
  if (auto r = check_text("body", f.body, 20000)) return r;
  if (!tree.find(f.owner)) return invalid_field("owner", "'" + f.owner + "' is not a department");
  if (f.review_by < today) return invalid_field("review_by", "is already past");
  if (f.valid_to && *f.valid_to < *f.valid_from)
    return invalid_field("valid_to", "is before valid_from");
  if (!f.source.empty())
    if (auto r = check_text("source", f.source, 500)) return r;
  if (!f.from_topic.empty())
    if (auto r = check_text("from_topic", f.from_topic, 100)) return r;
  return std::nullopt;
}

}  // namespace

bool valid_knowledge_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
      return false;
  return true;
}

result<knowledge_write> write_knowledge(const std::optional<knowledge_entry>& current,
                                        const std::string& id, knowledge_fields wanted,
                                        const actor_ref& by, instant now,
                                        const department_tree& tree) {
  if (!valid_knowledge_id(id))
    return invalid_field("id", "must be 1..64 characters of a-z, 0-9, '-', '_' and '.'");
  if (auto r = check_writer(current, wanted, by, tree)) return *r;
  const date today = local_date(now);
  // Omitted, the start of validity stays where it was, or is the day the entry is written.
  if (!wanted.valid_from) wanted.valid_from = current ? current->fields.valid_from : today;
  if (auto r = check_fields(wanted, today, tree)) return *r;
  knowledge_write w;
  if (current && same(current->fields, wanted)) {
    w.entry = *current;
    return w;
  }
  w.created = !current;
  w.changed = true;
  w.entry = current ? *current : knowledge_entry{};
  w.entry.id = id;
  w.entry.fields = std::move(wanted);
  w.entry.revision += 1;
  if (w.created) {
    w.entry.created_at = now;
    w.entry.created_by = by_text(by);
  }
  w.entry.updated_at = now;
  w.entry.updated_by = by_text(by);
  return w;
}

bool in_force(const knowledge_entry& e, date day) {
  const auto& f = e.fields;
  return !(f.valid_from && day < *f.valid_from) && !(f.valid_to && *f.valid_to < day);
}

bool stale(const knowledge_entry& e, date day) {
  const auto& f = e.fields;
  return f.review_by < day || (f.valid_to && *f.valid_to < day);
}

bool may_read_knowledge(const actor_ref& viewer) {
  return viewer.who == role::operator_ || viewer.who == role::supervisor ||
         viewer.who == role::department || viewer.who == role::admin;
}

std::optional<refusal> check_citation(const std::optional<knowledge_entry>& entry,
                                      const std::string& id, instant now) {
  if (!entry)
    return invalid_field("knowledge_entry", "'" + id + "' is not an entry of the knowledge base");
  const date today = local_date(now);
  if (!in_force(*entry, today))
    return invalid_field(
        "knowledge_entry",
        "'" + id + "' is not in force on " + format_date(today) + " (valid " +
            format_date(*entry->fields.valid_from) + " to " +
            (entry->fields.valid_to ? format_date(*entry->fields.valid_to) : std::string("open")) +
            ")");
  return std::nullopt;
}

}  // namespace hotline::workflow
