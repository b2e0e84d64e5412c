#include "actors/ticket_supervision.h"

namespace hotline::actors {
using namespace workflow;

void ticket_supervision::adopt(caf::local_actor* self, const adopt_request& r) {
  auto it = crashes_.find(r.id);
  int restarts = it == crashes_.end() ? 0 : static_cast<int>(it->second.size());
  caf::actor ticket = spawn_ticket(self->system(), ctx_, r.id, r.state, restarts);
  watch(self, r.id, ticket);
  ctx_->directory.activated(r.id, ticket);
  ctx_->shed_load();
}

void ticket_supervision::watch(caf::local_actor* self, const std::string& id,
                               const caf::actor& ticket) {
  self->monitor(ticket);
  supervised_[ticket.address()] = id;
}

void ticket_supervision::release(caf::local_actor* self, const caf::actor_addr& ticket) {
  self->demonitor(ticket);
  supervised_.erase(ticket);
}

void ticket_supervision::down(caf::local_actor* self, const caf::down_msg& dm) {
  work_in_flight::handling busy(ctx_->work);  // the restart's token goes at activation, before
                                              // adopt() sheds load
  auto it = supervised_.find(dm.source);
  if (it == supervised_.end()) return;
  std::string id = std::move(it->second);
  supervised_.erase(it);
  if (!dm.reason || ctx_->stopping) return;  // passivated, or shutting down
  bool deliberate = false;
  {
    std::lock_guard<std::mutex> lock(ctx_->kills_mutex);
    deliberate = ctx_->deliberate_kills.erase(dm.source) > 0;
  }
  if (!ctx_->directory.crashed(id, dm.source)) return;
  if (deliberate) {
    ++ctx_->metrics.kills;
  } else {
    ++ctx_->metrics.restarts;
    auto now = std::chrono::steady_clock::now();
    auto& times = crashes_[id];
    times.push_back(now);
    while (!times.empty() && now - times.front() > ctx_->options.restart_window) times.pop_front();
    if (static_cast<int>(times.size()) > ctx_->options.restart_limit) {
      ++failed_;
      std::fprintf(stderr, "ticket %s parked as failed after %zu crashes within %llds\n",
                   id.c_str(), times.size(),
                   static_cast<long long>(ctx_->options.restart_window.count()));
      crashes_.erase(id);  // un-parked, it starts a new count
      for (auto& m : ctx_->directory.park(id))
        runtime_context::answer(m, command_outcome::unavailable("ticket " + id + " is parked"));
      return;
    }
  }
  auto loaded = ctx_->repo.load(id);
  if (!loaded) {
    std::string why = loaded.failed() ? loaded.error() : "ticket " + id + " vanished";
    for (auto& m : ctx_->directory.abandon(id))
      runtime_context::answer(m, command_outcome::unavailable(why));
    return;
  }
  adopt(self, adopt_request{id, std::make_shared<ticket_state>(std::move(*loaded)), {}});
}

std::vector<std::pair<std::string, std::size_t>> ticket_supervision::counters() const {
  std::vector<std::pair<std::string, std::size_t>> out;
  out.emplace_back("supervised_actors", supervised_.size());
  out.emplace_back("parked", failed_);
  return out;
}

}  // namespace hotline::actors
