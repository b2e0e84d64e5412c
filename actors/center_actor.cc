// The hotline center's actor: registers tickets (ids, repeat counts from related_to, Zhijiang's
// routing precedent), spawns their actors and supervises them until a department leads them.
#include <cstdio>

#include "actors/ticket_supervision.h"
#include "workflow/across_tickets.h"

namespace hotline::actors {
namespace {
using namespace workflow;

const std::string precedent_prefix = std::string("precedent") + '\0';

struct center_state {
  ticket_supervision tickets{nullptr};
  runtime_context* ctx = nullptr;
  date day{0, 0, 0};
  long next_seq = 1;
  std::unordered_map<std::string, std::string> precedents;  // topic -> lead
  static constexpr const char* name = "center";
};
using self_ptr = caf::stateful_actor<center_state>*;

// "<jurisdiction>-YYYYMMDD-NNNNNN": ids sort by day and arrival. Failed if the day's last id
// cannot be read (guessing could reuse an id).
lookup<std::string> next_id(center_state& st, instant now) {
  date d = local_date(now);
  char day[16];
  std::snprintf(day, sizeof day, "%04d%02d%02d", d.year, d.month, d.day);
  std::string prefix = st.ctx->where()->rules.id + "-" + day + "-";
  if (d != st.day) {
    auto last = st.ctx->repo.last_id(prefix);
    if (last.failed()) return lookup<std::string>::failed(last.error());
    st.day = d;
    st.next_seq = last ? std::atol(last->c_str() + prefix.size()) + 1 : 1;
  }
  char seq[16];
  std::snprintf(seq, sizeof seq, "%06ld", st.next_seq++);
  return prefix + seq;
}

// What the center knows beyond the request: the repeat count along related_to (001 art. 10(4),
// 21(6)), whether the earlier ticket closed after rework (004 art. 14), the precedent, and
// whether the caller's phone is blocked for harassment (000 art. 20).
result<intake_facts> facts_for(center_state& st, const intake& r,
                               const lookup<ticket_state>& related,
                               const lookup<std::string>& blocked_by) {
  intake_facts f;
  if (!r.related_to.empty()) {
    if (!related) return invalid_field("related_to", "'" + r.related_to + "' is not a ticket");
    f = facts_from_related(*related);
  }
  if (blocked_by) f.blocked_by = *blocked_by;
  if (st.ctx->where()->rules.routing_precedent.value) {
    auto it = st.precedents.find(r.topic);
    if (it != st.precedents.end()) f.proposed_lead = it->second;
  }
  return f;
}

// The center commits a new ticket itself: no actor is spawned for it (a submission is often all a
// ticket sees for hours), and its first command activates it from storage like any passive
// ticket's. Nobody can address the ticket before its batch is durable: the id is known only once
// the submitter is answered, and the due index and escalation see it only then.
void commit_submission(runtime_context* ctx, intake_request& r, std::vector<event_record> events) {
  auto f = ctx->fold(std::make_shared<const ticket_state>(), std::move(events), r.idempotency_key);
  ctx->commit(std::move(f.batch), [ctx, reply = r.reply, change = f.change,
                                   journal = f.journal](const std::string& error) {
    if (!error.empty()) {
      reply(command_outcome::unavailable(error));
      return;
    }
    ctx->journaled(journal);  // before the answer: a search after it finds it
    reply(command_outcome::done(change.after, *change.events));
    notify(ctx, caf::actor(), change);
  });
}

void take_in(self_ptr self, intake_request& r) {
  auto& st = self->state;
  runtime_context* ctx = st.ctx;
  lookup<ticket_state> related;
  if (!r.request.related_to.empty()) related = ctx->repo.load(r.request.related_to);
  lookup<std::string> blocked_by;
  if (r.request.caller && !r.request.caller->phone.empty())
    blocked_by = ctx->repo.blocked_by(r.request.caller->phone);
  for (const auto* failed : {&related.error(), &blocked_by.error()})
    if (!failed->empty()) {
      r.reply(command_outcome::unavailable(*failed));
      return;
    }
  auto facts = facts_for(st, r.request, related, blocked_by);
  if (!facts) {
    ctx->refuse(r.reply, r.idempotency_key, facts.error());
    return;
  }
  auto id = next_id(st, ctx->time.now());
  if (!id) {
    r.reply(command_outcome::unavailable(id.error()));
    return;
  }
  facts.value().id = *id;
  auto where = ctx->where();
  auto decided = decide(ticket_state{}, submit{std::move(r.request), std::move(*facts)},
                        context{*where, ctx->time.now(), r.by});
  if (!decided) {
    --st.next_seq;  // the id goes back (nothing else took one meanwhile): refusals leave no gaps
    ctx->refuse(r.reply, r.idempotency_key, decided.error());
    return;
  }
  commit_submission(ctx, r, std::move(*decided));
}

// Zhijiang (002 art. 16(4)): a lead fixed by a joint dispatch is proposed for the same topic.
void remember_precedent(self_ptr self, const ticket_changed& change) {
  auto& st = self->state;
  const ticket_state& t = *change.after;
  auto lead = precedent_set(t, *change.events, st.ctx->where()->rules);
  if (!lead || st.precedents[t.topic] == *lead) return;
  st.precedents[t.topic] = *lead;
  st.ctx->commit({{storage::family::counters, precedent_prefix + t.topic, *lead}}, nullptr);
}

caf::behavior center_actor(self_ptr self, runtime_context* ctx) {
  auto& st = self->state;
  st.ctx = ctx;
  st.tickets = ticket_supervision(ctx);
  std::string end = precedent_prefix;
  end.back() = '\1';
  std::string error = ctx->db.scan(
      storage::family::counters, precedent_prefix, end,
      [&](std::string_view key, std::string_view lead) {
        st.precedents[std::string(key.substr(precedent_prefix.size()))] = std::string(lead);
        return true;
      });
  if (!error.empty()) ctx->cannot_recover("the routing precedents: " + error);
  self->set_down_handler([=](caf::down_msg& dm) { self->state.tickets.down(self, dm); });
  auto [adopt, live, release, counters] = supervision_handlers(self);
  return {adopt,
          live,
          release,
          counters,
          [=](intake_request& r) {
            work_in_flight::handling busy(self->state.ctx->work);  // shed_load() comes last
            take_in(self, r);
          },
          [=](ticket_changed& change) { remember_precedent(self, change); }};
}

}  // namespace

caf::actor spawn_center(caf::actor_system& sys, runtime_context* ctx) {
  return sys.spawn<caf::lazy_init>(center_actor, ctx);
}

}  // namespace hotline::actors
