#pragma once
// The knowledge base (知识库): entries operators answer consultations from (001 art. 10(1),
// 002 art. 16(1)), kept current by the units that own them (002 art. 8(3), 004 art. 6, 23(9))
// and by the center, which also turns hot topics into entries (002 art. 6(7), 7(7)). Pure: who
// may write what, what an entry must hold, whether it is in force or stale on a day.

#include <optional>
#include <string>

#include "workflow/departments.h"
#include "workflow/describe.h"
#include "workflow/result.h"

namespace hotline::workflow {

/// What a writer gives (PUT /api/v1/knowledge/{id}): the whole entry, each time.
struct knowledge_fields {
  std::string title;
  std::string body;
  std::string owner;               // the department that keeps it current
  std::optional<date> valid_from;  // omitted: in force from the day it is written
  std::optional<date> valid_to;    // omitted: until replaced
  date review_by;                  // when its owner must look at it again
  std::string source;              // the document or notice it rests on
  std::string from_topic;          // the hot topic the center turned into it (002 art. 7(7))
};
template <class F>
void describe(F& f, knowledge_fields& x) {
  f("title", x.title);
  f("body", x.body);
  f("owner", x.owner);
  f("valid_from", x.valid_from);
  f("valid_to", x.valid_to);
  f("review_by", x.review_by);
  f("source", x.source, optional);
  f("from_topic", x.from_topic, optional);
}

/// An entry as stored: the fields, with valid_from always set, and who wrote it.
struct knowledge_entry {
  std::string id;
  knowledge_fields fields;
  int revision = 0;  // 1 when created, +1 with each change
  instant created_at;
  std::string created_by;  // "<role>:<department or label>", as a ticket's history says
  instant updated_at;
  std::string updated_by;
};
template <class F>
void describe(F& f, knowledge_entry& x) {
  f("id", x.id);
  describe(f, x.fields);
  f("revision", x.revision);
  f("created_at", x.created_at);
  f("created_by", x.created_by);
  f("updated_at", x.updated_at);
  f("updated_by", x.updated_by);
}

/// What a write did: the entry as it now stands, and whether it is new or changed at all (a
/// write that repeats the entry as it stands changes nothing: PUT is idempotent).
struct knowledge_write {
  knowledge_entry entry;
  bool created = false;
  bool changed = false;
};

/// The entry `by` asks to write under `id` on the day of `now`, over `current` (none: a new
/// entry), or why not. The center's staff (operators, supervisors) write any entry; a department
/// writes the entries its own subtree owns, and gives them owners in it; only the center names a
/// hot topic (002 art. 7(7)); nobody else writes.
result<knowledge_write> write_knowledge(const std::optional<knowledge_entry>& current,
                                        const std::string& id, knowledge_fields wanted,
                                        const actor_ref& by, instant now,
                                        const department_tree& tree);

/// Whether an entry id is well formed: 1..64 of a-z, 0-9, '-', '_', '.'.
bool valid_knowledge_id(const std::string& id);

/// In force on `day`: valid_from <= day <= valid_to (either end open when not set).
bool in_force(const knowledge_entry& e, date day);

/// Stale on `day`, flagged to its owner: its review date or its validity has passed
/// (004 art. 23(9): a unit that does not keep its entries current answers for it).
bool stale(const knowledge_entry& e, date day);

/// Whether `viewer` may read entries: every staff role and department.
bool may_read_knowledge(const actor_ref& viewer);

/// Whether an operator's direct answer may cite `entry` (none: no entry by that id) at `now`:
/// the entry it used must exist and be in force that day (001 art. 10(1) "依据平台知识库内容").
std::optional<refusal> check_citation(const std::optional<knowledge_entry>& entry,
                                      const std::string& id, instant now);

}  // namespace hotline::workflow
