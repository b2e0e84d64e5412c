// A department's actor: owns and monitors the actors of the tickets it leads.
#include "actors/ticket_supervision.h"

namespace hotline::actors {
namespace {

struct department_state {
  ticket_supervision tickets{nullptr};
  static constexpr const char* name = "department";
};

caf::behavior department_actor(caf::stateful_actor<department_state>* self, runtime_context* ctx) {
  self->state.tickets = ticket_supervision(ctx);
  self->set_down_handler([=](caf::down_msg& dm) { self->state.tickets.down(self, dm); });
  auto [adopt, live, release, counters] = supervision_handlers(self);
  return {adopt, live, release, counters};
}

}  // namespace

caf::actor spawn_department(caf::actor_system& sys, runtime_context* ctx) {
  return sys.spawn<caf::lazy_init>(department_actor, ctx);
}

}  // namespace hotline::actors
