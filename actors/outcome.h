#pragma once
// What a command comes to, and the one-shot reply that carries it back to whoever asked (an
// HTTP worker thread, the timer service, a test).

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "workflow/events.h"
#include "workflow/result.h"
#include "workflow/ticket.h"

namespace hotline::actors {

struct command_outcome {
  enum class kind {
    done,        // durable: `ticket` is the state after it, `events` what it recorded
    refused,     // the rules said no; nothing changed
    unavailable  // not carried out (storage failed, the ticket actor died, overloaded)
  };
  kind what = kind::unavailable;
  std::shared_ptr<const workflow::ticket_state> ticket;
  std::vector<workflow::event_record> events;
  workflow::refusal refusal;
  std::string error;  // unavailable: why

  static command_outcome done(std::shared_ptr<const workflow::ticket_state> ticket,
                              std::vector<workflow::event_record> events);
  static command_outcome unavailable(std::string why);
  static command_outcome refused(workflow::refusal r);
};

/// A one-shot reply. Copies share one answer: the first call wins, later ones do nothing. If the
/// last copy goes away unanswered (its message died with an actor) it answers `unavailable`, so
/// nobody waits forever.
class reply_to {
 public:
  reply_to() = default;
  explicit reply_to(std::function<void(command_outcome)> fn);
  void operator()(command_outcome o) const;

 private:
  struct slot;
  std::shared_ptr<slot> slot_;
};

}  // namespace hotline::actors
