// The runtime facade: builds the actor system and the actors, and turns calls from other
// threads into messages.
#include <cstdio>
#include <future>

#include "actors/index_upgrade.h"
#include "actors/runtime_impl.h"

namespace hotline::actors {
using namespace workflow;

namespace {

const std::string virtual_now_key = "virtual_now";

template <class T>
std::optional<T> wait_for(std::future<T>& f, std::chrono::milliseconds timeout) {
  if (f.wait_for(timeout) != std::future_status::ready) return std::nullopt;
  return f.get();
}

// The delivery actor starts with what the outbox holds: messages written before a crash go now.
void start_delivery(caf::actor_system& sys, runtime_context* ctx) {
  std::vector<outbox_entry> stored;
  if (auto error = read_outbox(ctx->db, SIZE_MAX, stored); !error.empty())
    std::fprintf(stderr, "outbox: %s (entries past it wait for a restart)\n", error.c_str());
  std::size_t failed = 0;
  for (const auto& e : stored) failed += e.failed;
  std::uint64_t delivered = 0;
  if (auto v = ctx->db.get(storage::family::counters, outbox_delivered_key))
    delivered = storage::read_be64(*v);
  ctx->outbox.start(stored.size() - failed, failed, delivered);
  ctx->delivery = spawn_delivery(sys, ctx, std::move(stored), delivered);
  ctx->catalog.push_back({"delivery", "delivery", "", ctx->delivery});
}

// The full-text index catches up with the store in the background; a folder it cannot open
// leaves the runtime without search (said in its figures), not without tickets.
void start_search(runtime_context* ctx) {
  if (ctx->options.search_dir.empty()) return;
  std::string error;
  auto commit = [ctx](storage::batch b) { return ctx->commit_and_wait(std::move(b)); };
  ctx->indexer =
      std::make_unique<search_indexer>(ctx->repo, commit, ctx->options.search_dir, error);
  if (!error.empty()) {
    std::fprintf(stderr, "search: %s\n", error.c_str());
    ctx->indexer.reset();
    ctx->search_failure = error;
  }
}

}  // namespace

runtime::runtime(const runtime_options& o) : impl_(std::make_unique<impl>()) {
  std::string unrecovered;
  if (o.virtual_time) {
    instant start = o.start;
    auto saved = o.db->read(storage::family::counters, virtual_now_key);
    if (saved.failed()) unrecovered = "the virtual time: " + saved.error;
    if (saved.value) start.seconds = std::max(start.seconds, storage::read_time_key(*saved.value));
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
  if (!unrecovered.empty()) ctx->cannot_recover(unrecovered);
  if (auto error = upgrade_indexes(ctx->repo); !error.empty())
    ctx->cannot_recover("the index upgrade: " + error);
  start_with_loaded_calendars();
  start_with_loaded_policies();
  auto by_status = ctx->repo.count_by_status();
  auto armed = ctx->repo.count_due();
  auto by_lead = ctx->repo.count_open_by_lead();
  for (const auto* failed : {&by_status.error(), &armed.error(), &by_lead.error()})
    if (!failed->empty()) ctx->cannot_recover(*failed);
  if (by_status)
    for (auto [st, n] : *by_status)
      ctx->metrics.by_status[static_cast<std::size_t>(st)] = static_cast<long>(n);
  if (armed) ctx->metrics.armed_timers = static_cast<long>(*armed);
  ctx->metrics.by_lead[""];
  auto where = ctx->where();  // the departments never change while running
  for (const auto& d : where->departments.all()) ctx->metrics.by_lead[d.id];
  if (by_lead)
    for (const auto& [lead, load] : *by_lead)
      if (auto it = ctx->metrics.by_lead.find(lead); it != ctx->metrics.by_lead.end()) {
        it->second.open = static_cast<long>(load.open);
        it->second.overdue = static_cast<long>(load.overdue);
      }
  start_search(ctx);
  caf::actor_system& sys = *impl_->system;
  // Every handle is in place before the first message is sent.
  ctx->center = spawn_center(sys, ctx);
  ctx->catalog.push_back({"center", "center", "", ctx->center});
  for (const auto& d : where->departments.all()) {
    ctx->departments[d.id] = spawn_department(sys, ctx);
    ctx->catalog.push_back({"department", d.id,
                            d.parent.empty() ? "center" : "department:" + d.parent,
                            ctx->departments[d.id]});
  }
  ctx->escalation = spawn_escalation(sys, ctx);
  ctx->catalog.push_back({"escalation", "escalation", "", ctx->escalation});
  ctx->timer = spawn_timer(sys, ctx);
  ctx->catalog.push_back({"timer", "timer", "", ctx->timer});
  start_delivery(sys, ctx);
  // Deadlines that passed while the process was down fire now.
  caf::anon_send(ctx->timer, tick_atom::value);
  if (o.virtual_time) advance(impl_->time->now());
  finish_calendar_recompute();
}

runtime::~runtime() {
  quiesce(std::chrono::seconds(30));
  runtime_context* ctx = impl_->ctx.get();
  ctx->indexer.reset();  // what it has not indexed stays in the journal
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
  // The rule needs the cited entry as it stands (workflow::check_citation).
  if (auto* a = std::get_if<workflow::answer>(&c); a && !a->entry_id.empty()) {
    auto entry = load_entry(ctx->db, a->entry_id);
    if (entry.failed()) return reply(command_outcome::unavailable(entry.error()));
    if (entry) a->cited = std::move(*entry);
  }
  ctx->route(
      ticket_message{id, command_request{std::move(c), std::move(by), ctx->track(std::move(reply)),
                                         std::move(idempotency_key)}});
}

std::shared_ptr<const jurisdiction> runtime::where() const {
  return impl_->ctx->where();
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
  // The virtual time is durable before advance() returns, so a restart resumes from it; if it
  // cannot be written, the caller hears so.
  if (std::string e = ctx->commit_and_wait(
          {{storage::family::counters, virtual_now_key, storage::time_key(r.now.seconds)}});
      !e.empty() && r.error.empty())
    r.error = "the virtual time: " + e;
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
  s.outbox = ctx->outbox.figures();
  auto store = ctx->db.stats();
  s.store.durable = ctx->db.durable();
  // A failed recovery refuses every change, as a failed store does.
  s.store.failure = store.failure.empty() ? ctx->recovery_failure() : store.failure;
  s.store.batches = store.batches;
  s.store.writes = store.writes;
  s.store.syncs = store.syncs;
  s.store.keys = store.keys;
  s.store.pending = store.pending;
  s.store.read_errors = store.read_errors;
  s.store.last_read_error = store.last_read_error;
  return s;
}

lookup<std::vector<outbox_entry>> runtime::outbox(std::size_t limit) const {
  std::vector<outbox_entry> out;
  if (auto error = read_outbox(impl_->ctx->db, limit, out); !error.empty())
    return lookup<std::vector<outbox_entry>>::failed(error);
  return out;
}

bool runtime::drain_outbox(std::chrono::milliseconds timeout) {
  return impl_->ctx->outbox.wait_settled(timeout);
}

}  // namespace hotline::actors
