#include "actors/index_keys.h"

#include "storage/store.h"
#include "workflow/across_tickets.h"
#include "workflow/decide.h"

namespace hotline::actors {
using namespace workflow;

namespace {

const std::string sep(1, '\0');
const std::string no_due(8, '\xff');

}  // namespace

std::string list_prefix(char tag, std::string_view value) {
  std::string p(1, tag);
  p += sep;
  p += value;
  p += sep;
  return p;
}

std::string region_topic(std::string_view region, std::string_view topic) {
  std::string v(region);
  v += sep;
  v += topic;
  return v;
}

std::string sort_keys_key(const std::string& id) {
  return "k" + sep + id;
}

std::optional<sort_keys> read_sort_keys(std::string_view value) {
  if (value.size() != 16) return std::nullopt;
  return sort_keys{std::string(value.substr(0, 8)), std::string(value.substr(8))};
}

std::string due_time_key(std::optional<instant> due) {
  return due ? storage::time_key(due->seconds) : no_due;
}

std::optional<instant> due_of(std::string_view due_key) {
  if (due_key == no_due) return std::nullopt;
  return instant{storage::read_time_key(due_key)};
}

std::string lead_prefix() {
  return "l" + sep;
}

std::string blocked_prefix(const std::string& phone) {
  return list_prefix('b', same_caller_key(phone));
}

std::string created_prefix() {
  return "c" + sep;
}

std::map<std::string, std::string> index_keys(const ticket_state& s) {
  std::map<std::string, std::string> keys;
  if (!s.exists()) return keys;
  const std::string created = storage::time_key(s.created_at.seconds);
  const auto owed = next_due(s);
  const std::string due = due_time_key(owed);
  const std::string at = created + s.id;  // the position in registration order
  auto listed = [&](char tag, std::string_view value) { keys[list_prefix(tag, value) + at]; };
  listed('a', "");
  listed('s', name_of(s.current));
  listed('y', name_of(s.type));
  if (!s.region.empty()) listed('r', s.region);
  if (!s.topic.empty()) listed('t', s.topic);
  if (!s.region.empty() && !s.topic.empty()) listed('x', region_topic(s.region, s.topic));
  if (s.caller)
    if (auto digits = same_caller_key(s.caller->phone); !digits.empty()) {
      listed('n', digits);
      if (s.confidential) listed('m', digits);
    }
  if (s.overdue) listed('o', "");
  if (s.supervision != supervision_level::none) listed('v', name_of(s.supervision));
  for (std::size_t i = 0; i < count_of<pending_kind>(); ++i) {
    const auto kind = static_cast<pending_kind>(i);
    if (is_pending(s, kind)) listed('p', name_of(kind));
  }
  keys[list_prefix('d') + due + at];
  if (owed) listed('w', "");
  auto held = [&](const std::string& d) {
    if (d.empty()) return;
    listed('h', d);
    keys[list_prefix('e', d) + due + at];
  };
  held(s.lead);
  held(s.unit);
  for (const auto& c : s.co) held(c.department);
  keys[sort_keys_key(s.id)] = created + due;
  // An open ticket under its lead: /metrics' figures by department are counted at start-up from
  // these keys alone, without loading a ticket.
  if (s.is_open()) keys["l" + sep + s.lead + sep + (s.overdue ? "1" : "0") + sep + s.id];
  keys["c" + sep + created + sep + s.topic + sep + s.region + sep + s.id];
  if (s.caller_blocked && s.caller) keys[blocked_prefix(s.caller->phone) + s.id];
  return keys;
}

}  // namespace hotline::actors
