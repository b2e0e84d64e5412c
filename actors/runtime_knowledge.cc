// The knowledge base and full-text search: entries written as the rule core decides, one write at
// a time, durable with their journal entry; listings and searches that show each viewer what it
// may see, as the other queries do.
#include <algorithm>

#include "actors/runtime_impl.h"
#include "workflow/across_tickets.h"

namespace hotline::actors {
using namespace workflow;

namespace {

refusal may_not_read() {
  return refused(refusal_code::forbidden, "This role does not read the knowledge base.");
}

// Why a search cannot run now, or "": it waits (a while) for what was journaled before it.
std::string not_ready(runtime_context* ctx) {
  if (!ctx->indexer)
    return ctx->search_failure.empty() ? "full-text search is not configured" : ctx->search_failure;
  if (!ctx->indexer->wait_current(std::chrono::seconds(10)))
    return "the search index is catching up (" + ctx->indexer->figures().failure + ")";
  return {};
}

// Calls `f` with each entry after `after`, in id order, read a chunk at a time, until `f`
// returns false. The storage error, or "".
template <class F>
std::string each_entry_after(const storage::store& db, std::string after, F f) {
  constexpr std::size_t chunk_size = 500;
  for (;;) {
    auto chunk = entries_after(db, after, chunk_size);
    if (chunk.failed()) return chunk.error();
    if (chunk->empty()) return {};
    after = chunk->back().id;
    for (auto& e : *chunk)
      if (!f(std::move(e))) return {};
    if (chunk->size() < chunk_size) return {};
  }
}

// A search's cursor is how many items the pages before it showed.
std::optional<std::size_t> shown_before(const std::string& after) {
  if (after.empty()) return std::size_t{0};
  if (after.size() > 9 ||
      !std::all_of(after.begin(), after.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    return std::nullopt;
  return static_cast<std::size_t>(std::stoul(after));
}

bool held_by(const ticket_state& s, const std::vector<std::string>& holders) {
  if (holders.empty()) return true;
  auto in = [&](const std::string& d) {
    return !d.empty() && std::find(holders.begin(), holders.end(), d) != holders.end();
  };
  return in(s.lead) || in(s.unit) ||
         std::any_of(s.co.begin(), s.co.end(), [&](const auto& c) { return in(c.department); });
}

// The listing's filters (queries.h), on a full-text match: the same tickets the indexed listing
// (ticket_search.cc) would give. `sees_callers`: a department finds by phone only tickets whose
// caller it may see (000 art. 9, 004 art. 19).
bool matches(const ticket_state& s, const ticket_query& q, const std::vector<std::string>& holders,
             bool sees_callers) {
  auto within = [](instant t, const std::optional<instant>& from, const std::optional<instant>& to) {
    return (!from || !(t < *from)) && (!to || t < *to);
  };
  if (!q.phone.empty() &&
      (!s.caller || (s.confidential && !sees_callers) ||
       same_caller_key(s.caller->phone) != same_caller_key(q.phone)))
    return false;
  auto due = next_due(s);
  return held_by(s, holders) && (!q.status || s.current == *q.status) &&
         (!q.overdue_only || s.overdue) && (!q.supervision || s.supervision == *q.supervision) &&
         (!q.pending || is_pending(s, *q.pending)) && (q.region.empty() || s.region == q.region) &&
         (q.topic.empty() || s.topic == q.topic) && (!q.type || s.type == *q.type) &&
         within(s.created_at, q.created_from, q.created_to) &&
         (!q.due_before || (due && *due < *q.due_before));
}

// Walks the index's matches best first, in chunks, keeping those `keep` accepts: the page of
// `limit` after the first `skip` kept ones. The next cursor is set when the page is full.
template <class Keep>
std::string walk_matches(const search_indexer& index, search::collection c, const std::string& text,
                         std::size_t skip, std::size_t limit, std::string& next, const Keep& keep) {
  constexpr std::size_t chunk = 200;
  std::size_t kept = 0;
  for (std::size_t first = 0;; first += chunk) {
    std::string error;
    auto ids = index.find(c, text, first, chunk, error);
    if (!error.empty()) return error;
    for (const auto& id : ids) {
      bool shown = false;
      if (auto error = keep(id, kept >= skip, shown); !error.empty()) return error;
      if (!shown) continue;
      if (++kept == skip + limit) {
        next = std::to_string(kept);
        return {};
      }
    }
    if (ids.size() < chunk) return {};
  }
}

}  // namespace

search_figures runtime::search() const {
  runtime_context* ctx = impl_->ctx.get();
  if (!ctx->indexer) {
    search_figures f;
    f.failure = ctx->search_failure;
    return f;
  }
  return ctx->indexer->figures();
}

answer<knowledge_write> runtime::put_knowledge(const std::string& id, knowledge_fields fields,
                                               const actor_ref& by) {
  runtime_context* ctx = impl_->ctx.get();
  std::lock_guard<std::mutex> lock(impl_->knowledge_writes);
  auto current = load_entry(ctx->db, id);
  if (current.failed()) return answer<knowledge_write>::unavailable(current.error());
  auto where = ctx->where();
  auto w = write_knowledge(current ? std::optional<knowledge_entry>(*current) : std::nullopt, id,
                           std::move(fields), by, now(), where->departments);
  if (!w) return w.error();
  if (!w->changed) return *w;
  storage::batch b{entry_write(w->entry)};
  journal_entry journal;
  if (ctx->indexer) {
    journal = {ctx->indexer->next_seq(), 'k', id};
    b.push_back(journal_write(journal));
  }
  if (auto error = ctx->commit_and_wait(std::move(b)); !error.empty())
    return answer<knowledge_write>::unavailable(error);
  ctx->journaled(journal);
  return *w;
}

answer<knowledge_entry> runtime::knowledge(const std::string& id, const actor_ref& viewer) const {
  if (!may_read_knowledge(viewer)) return may_not_read();
  auto e = load_entry(impl_->ctx->db, id);
  if (e.failed()) return answer<knowledge_entry>::unavailable(e.error());
  if (!e) return refused(refusal_code::not_found, "There is no knowledge entry " + id + ".");
  return std::move(*e);
}

answer<knowledge_page> runtime::list_knowledge(const knowledge_query& q,
                                               const actor_ref& viewer) const {
  runtime_context* ctx = impl_->ctx.get();
  if (!may_read_knowledge(viewer)) return may_not_read();
  auto where = this->where();
  const auto& tree = where->departments;
  if (!q.owner.empty() && !tree.find(q.owner))
    return invalid_field("owner", "'" + q.owner + "' is not a department");
  const date today = local_date(now());
  auto wanted = [&](const knowledge_entry& e) {
    const auto& owner = e.fields.owner;
    return (q.owner.empty() || owner == q.owner || tree.is_ancestor(q.owner, owner)) &&
           (!q.stale_only || stale(e, today));
  };
  knowledge_page page;
  if (q.text.empty()) {
    std::string error = each_entry_after(ctx->db, q.after, [&](knowledge_entry e) {
      if (!wanted(e)) return true;
      page.items.push_back(std::move(e));
      if (page.items.size() != q.limit) return true;
      page.next = page.items.back().id;
      return false;
    });
    if (!error.empty()) return answer<knowledge_page>::unavailable(error);
    return page;
  }
  auto skip = shown_before(q.after);
  if (!skip) return invalid_field("after", "must be the next of a search's page before");
  if (auto why = not_ready(ctx); !why.empty()) return answer<knowledge_page>::unavailable(why);
  std::string error =
      walk_matches(*ctx->indexer, search::collection::knowledge, q.text, *skip, q.limit, page.next,
                   [&](const std::string& id, bool on_page, bool& shown) -> std::string {
                     auto e = load_entry(ctx->db, id);
                     if (e.failed()) return e.error();
                     shown = e && wanted(*e);
                     if (shown && on_page) page.items.push_back(std::move(*e));
                     return {};
                   });
  if (!error.empty()) return answer<knowledge_page>::unavailable(error);
  return page;
}

answer<ticket_page> runtime::search_tickets(const ticket_query& q, const actor_ref& viewer,
                                            const std::vector<std::string>& holders) const {
  runtime_context* ctx = impl_->ctx.get();
  auto skip = shown_before(q.after);
  if (!skip) return invalid_field("after", "must be the next of a search's page before");
  if (auto why = not_ready(ctx); !why.empty()) return answer<ticket_page>::unavailable(why);
  auto where = this->where();
  ticket_page page;
  std::string error = walk_matches(
      *ctx->indexer, search::collection::tickets, q.text, *skip, q.limit, page.next,
      [&](const std::string& id, bool on_page, bool& shown) -> std::string {
        auto s = ctx->repo.load(id);
        if (s.failed()) return s.error();
        // What the viewer may not see is not there for it (may_view, as every read).
        shown = s && may_view(*s, viewer, where->departments) &&
                matches(*s, q, holders, sees_confidential_callers(viewer));
        if (shown && on_page) page.items.push_back(std::move(*s));
        return {};
      });
  if (!error.empty()) return answer<ticket_page>::unavailable(error);
  return page;
}

lookup<stale_counts> runtime::stale_knowledge() const {
  const date today = local_date(now());
  stale_counts out;
  std::string error = each_entry_after(impl_->ctx->db, "", [&](const knowledge_entry& e) {
    if (stale(e, today)) ++out[e.fields.owner];
    return true;
  });
  if (!error.empty()) return lookup<stale_counts>::failed(error);
  return out;
}

}  // namespace hotline::actors
