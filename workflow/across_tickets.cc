#include "workflow/across_tickets.h"

#include <algorithm>

namespace hotline::workflow {

intake_facts facts_from_related(const ticket_state& related) {
  intake_facts f;
  f.repeat_count = related.repeat_count + 1;
  f.related_handled = related.current == status::dispatched ||
                      related.current == status::handling || related.current == status::replied ||
                      related.current == status::professional_review ||
                      related.current == status::answered || related.current == status::closed;
  f.prior_reworked = related.current == status::closed &&
                     (related.rework_count > 0 || related.supervision != supervision_level::none);
  return f;
}

std::string same_caller_key(const std::string& phone) {
  std::string d;
  for (char c : phone)
    if (c >= '0' && c <= '9') d += c;
  if (d.size() == 13 && d.compare(0, 2, "86") == 0) d.erase(0, 2);
  return d;
}

std::optional<std::string> precedent_set(const ticket_state& after,
                                         const std::vector<event_record>& events, const policy& p) {
  if (!p.routing_precedent.value || after.topic.empty()) return std::nullopt;
  std::optional<std::string> lead;
  for (const auto& e : events)
    if (auto* d = std::get_if<dispatched>(&e.body); d && !d->co.empty()) lead = d->lead;
  return lead;
}

void hot_spot::add(instant at, const std::string& ticket) {
  for (const auto& c : calls_)
    if (c.second == ticket) return;
  calls_.emplace_back(at, ticket);
}

std::vector<std::string> hot_spot::to_supervise(instant now, std::int64_t window_seconds,
                                                int callers) {
  newly_hot_ = false;
  while (!calls_.empty() && calls_.front().first.seconds < now.seconds - window_seconds)
    calls_.pop_front();
  std::vector<std::string> out;
  if (calls_.size() < static_cast<std::size_t>(callers)) return out;
  newly_hot_ = supervised_.empty();
  for (const auto& [at, id] : calls_)
    if (supervised_.insert(id).second) out.push_back(id);
  return out;
}

std::string hot_spot_key(const std::string& topic, const std::string& region) {
  if (topic.empty() || region.empty()) return {};
  return topic + '\0' + region;
}

}  // namespace hotline::workflow
