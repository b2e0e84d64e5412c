#pragma once
// The rules that look across tickets, pure: what an earlier call on the same matter tells the
// center at intake, which phones are the same caller, when a joint dispatch fixes a routing
// precedent, and when callers concentrate into a hot spot. The actors keep the tickets and the
// windows; these functions decide.

#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "workflow/commands.h"
#include "workflow/events.h"
#include "workflow/policy.h"
#include "workflow/ticket.h"

namespace hotline::workflow {

/// What the earlier ticket a request is `related_to` tells the center: the repeat count
/// (001 art. 10(4), 21(6)); whether it is being handled or was answered (002 art. 11(8)); and
/// whether it closed after supervised or reworked handling, which the office confirmed by
/// closing it (004 art. 14).
intake_facts facts_from_related(const ticket_state& related);

/// A phone as the same-caller rules compare it (blocking, 000 art. 20): its digits, without
/// China's +86 before a mobile number. Empty if it has no digits.
std::string same_caller_key(const std::string& phone);

/// Zhijiang's routing precedent (002 art. 16(4)): the lead that `events` fix for the ticket's
/// topic, where the jurisdiction keeps precedents and a joint dispatch named a lead; else nothing.
std::optional<std::string> precedent_set(const ticket_state& after,
                                         const std::vector<event_record>& events, const policy& p);

/// Concentration (001 art. 21(6), 002 art. 7(3), 003 §6(2)): the calls on one topic and region
/// within the policy's window. Five or more callers (the policy's number) make a hot spot, and
/// every ticket in it is supervised once.
class hot_spot {
 public:
  /// Records a call; a ticket already there is not counted twice (recovery may replay it).
  void add(instant at, const std::string& ticket);
  /// The tickets to supervise now, given the calls within `window_seconds` before `now`; each
  /// is returned once over the hot spot's life.
  std::vector<std::string> to_supervise(instant now, std::int64_t window_seconds, int callers);
  /// Whether this check made the spot hot for the first time (for the operators' alert count).
  bool newly_hot() const { return newly_hot_; }

 private:
  std::deque<std::pair<instant, std::string>> calls_;  // oldest first
  std::set<std::string> supervised_;
  bool newly_hot_ = false;
};

/// The key of the hot spot a ticket belongs to, or empty when it names no topic or region.
std::string hot_spot_key(const std::string& topic, const std::string& region);

}  // namespace hotline::workflow
