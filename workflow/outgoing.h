#pragma once
// What this hotline owes the outside after a change: the item sent to a lower platform, reports
// back to the upper platform, and messages to the caller. A pure function of the events; the
// runtime writes its messages in the same atomic batch as the events (the outbox) and delivers
// them (actors/delivery_actor.cc).

#include <string>
#include <vector>

#include "workflow/events.h"
#include "workflow/ticket.h"

namespace hotline::workflow {

struct outgoing_message {
  outgoing_kind kind = outgoing_kind::sms;
  std::string id;      // "<ticket>/<event seq>/<n>": the same on every retry (the idempotency key)
  std::string ticket;  // the ticket here it is about
  std::string to;      // a platform's peer id, or the caller's phone for sms
  intake request;      // forward: the item as the lower platform registers it
  std::string upper_ticket;  // report: the upper platform's ticket
  platform_report report;    // report: what to tell it
  std::string text;          // sms
};
template <class F>
void describe(F& f, outgoing_message& x) {
  f("kind", x.kind);
  f("id", x.id);
  f("ticket", x.ticket);
  f("to", x.to);
  f("request", x.request);
  f("upper_ticket", x.upper_ticket);
  f("report", x.report);
  f("text", x.text);
}

struct outgoing_options {
  bool sms = false;  // an SMS gateway is configured
};

/// The messages `events` (which took the ticket to `after`) call for, in order. Never a message
/// to a blocked caller (000 art. 20); a forwarded item keeps its confidentiality flag, so the
/// lower platform hides the caller from its departments as this one does.
std::vector<outgoing_message> outgoing(const ticket_state& after,
                                       const std::vector<event_record>& events,
                                       const outgoing_options& o);

/// What a caller's SMS answer to a survey means: satisfied, dissatisfied, or not an answer.
std::optional<bool> survey_answer(const std::string& text);

}  // namespace hotline::workflow
