// The runtime's reads: the queries the HTTP facade and the programs make, each deciding what the
// viewer may see (through the rule core's may_view and the department tree) and turning a store
// that cannot answer into "unavailable", never into "nothing there".
#include <algorithm>
#include <map>

#include "actors/attachment_store.h"
#include "actors/codec.h"
#include "actors/runtime_impl.h"
#include "workflow/across_tickets.h"

namespace hotline::actors {
using namespace workflow;

namespace {

bool center_staff(const actor_ref& viewer) {
  return viewer.who != role::department;
}

}  // namespace

std::string runtime::reject(const std::string& key, const std::string& rejected) {
  return impl_->ctx->commit_and_wait({rejection_record(key, rejected)});
}

lookup<first_answer> runtime::first_answer_to(const std::string& key) const {
  return impl_->ctx->repo.first_answer_to(key);
}

lookup<stored_ticket> runtime::read(const std::string& id) const {
  // The state is folded from the same history it is shown with, so the two always agree.
  auto history = impl_->ctx->repo.history(id);
  if (history.failed()) return lookup<stored_ticket>::failed(history.error());
  if (history->empty()) return {};
  stored_ticket t;
  t.history = std::move(*history);
  t.state = replay(t.history);
  return t;
}

lookup<ticket_state> runtime::state(const std::string& id) const {
  return impl_->ctx->repo.load(id);
}

lookup<std::vector<event_record>> runtime::history(const std::string& id) const {
  return impl_->ctx->repo.history(id);
}

answer<stored_ticket> runtime::get(const std::string& id, const actor_ref& viewer) const {
  auto stored = read(id);
  if (stored.failed()) return answer<stored_ticket>::unavailable(stored.error());
  if (!stored) return refused(refusal_code::not_found, "There is no ticket " + id + ".");
  if (!may_view(stored->state, viewer, where()->departments))
    return refused(refusal_code::forbidden,
                   "Department " + viewer.department + " does not hold " + id + ".");
  return std::move(*stored);
}

answer<std::vector<workflow::attachment>> runtime::attachments(const std::string& id,
                                                               const actor_ref& viewer) const {
  auto stored = state(id);
  if (stored.failed())
    return answer<std::vector<workflow::attachment>>::unavailable(stored.error());
  if (!stored) return refused(refusal_code::not_found, "There is no ticket " + id + ".");
  if (!may_view(*stored, viewer, where()->departments))
    return refused(refusal_code::forbidden,
                   "Department " + viewer.department + " does not hold " + id + ".");
  return visible_attachments(*stored, viewer);
}

answer<attachment_file> runtime::attachment(const std::string& id, const std::string& digest,
                                            const actor_ref& viewer) const {
  auto listed = attachments(id, viewer);
  if (!listed) {
    if (auto* r = listed.refused()) return *r;
    return answer<attachment_file>::unavailable(*listed.unavailable());
  }
  auto it = std::find_if(listed->begin(), listed->end(),
                         [&](const workflow::attachment& a) { return a.digest == digest; });
  if (it == listed->end())
    return refused(refusal_code::not_found, "Ticket " + id + " has no attachment " + digest + ".");
  auto bytes = read_attachment(impl_->ctx->db, digest);
  if (bytes.failed()) return answer<attachment_file>::unavailable(bytes.error());
  if (!bytes)  // recorded with its bytes in one batch: absent bytes are a damaged store
    return answer<attachment_file>::unavailable("the bytes of attachment " + digest +
                                                " are missing from storage");
  return attachment_file{*it, std::move(*bytes)};
}

answer<ticket_page> runtime::list(const ticket_query& q, const actor_ref& viewer) const {
  auto where = this->where();
  const auto& tree = where->departments;
  if (!q.department.empty() && !tree.find(q.department))
    return invalid_field("department", "'" + q.department + "' is not a department");
  std::vector<std::string> holders;
  if (viewer.who == role::department) {  // a department sees only its own tickets
    auto mine = tree.subtree(viewer.department);
    if (!q.department.empty() && std::find(mine.begin(), mine.end(), q.department) == mine.end())
      return refused(refusal_code::forbidden,
                     "Department " + viewer.department + " cannot list " + q.department + ".");
    holders = q.department.empty() ? mine : tree.subtree(q.department);
  } else if (!q.department.empty()) {
    holders = tree.subtree(q.department);
  }
  if (!q.phone.empty() && same_caller_key(q.phone).empty())
    return invalid_field("phone", "has no digits");
  if (!q.text.empty()) return search_tickets(q, viewer, holders);
  auto ids = impl_->ctx->repo.list(q, {holders, sees_confidential_callers(viewer)});
  if (ids.failed()) return answer<ticket_page>::unavailable(ids.error());
  if (!ids) return invalid_field("after", "is not a cursor of this listing (pass back its next)");
  ticket_page page;
  for (const auto& id : ids->ids) {
    auto s = impl_->ctx->repo.load(id);
    if (s.failed()) return answer<ticket_page>::unavailable(s.error());
    if (s) page.items.push_back(std::move(*s));
  }
  page.next = std::move(ids->next);
  return page;
}

answer<std::vector<blocked_caller>> runtime::blocked_callers(const actor_ref& viewer,
                                                             std::size_t limit) const {
  if (!center_staff(viewer))
    return refused(refusal_code::forbidden, "The block list is for the hotline center's staff.");
  auto found = impl_->ctx->repo.blocked_callers(limit);
  if (found.failed()) return answer<std::vector<blocked_caller>>::unavailable(found.error());
  return std::move(*found);
}

answer<unit_counts> runtime::department_counts(const std::string& id, instant from, instant to,
                                               const actor_ref& viewer) const {
  auto where = this->where();
  const auto& tree = where->departments;
  if (!tree.find(id)) return refused(refusal_code::not_found, "There is no department " + id + ".");
  auto units = tree.subtree(id);
  if (viewer.who == role::department) {
    auto mine = tree.subtree(viewer.department);
    if (std::find(mine.begin(), mine.end(), id) == mine.end())
      return refused(refusal_code::forbidden,
                     "Department " + viewer.department + " cannot see " + id + ".");
  }
  std::map<std::string, unit_counts> tallies;
  ticket_query q;
  q.limit = 500;
  for (;;) {
    auto ids = impl_->ctx->repo.list(q, {units});
    if (ids.failed()) return answer<unit_counts>::unavailable(ids.error());
    for (const auto& ticket : ids->ids) {
      auto h = impl_->ctx->repo.history(ticket);
      if (h.failed()) return answer<unit_counts>::unavailable(h.error());
      if (h) tally(*h, from, to, tallies);
    }
    if (ids->next.empty()) break;
    q.after = ids->next;
  }
  unit_counts total;
  for (const auto& u : units)
    if (auto it = tallies.find(u); it != tallies.end()) total.add(it->second);
  return total;
}

answer<bulletin> runtime::report(report_period p, instant at, const actor_ref& viewer) const {
  if (!center_staff(viewer))
    return refused(refusal_code::forbidden, "Bulletins are for the hotline center's staff.");
  auto [from, to] = period_bounds(p, at);
  auto where = this->where();  // the builder holds a reference: keep it alive until done
  bulletin_builder b(*where, p, from, to, now());
  // A ticket can be answered in this period and registered up to a year before it.
  auto ids = impl_->ctx->repo.created_between({from.seconds - 366 * seconds_per_day}, to);
  if (ids.failed()) return answer<bulletin>::unavailable(ids.error());
  for (const auto& id : *ids) {
    auto h = impl_->ctx->repo.history(id);
    if (h.failed()) return answer<bulletin>::unavailable(h.error());
    if (h) b.add(*h);
  }
  return b.finish();
}

lookup<std::uint64_t> runtime::digest() const {
  auto ids = impl_->ctx->repo.all_ids();
  if (ids.failed()) return lookup<std::uint64_t>::failed(ids.error());
  std::uint64_t h = 1469598103934665603ULL;
  for (const auto& id : *ids) {
    auto history = impl_->ctx->repo.history(id);
    if (history.failed()) return lookup<std::uint64_t>::failed(history.error());
    for (char c : encode(*history)) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
  }
  return h;
}

}  // namespace hotline::actors
