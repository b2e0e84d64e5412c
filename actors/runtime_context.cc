#include "actors/runtime_context.h"

#include <cstdio>

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
    for (auto& waiting : directory.abandon(id)) answer(waiting, command_outcome::refused(r));
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

void runtime_context::commit(storage::batch b, storage::commit_callback then) {
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

void runtime_context::shed_load() {
  for (auto& a : directory.over_capacity(options.max_live_tickets))
    caf::anon_send(a, passivate_atom::value, work.begin());
}

}  // namespace hotline::actors
