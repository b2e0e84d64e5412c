#include "actors/ticket_directory.h"

namespace hotline::actors {

ticket_directory::shard& ticket_directory::shard_of(const std::string& id) {
  return shards_[std::hash<std::string>{}(id) % shard_count];
}
const ticket_directory::shard& ticket_directory::shard_of(const std::string& id) const {
  return shards_[std::hash<std::string>{}(id) % shard_count];
}

ticket_directory::routed ticket_directory::route(ticket_message& m) {
  shard& s = shard_of(m.id);
  std::lock_guard<std::mutex> lock(s.mutex);
  auto [it, fresh] = s.entries.try_emplace(m.id);
  entry& e = it->second;
  if (e.failed) return routed::failed;
  e.touched = std::chrono::steady_clock::now();
  if (e.actor) {
    caf::anon_send(e.actor, std::move(m));
    return routed::sent;
  }
  e.waiting.push_back(std::move(m));
  if (!fresh && e.activating) return routed::queued;
  e.activating = true;
  return routed::must_activate;
}

void ticket_directory::activated(const std::string& id, const caf::actor& a) {
  {
    shard& s = shard_of(id);
    std::lock_guard<std::mutex> lock(s.mutex);
    entry& e = s.entries[id];
    e.actor = a;
    e.activating = false;
    for (auto& m : e.waiting) caf::anon_send(a, std::move(m));
    e.waiting.clear();
    e.restarting.release();
  }
  ++live_;
  std::lock_guard<std::mutex> order(order_mutex_);
  activation_order_.push_back(id);
}

std::vector<ticket_message> ticket_directory::abandon(const std::string& id) {
  shard& s = shard_of(id);
  std::lock_guard<std::mutex> lock(s.mutex);
  auto it = s.entries.find(id);
  if (it == s.entries.end()) return {};
  auto waiting = std::move(it->second.waiting);
  s.entries.erase(it);
  return waiting;
}

bool ticket_directory::retire(const std::string& id, const caf::actor& a) {
  shard& s = shard_of(id);
  std::lock_guard<std::mutex> lock(s.mutex);
  auto it = s.entries.find(id);
  if (it == s.entries.end() || it->second.actor != a || !it->second.waiting.empty()) return false;
  s.entries.erase(it);
  --live_;
  return true;
}

void ticket_directory::crashing(const std::string& id, const caf::actor& a, work_token w) {
  shard& s = shard_of(id);
  std::lock_guard<std::mutex> lock(s.mutex);
  auto it = s.entries.find(id);
  if (it != s.entries.end() && it->second.actor == a) it->second.restarting = std::move(w);
}

bool ticket_directory::crashed(const std::string& id, const caf::actor_addr& a) {
  shard& s = shard_of(id);
  std::lock_guard<std::mutex> lock(s.mutex);
  auto it = s.entries.find(id);
  if (it == s.entries.end() || it->second.actor.address() != a) return false;
  it->second.actor = nullptr;
  it->second.activating = true;
  --live_;
  return true;
}

std::vector<ticket_message> ticket_directory::park(const std::string& id) {
  shard& s = shard_of(id);
  std::lock_guard<std::mutex> lock(s.mutex);
  entry& e = s.entries[id];
  if (!e.failed) ++failed_;
  e.failed = true;
  e.activating = false;
  e.restarting.release();
  auto waiting = std::move(e.waiting);
  e.waiting.clear();
  return waiting;
}

bool ticket_directory::unpark(const std::string& id) {
  shard& s = shard_of(id);
  std::lock_guard<std::mutex> lock(s.mutex);
  auto it = s.entries.find(id);
  if (it == s.entries.end() || !it->second.failed) return false;
  s.entries.erase(it);  // nothing waits on a parked ticket: park() handed its messages back
  --failed_;
  return true;
}

caf::actor ticket_directory::live(const std::string& id) const {
  const shard& s = shard_of(id);
  std::lock_guard<std::mutex> lock(s.mutex);
  auto it = s.entries.find(id);
  return it == s.entries.end() ? caf::actor() : it->second.actor;
}

bool ticket_directory::is_failed(const std::string& id) const {
  const shard& s = shard_of(id);
  std::lock_guard<std::mutex> lock(s.mutex);
  auto it = s.entries.find(id);
  return it != s.entries.end() && it->second.failed;
}

std::size_t ticket_directory::live_count() const {
  return live_;
}
std::size_t ticket_directory::failed_count() const {
  return failed_;
}

std::vector<std::pair<std::string, caf::actor>> ticket_directory::live_tickets(
    std::size_t limit) const {
  std::vector<std::pair<std::string, caf::actor>> out;
  for (const auto& s : shards_) {
    std::lock_guard<std::mutex> lock(s.mutex);
    for (const auto& [id, e] : s.entries) {
      if (out.size() >= limit) return out;
      if (e.actor) out.emplace_back(id, e.actor);
    }
  }
  return out;
}

std::vector<caf::actor> ticket_directory::over_capacity(std::size_t max_live) {
  std::vector<caf::actor> out;
  std::lock_guard<std::mutex> order(order_mutex_);
  std::size_t excess = live_ > max_live ? live_ - max_live : 0;
  // Ids at the front that are no longer live are dropped, so the queue stays near live_.
  while (!activation_order_.empty()) {
    caf::actor a = live(activation_order_.front());
    if (a && out.size() >= excess) break;
    if (a) out.push_back(std::move(a));
    activation_order_.pop_front();
  }
  return out;
}

}  // namespace hotline::actors

namespace hotline::actors {

std::vector<caf::actor> ticket_directory::idle_since(
    std::chrono::steady_clock::time_point before) const {
  std::vector<caf::actor> out;
  for (const auto& s : shards_) {
    std::lock_guard<std::mutex> lock(s.mutex);
    for (const auto& [id, e] : s.entries)
      if (e.actor && e.touched < before) out.push_back(e.actor);
  }
  return out;
}

}  // namespace hotline::actors
