#pragma once
// Internal to actors/: the messages the runtime's actors exchange. Local only, so they are
// allowed as unsafe (unserializable) message types; payloads shared between senders are
// immutable (shared_ptr<const ...>).

#include <caf/all.hpp>
#include <functional>
#include <memory>
#include <variant>

#include "actors/outcome.h"
#include "actors/runtime.h"
#include "actors/work_in_flight.h"
#include "storage/store.h"
#include "workflow/commands.h"
#include "workflow/outgoing.h"
#include "workflow/ticket.h"

namespace hotline::actors {

/// A command for a ticket, with whoever waits for its outcome.
struct command_request {
  workflow::command c;
  workflow::actor_ref by;
  reply_to reply;
  std::string idempotency_key;  // recorded atomically with the command's events
  std::shared_ptr<const std::string> payload = nullptr;  // an upload's bytes (attach)
};

/// An operator asking a ticket actor about itself.
struct inspect_request {
  std::function<void(ticket_actor_info)> reply;
};

/// Everything addressed to a ticket goes through the directory in this envelope.
struct ticket_message {
  std::string id;
  std::variant<command_request, inspect_request> what;
};

/// To an owner: spawn and supervise an actor for this loaded ticket.
struct adopt_request {
  std::string id;
  std::shared_ptr<workflow::ticket_state> state;
  work_token work;
};

/// To an owner: supervise this live ticket actor (its lead changed to you).
struct adopt_live {
  std::string id;
  caf::actor ticket;
  work_token work;
};

/// To an owner: stop supervising (the lead moved elsewhere).
struct release_ticket {
  caf::actor_addr ticket;
  work_token work;
};

/// After a durable change: the ticket before and after, and what was recorded.
struct ticket_changed {
  std::shared_ptr<const workflow::ticket_state> before;
  std::shared_ptr<const workflow::ticket_state> after;
  std::shared_ptr<const std::vector<workflow::event_record>> events;
  work_token work;  // in flight until every actor told has handled it
};

/// To the center: a new ticket.
struct intake_request {
  workflow::intake request;
  workflow::actor_ref by;
  reply_to reply;
  std::string idempotency_key;
};

/// To the timer service.
struct advance_request {
  workflow::instant to;
  std::function<void(advance_result)> reply;
  work_token work;
};
struct timer_ack {
  bool fired = false;
  std::int64_t late_seconds = 0;
  work_token work;
};

/// Counters a long-lived actor reports about itself.
struct counters_request {
  std::function<void(std::vector<std::pair<std::string, std::size_t>>)> reply;
};

/// To the delivery actor: messages now durable in the outbox.
struct outbox_added {
  std::vector<workflow::outgoing_message> messages;
};

// Messages that carry a work_token besides: persisted, passivate, due.
using persisted_atom = caf::atom_constant<caf::atom("persisted")>;
using passivate_atom = caf::atom_constant<caf::atom("passivate")>;
using retired_atom = caf::atom_constant<caf::atom("retired")>;
using tick_atom = caf::atom_constant<caf::atom("tick")>;
using due_atom = caf::atom_constant<caf::atom("due")>;
using pump_atom = caf::atom_constant<caf::atom("pump")>;

}  // namespace hotline::actors

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(hotline::actors::work_token)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(hotline::actors::ticket_message)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(hotline::actors::adopt_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(hotline::actors::adopt_live)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(hotline::actors::release_ticket)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(hotline::actors::ticket_changed)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(hotline::actors::intake_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(hotline::actors::advance_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(hotline::actors::timer_ack)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(hotline::actors::counters_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(hotline::actors::outbox_added)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(hotline::workflow::instant)
