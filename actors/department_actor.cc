// A department's actor: owns and monitors the actors of the tickets it leads, counts what it
// holds, and hears when a ticket passes to one of its subordinate units.
#include "actors/ticket_supervision.h"

namespace hotline::actors {
namespace {

struct department_state {
  ticket_supervision tickets{nullptr, ""};
  static constexpr const char* name = "department";
};

caf::behavior department_actor(caf::stateful_actor<department_state>* self, runtime_context* ctx,
                               std::string id) {
  self->state.tickets = ticket_supervision(ctx, std::move(id));
  self->set_down_handler([=](caf::down_msg& dm) { self->state.tickets.down(self, dm); });
  auto [adopt, live, release, counters] = supervision_handlers(self);
  return {adopt, live, release, counters,
          [=](ticket_changed& change) { self->state.tickets.count(change); }};
}

}  // namespace

caf::actor spawn_department(caf::actor_system& sys, runtime_context* ctx, std::string id) {
  return sys.spawn<caf::lazy_init>(department_actor, ctx, std::move(id));
}

}  // namespace hotline::actors
