#include "actors/runtime_context.h"

#include <cstdio>
#include <future>

#include "workflow/policy_versions.h"
#include "workflow/searchable.h"

namespace hotline::actors {

workflow::actor_ref system_actor(const std::string& label) {
  return {workflow::role::system, "", label};
}

void runtime_metrics::count_load(const workflow::ticket_state& s, long weight) {
  if (!s.is_open()) return;
  auto it = by_lead.find(s.lead);
  if (it == by_lead.end()) return;  // a lead the scenario no longer has
  it->second.open += weight;
  if (s.overdue) it->second.overdue += weight;
}

caf::actor runtime_context::owner_for(const workflow::ticket_state& s) const {
  auto it = departments.find(s.lead);
  return it == departments.end() ? center : it->second;
}

std::string runtime_context::owner_name(const workflow::ticket_state& s) const {
  return departments.count(s.lead) ? "department:" + s.lead : "center";
}

void runtime_context::answer(ticket_message& m, command_outcome o) {
  std::visit(
      [&](auto& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, command_request>) {
          r.reply(std::move(o));
        } else {
          ticket_actor_info info;
          info.id = m.id;
          info.failed = o.what == command_outcome::kind::unavailable;
          r.reply(std::move(info));
        }
      },
      m.what);
}

void runtime_context::route(ticket_message m) {
  std::string id = m.id;
  switch (directory.route(m)) {
    case ticket_directory::routed::sent:
    case ticket_directory::routed::queued:
      return;
    case ticket_directory::routed::failed:
      answer(m, command_outcome::unavailable("ticket " + id +
                                             " is parked after repeated failures; see /admin"));
      return;
    case ticket_directory::routed::must_activate:
      break;
  }
  auto loaded = repo.load(id);
  if (loaded.failed()) {  // not "no such ticket": storage could not say
    for (auto& waiting : directory.abandon(id))
      answer(waiting, command_outcome::unavailable(loaded.error()));
    return;
  }
  if (!loaded) {
    workflow::refusal r;
    r.code = workflow::refusal_code::not_found;
    r.message = "There is no ticket " + id + ".";
    for (auto& waiting : directory.abandon(id)) {
      if (auto* c = std::get_if<command_request>(&waiting.what))
        refuse(c->reply, c->idempotency_key, r);
      else
        answer(waiting, command_outcome::refused(r));
    }
    return;
  }
  ++metrics.activations;
  caf::actor owner = owner_for(*loaded);
  caf::anon_send(owner,
                 adopt_request{id, std::make_shared<workflow::ticket_state>(std::move(*loaded)),
                               work.begin()});
}

reply_to runtime_context::track(reply_to inner) {
  ++metrics.in_flight;
  return reply_to([this, inner = std::move(inner), w = work.begin()](command_outcome o) mutable {
    inner(std::move(o));
    --metrics.in_flight;
    w.release();
  });
}

std::string runtime_context::commit_and_wait(storage::batch b) {
  auto done = std::make_shared<std::promise<std::string>>();
  auto error = done->get_future();
  commit(std::move(b), [done](const std::string& e) { done->set_value(e); });
  return error.get();
}

void runtime_context::commit(storage::batch b, storage::commit_callback then) {
  if (std::string failed = recovery_failure(); !failed.empty()) {
    if (then) then("not recovered: " + failed);
    return;
  }
  if (!then)  // a write nobody waits for (a precedent, the virtual clock): its failure is the
              // store's (every later commit fails, health says so); say which write it was
    then = [](const std::string& error) {
      if (!error.empty()) std::fprintf(stderr, "a background write failed: %s\n", error.c_str());
    };
  db.commit(std::move(b),
            [then = std::move(then), w = work.begin()](const std::string& error) mutable {
              then(error);
              w.release();
            });
}

runtime_context::folded runtime_context::fold(std::shared_ptr<const workflow::ticket_state> before,
                                              std::vector<workflow::event_record> events,
                                              const std::string& idempotency_key) const {
  auto after = std::make_shared<workflow::ticket_state>(*before);
  for (const auto& e : events) evolve(*after, e);
  auto recorded = std::make_shared<const std::vector<workflow::event_record>>(std::move(events));
  storage::batch b = repo.changes(*before, *after, *recorded);
  if (!idempotency_key.empty())
    b.push_back(idempotency_record(idempotency_key, after->id, after->version));
  // The messages the change owes the outside are durable with it, or not at all.
  auto messages = outgoing(*after, *recorded, options.outgoing);
  for (auto& w : outbox_writes(messages)) b.push_back(std::move(w));
  // What a search can see changes with it, durable together (search_indexer.h).
  journal_entry journal;
  if (indexer && workflow::changes_searchable(*recorded)) {
    journal = {indexer->next_seq(), 't', after->id};
    b.push_back(journal_write(journal));
  }
  return {ticket_changed{std::move(before), std::move(after), std::move(recorded), {}},
          std::move(b), std::move(messages), std::move(journal)};
}

void runtime_context::journaled(const journal_entry& e) {
  if (indexer && e.seq) indexer->journaled(e);
}

void runtime_context::announce(std::vector<workflow::outgoing_message> messages) {
  if (messages.empty()) return;
  outbox.sent(messages.size());
  caf::anon_send(delivery, outbox_added{std::move(messages)});
}

void runtime_context::refuse(const reply_to& reply, const std::string& idempotency_key,
                             workflow::refusal why) {
  if (idempotency_key.empty()) {
    reply(command_outcome::refused(std::move(why)));
    return;
  }
  storage::batch b{idempotency_record(idempotency_key, why)};
  commit(std::move(b), [reply, why = std::move(why)](const std::string& error) {
    reply(error.empty() ? command_outcome::refused(why) : command_outcome::unavailable(error));
  });
}

void runtime_context::cannot_recover(const std::string& why) {
  std::fprintf(stderr, "recovery failed: %s\n", why.c_str());
  std::lock_guard<std::mutex> lock(recovery_mutex_);
  if (recovery_failure_.empty()) recovery_failure_ = why;
}

std::string runtime_context::recovery_failure() const {
  std::lock_guard<std::mutex> lock(recovery_mutex_);
  return recovery_failure_;
}

void runtime_context::shed_load() {
  for (auto& a : directory.over_capacity(options.max_live_tickets))
    caf::anon_send(a, passivate_atom::value, work.begin());
}

std::shared_ptr<const workflow::jurisdiction> runtime_context::where() const {
  using namespace workflow;
  auto j = std::atomic_load(&where_);
  if (j->later.empty()) return j;
  date today = local_date(time.now());
  if (!version_due(*j, today)) return j;
  std::lock_guard<std::mutex> lock(roll_mutex_);
  j = std::atomic_load(&where_);
  if (!version_due(*j, today)) return j;  // another caller rolled it meanwhile
  auto next = std::make_shared<jurisdiction>(*j);
  roll_forward(*next, today);
  std::atomic_store(&where_, std::shared_ptr<const jurisdiction>(next));
  return next;
}

}  // namespace hotline::actors
