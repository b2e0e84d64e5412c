#include "apps/simulate/simulator.h"

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <queue>

#include "apps/simulate/behavior.h"
#include "apps/simulate/traffic.h"

namespace hotline::simulate {
using namespace workflow;
using steady = std::chrono::steady_clock;

namespace {

// Waits for a batch of commands issued together.
class batch_wait {
 public:
  actors::reply_to slot(std::function<void(const actors::command_outcome&)> on_done) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++open_;
    return actors::reply_to([this, on_done = std::move(on_done)](actors::command_outcome o) {
      on_done(o);
      std::lock_guard<std::mutex> lock(mutex_);
      if (--open_ == 0) done_.notify_all();
    });
  }
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return open_ == 0; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable done_;
  std::size_t open_ = 0;
};

struct ticket_track {
  std::string id;
  std::int64_t wake = -1;  // when its next step is due; -1: nothing planned
  std::optional<std::uint64_t> blocked_version;
  std::optional<action> blocked;
  bool abandoned = false;
};

class engine {
 public:
  engine(actors::runtime& rt, const load_model& m, const sim_options& o)
      : rt_(rt),
        o_(o),
        where_(rt.where()),
        arrivals_(plan_arrivals(m, *where_, o.start, o.days, o.seed)),
        people_(m, *where_, o.seed),
        tickets_(arrivals_.size()) {}

  sim_figures run() {
    auto began = steady::now();
    const std::int64_t end = local_instant(add_days(local_date(o_.start), o_.days), 0).seconds;
    std::size_t fired_before = rt_.stats().timers_fired;
    while (true) {
      std::int64_t now = next_instant();
      if (now >= end) break;
      ++f_.instants;
      advance(now);
      register_calls(now);
      while (take_steps(now)) {
      }
      if (o_.progress) progress(now, began);
    }
    advance(end);
    settle();
    f_.timers_fired = rt_.stats().timers_fired - fired_before;
    f_.events += f_.timers_fired;
    f_.seconds = std::chrono::duration<double>(steady::now() - began).count();
    f_.end = {end};
    for (const auto& t : tickets_) f_.abandoned += t.abandoned;
    if (o_.progress) std::fprintf(stderr, "\n");
    return f_;
  }

 private:
  void advance(std::int64_t to) {
    if (!rt_.advance({to})->error.empty()) f_.settled = false;
  }

  // Every effect of what was issued (notifications, escalation, passivation) is done.
  void settle() {
    if (!rt_.quiesce(std::chrono::seconds(60))) f_.settled = false;
  }

  std::int64_t grid(std::int64_t t) const {
    std::int64_t step = std::int64_t{o_.resolution_minutes} * 60;
    return (t + step - 1) / step * step;
  }

  std::int64_t next_instant() {
    while (!wakes_.empty() && tickets_[wakes_.top().second].wake != wakes_.top().first)
      wakes_.pop();
    std::int64_t next = INT64_MAX;
    if (next_arrival_ < arrivals_.size()) next = grid(arrivals_[next_arrival_].at.seconds);
    if (!wakes_.empty()) next = std::min(next, wakes_.top().first);
    return next;
  }

  void plan(std::size_t index, std::int64_t at) {
    tickets_[index].wake = at;
    wakes_.push({at, index});
  }

  // The calls of this instant, registered in arrival order (so ids are the same every run).
  void register_calls(std::int64_t now) {
    batch_wait batch;
    std::vector<std::size_t> called;
    for (; next_arrival_ < arrivals_.size() && grid(arrivals_[next_arrival_].at.seconds) <= now;
         ++next_arrival_) {
      std::size_t i = next_arrival_;
      intake request = arrivals_[i].request;
      if (arrivals_[i].repeat_of) request.related_to = tickets_[*arrivals_[i].repeat_of].id;
      called.push_back(i);
      ++f_.commands;
      rt_.submit(std::move(request), {role::operator_, "", "sim"},
                 batch.slot([this, i](const actors::command_outcome& out) {
                   if (out.what != actors::command_outcome::kind::done) return;
                   tickets_[i].id = out.ticket->id;
                   std::lock_guard<std::mutex> lock(count_mutex_);
                   f_.events += out.events.size();
                 }));
    }
    batch.wait();
    settle();  // hot-spot supervision lands before anyone acts
    for (std::size_t i : called)
      if (!tickets_[i].id.empty()) {
        ++f_.tickets;
        plan(i, now);
      } else {
        ++f_.refused;
      }
  }

  // One round: each ticket with a step due takes one. Whether anything happened.
  bool take_steps(std::int64_t now) {
    std::vector<std::size_t> due;
    while (!wakes_.empty() && wakes_.top().first <= now) {
      auto [at, i] = wakes_.top();
      wakes_.pop();
      if (tickets_[i].wake == at) {
        tickets_[i].wake = -1;
        due.push_back(i);
      }
    }
    if (due.empty()) return false;
    std::sort(due.begin(), due.end());
    batch_wait batch;
    std::vector<std::pair<std::size_t, std::optional<action>>> issued;
    for (std::size_t i : due) {
      auto& track = tickets_[i];
      auto state = rt_.state(track.id);
      if (state.failed()) f_.settled = false;  // storage could not say: the run is not the seed's
      if (!state) continue;
      std::optional<action> blocked;
      if (track.blocked_version == state->version) blocked = track.blocked;
      auto s = people_.next(*state, arrivals_[i], i, blocked);
      if (!s) continue;  // over
      if (grid(s->at.seconds) > now) {
        plan(i, grid(s->at.seconds));
        continue;
      }
      issued.emplace_back(i, action_of(s->c));
      ++f_.commands;
      std::uint64_t version = state->version;
      rt_.act(
          track.id, std::move(s->c), s->by,
          batch.slot([this, i, version, act = action_of(s->c)](const actors::command_outcome& out) {
            std::lock_guard<std::mutex> lock(count_mutex_);
            f_.events += out.events.size();
            if (out.what != actors::command_outcome::kind::refused) return;
            ++f_.refused;
            ++f_.refusals[std::string(name_of(*act)) + ": " +
                          std::string(name_of(out.refusal.code)) + ": " + out.refusal.message];
            // Not planned again for this state; if the alternative is refused as well, the
            // ticket's simulation ends there (and shows in the figures).
            if (tickets_[i].blocked_version == version) tickets_[i].abandoned = true;
            tickets_[i].blocked_version = version;
            tickets_[i].blocked = act;
          }));
    }
    batch.wait();
    settle();
    for (auto& [i, act] : issued)
      if (!tickets_[i].abandoned) plan(i, now);  // its next step is worked out afresh
    return !issued.empty();
  }

  void progress(std::int64_t now, steady::time_point began) {
    int day = static_cast<int>((now - o_.start.seconds) / seconds_per_day) + 1;
    auto wall = steady::now();
    if (wall - last_progress_ < std::chrono::milliseconds(250)) return;  // 4 updates a second
    last_progress_ = wall;
    double elapsed = std::chrono::duration<double>(steady::now() - began).count();
    int width = 30, filled = o_.days ? day * width / o_.days : width;
    std::fprintf(stderr, "\rday %3d/%d [%s%s] %zu tickets, %zu events, %.0f events/s  ", day,
                 o_.days, std::string(filled, '#').c_str(),
                 std::string(width - filled, '.').c_str(), f_.tickets,
                 f_.events + rt_.stats().timers_fired,
                 elapsed > 0 ? (f_.events + rt_.stats().timers_fired) / elapsed : 0.0);
  }

  actors::runtime& rt_;
  const sim_options o_;
  std::shared_ptr<const jurisdiction> where_;  // people_ holds a reference into it
  std::vector<arrival> arrivals_;
  behavior people_;
  std::vector<ticket_track> tickets_;
  std::priority_queue<std::pair<std::int64_t, std::size_t>,
                      std::vector<std::pair<std::int64_t, std::size_t>>, std::greater<>>
      wakes_;
  std::size_t next_arrival_ = 0;
  std::mutex count_mutex_;
  sim_figures f_;
  steady::time_point last_progress_;
};

}  // namespace

sim_figures run_simulation(actors::runtime& rt, const load_model& m, const sim_options& o) {
  load_model model = m;
  if (o.tickets_per_day > 0) model.tickets_per_day = o.tickets_per_day;
  return engine(rt, model, o).run();
}

}  // namespace hotline::simulate
