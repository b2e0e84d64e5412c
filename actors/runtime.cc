// The runtime facade: builds the actor system and the actors, and turns calls from other
// threads into messages.
#include "actors/runtime.h"

#include <future>

#include "actors/runtime_context.h"

namespace hotline::actors {
using namespace workflow;

namespace {

const std::string virtual_now_key = "virtual_now";

template <class T>
std::optional<T> wait_for(std::future<T>& f, std::chrono::milliseconds timeout) {
  if (f.wait_for(timeout) != std::future_status::ready) return std::nullopt;
  return f.get();
}

}  // namespace

struct runtime::impl {
  work_in_flight work;  // first: tokens in the actor system's messages outlive the context
  std::unique_ptr<clock> time;
  caf::actor_system_config config;
  std::unique_ptr<caf::actor_system> system;
  std::unique_ptr<runtime_context> ctx;
};

runtime::runtime(const runtime_options& o) : impl_(std::make_unique<impl>()) {
  if (o.virtual_time) {
    instant start = o.start;
    if (auto saved = o.db->get(storage::family::counters, virtual_now_key))
      start.seconds = std::max(start.seconds, storage::read_time_key(*saved));
    impl_->time = std::make_unique<virtual_clock>(start);
  } else {
    impl_->time = std::make_unique<real_clock>();
  }
  impl_->config.set("scheduler.max-threads", o.worker_threads);
  // CAF's idle workers poll 500 times with 50 µs naps before sleeping longer; the timer's 100 ms
  // tick restarts that each time, which cost an idle server 9% of a core and, under load, CPU the
  // HTTP and commit threads needed on 2 cores. Ten polls: idle 0.8%, submissions +10-15%.
  impl_->config.set("work-stealing.moderate-poll-attempts", 10);
  impl_->system = std::make_unique<caf::actor_system>(impl_->config);
  impl_->ctx = std::make_unique<runtime_context>(o, *impl_->time, impl_->work);
  runtime_context* ctx = impl_->ctx.get();
  for (auto [st, n] : ctx->repo.count_by_status())
    ctx->metrics.by_status[static_cast<std::size_t>(st)] = static_cast<long>(n);
  ctx->metrics.armed_timers = static_cast<long>(ctx->repo.count_due());
  ctx->metrics.by_lead[""];
  for (const auto& d : ctx->where.departments.all()) ctx->metrics.by_lead[d.id];
  for (const auto& [lead, load] : ctx->repo.count_open_by_lead())
    if (auto it = ctx->metrics.by_lead.find(lead); it != ctx->metrics.by_lead.end()) {
      it->second.open = static_cast<long>(load.open);
      it->second.overdue = static_cast<long>(load.overdue);
    }
  caf::actor_system& sys = *impl_->system;
  // Every handle is in place before the first message is sent.
  ctx->center = spawn_center(sys, ctx);
  ctx->catalog.push_back({"center", "center", "", ctx->center});
  for (const auto& d : ctx->where.departments.all()) {
    ctx->departments[d.id] = spawn_department(sys, ctx);
    ctx->catalog.push_back({"department", d.id,
                            d.parent.empty() ? "center" : "department:" + d.parent,
                            ctx->departments[d.id]});
  }
  ctx->escalation = spawn_escalation(sys, ctx);
  ctx->catalog.push_back({"escalation", "escalation", "", ctx->escalation});
  ctx->timer = spawn_timer(sys, ctx);
  ctx->catalog.push_back({"timer", "timer", "", ctx->timer});
  // Deadlines that passed while the process was down fire now.
  caf::anon_send(ctx->timer, tick_atom::value);
  if (o.virtual_time) advance(impl_->time->now());
}

runtime::~runtime() {
  quiesce(std::chrono::seconds(30));
  runtime_context* ctx = impl_->ctx.get();
  ctx->stopping = true;
  for (auto& [id, a] : ctx->directory.live_tickets(SIZE_MAX))
    caf::anon_send_exit(a, caf::exit_reason::user_shutdown);
  for (auto& e : ctx->catalog) caf::anon_send_exit(e.handle, caf::exit_reason::user_shutdown);
  impl_->system->await_all_actors_done();
  impl_->ctx.reset();  // its actor handles go before the system they belong to
  impl_->system.reset();
}

void runtime::submit(intake request, actor_ref by, reply_to reply, std::string idempotency_key) {
  runtime_context* ctx = impl_->ctx.get();
  caf::anon_send(ctx->center,
                 intake_request{std::move(request), std::move(by), ctx->track(std::move(reply)),
                                std::move(idempotency_key)});
}

void runtime::act(const std::string& id, command c, actor_ref by, reply_to reply,
                  std::string idempotency_key) {
  runtime_context* ctx = impl_->ctx.get();
  ctx->route(
      ticket_message{id, command_request{std::move(c), std::move(by), ctx->track(std::move(reply)),
                                         std::move(idempotency_key)}});
}

std::optional<std::pair<std::string, std::uint64_t>> runtime::idempotency_record(
    const std::string& key) const {
  auto v = impl_->ctx->db.get(storage::family::idempotency, key);
  if (!v) return std::nullopt;
  return read_idempotency_value(*v);
}

lookup<stored_ticket> runtime::read(const std::string& id) const {
  // The state is folded from the same history it is shown with, so the two always agree.
  auto history = impl_->ctx->repo.history(id);
  if (history.failed()) return lookup<stored_ticket>::failed(history.error());
  if (history->empty()) return {};
  stored_ticket t;
  t.history = std::move(*history);
  t.state = replay(t.history);
  return t;
}

bulletin runtime::report(report_period p, instant at) const {
  auto [from, to] = period_bounds(p, at);
  bulletin_builder b(impl_->ctx->where, p, from, to, now());
  // A ticket can be answered in this period and registered up to a year before it.
  for (const auto& id :
       impl_->ctx->repo.created_between({from.seconds - 366 * seconds_per_day}, to))
    if (auto h = impl_->ctx->repo.history(id)) b.add(*h);  // else counted in read_errors
  return b.finish();
}

const ticket_repository& runtime::repository() const {
  return impl_->ctx->repo;
}
const jurisdiction& runtime::where() const {
  return impl_->ctx->where;
}
instant runtime::now() const {
  return impl_->time->now();
}
bool runtime::virtual_time() const {
  return !impl_->time->moves_by_itself();
}

std::optional<advance_result> runtime::advance(instant to) {
  if (impl_->time->moves_by_itself()) return std::nullopt;
  runtime_context* ctx = impl_->ctx.get();
  auto done = std::make_shared<std::promise<advance_result>>();
  auto result = done->get_future();
  caf::anon_send(ctx->timer, advance_request{to, [done](advance_result r) { done->set_value(r); },
                                             ctx->work.begin()});
  advance_result r = result.get();
  ctx->commit({{storage::family::counters, virtual_now_key, storage::time_key(r.now.seconds)}},
              nullptr);
  return r;
}

bool runtime::quiesce(std::chrono::milliseconds timeout) {
  return impl_->work.wait_idle(timeout);
}

bool runtime::overloaded() const {
  runtime_context* ctx = impl_->ctx.get();
  return ctx->metrics.in_flight >= ctx->options.max_in_flight;
}

ticket_actor_info runtime::inspect(const std::string& id) {
  runtime_context* ctx = impl_->ctx.get();
  ticket_actor_info info;
  info.id = id;
  if (caf::actor a = ctx->directory.live(id)) {
    auto done = std::make_shared<std::promise<ticket_actor_info>>();
    auto answer = done->get_future();
    caf::anon_send<caf::message_priority::high>(
        a,
        ticket_message{id, inspect_request{[done](ticket_actor_info i) { done->set_value(i); }}});
    if (auto got = wait_for(answer, std::chrono::seconds(2))) return *got;
  }
  info.failed = ctx->directory.is_failed(id);
  if (auto stored = read(id)) {
    info.timers = deadlines(stored->state);
    info.supervisor = ctx->owner_name(stored->state);
    info.state = std::move(stored->state);
  }
  return info;
}

std::vector<actor_info> runtime::actors(const std::string& kind, std::size_t limit) {
  runtime_context* ctx = impl_->ctx.get();
  std::vector<actor_info> out;
  for (const auto& e : ctx->catalog) {
    if (out.size() >= limit) return out;
    if (!kind.empty() && kind != e.kind) continue;
    auto done = std::make_shared<std::promise<std::size_t>>();
    auto size = done->get_future();
    // Answered ahead of the backlog, so it reports the backlog rather than waiting behind it.
    caf::anon_send<caf::message_priority::high>(
        e.handle, counters_request{[done](std::vector<std::pair<std::string, std::size_t>> c) {
          std::size_t mailbox = 0;
          for (auto& [k, v] : c)
            if (k == "mailbox") mailbox = v;
          done->set_value(mailbox);
        }});
    out.push_back(
        {e.kind, e.id, wait_for(size, std::chrono::milliseconds(500)).value_or(0), e.supervisor});
  }
  if (!kind.empty() && kind != "ticket") return out;
  for (auto& [id, a] : ctx->directory.live_tickets(limit - std::min(limit, out.size()))) {
    auto info = inspect(id);
    out.push_back({"ticket", id, info.mailbox, info.supervisor});
  }
  return out;
}

bool runtime::kill_ticket_actor(const std::string& id, bool as_crash) {
  runtime_context* ctx = impl_->ctx.get();
  caf::actor a = ctx->directory.live(id);
  if (!a) return false;
  if (!as_crash) {
    std::lock_guard<std::mutex> lock(ctx->kills_mutex);
    ctx->deliberate_kills.insert(a.address());
  }
  ctx->directory.crashing(id, a, ctx->work.begin());
  caf::anon_send_exit(a, caf::exit_reason::kill);
  return true;
}

bool runtime::unpark_ticket(const std::string& id) {
  return impl_->ctx->directory.unpark(id);
}

runtime_stats runtime::stats() const {
  runtime_context* ctx = impl_->ctx.get();
  runtime_stats s;
  s.live_tickets = ctx->directory.live_count();
  s.failed_tickets = ctx->directory.failed_count();
  s.in_flight = ctx->metrics.in_flight;
  s.activations = ctx->metrics.activations;
  s.passivations = ctx->metrics.passivations;
  s.restarts = ctx->metrics.restarts;
  s.kills = ctx->metrics.kills;
  s.timers_fired = ctx->metrics.timers_fired;
  s.concentration_alerts = ctx->metrics.concentration_alerts;
  for (const auto& b : ctx->metrics.lateness) s.lateness.push_back(b);
  s.lateness_seconds = ctx->metrics.lateness_seconds;
  for (const auto& [department, load] : ctx->metrics.by_lead)
    s.by_lead.push_back({department, static_cast<std::size_t>(std::max(0L, load.open.load())),
                         static_cast<std::size_t>(std::max(0L, load.overdue.load()))});
  for (std::size_t i = 0; i < count_of<status>(); ++i) {
    auto st = static_cast<status>(i);
    auto n = static_cast<std::size_t>(std::max(0L, ctx->metrics.by_status[i].load()));
    s.by_status.emplace_back(st, n);
    if (st != status::declined && st != status::terminated && st != status::closed)
      s.open_tickets += n;
  }
  s.armed_timers = static_cast<std::size_t>(std::max(0L, ctx->metrics.armed_timers.load()));
  s.store = ctx->db.stats();
  return s;
}

}  // namespace hotline::actors
