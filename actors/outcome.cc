#include "actors/outcome.h"

#include <mutex>

namespace hotline::actors {

command_outcome command_outcome::done(std::shared_ptr<const workflow::ticket_state> ticket,
                                      std::vector<workflow::event_record> events) {
  command_outcome o;
  o.what = kind::done;
  o.ticket = std::move(ticket);
  o.events = std::move(events);
  return o;
}

command_outcome command_outcome::unavailable(std::string why) {
  command_outcome o;
  o.what = kind::unavailable;
  o.error = std::move(why);
  return o;
}

command_outcome command_outcome::refused(workflow::refusal r) {
  command_outcome o;
  o.what = kind::refused;
  o.refusal = std::move(r);
  return o;
}

struct reply_to::slot {
  std::function<void(command_outcome)> fn;
  std::once_flag once;
  bool answered = false;
  void answer(command_outcome o) {
    std::call_once(once, [&] {
      answered = true;
      fn(std::move(o));
    });
  }
  ~slot() {
    if (!answered && fn) fn(command_outcome::unavailable("the request was dropped; try again"));
  }
};

reply_to::reply_to(std::function<void(command_outcome)> fn) : slot_(std::make_shared<slot>()) {
  slot_->fn = std::move(fn);
}

void reply_to::operator()(command_outcome o) const {
  if (slot_) slot_->answer(std::move(o));
}

}  // namespace hotline::actors
