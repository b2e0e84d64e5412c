// The hotline center's decisions at intake: register, answer, decline, dispatch.
#include <algorithm>

#include "workflow/decide_support.h"

namespace hotline::workflow::detail {
namespace {

std::optional<refusal> check_unused(const policy& p, const std::optional<ticket_class>& cls,
                                    const std::optional<complexity>& cx) {
  if (cls && !p.uses_class.value)
    return invalid_field("class", "is not used in " + p.id + " (only Pingdingshan classes items)");
  if (cx && !p.uses_complexity.value) return invalid_field("complexity", "is not used in " + p.id);
  return std::nullopt;
}

// Referrals the regulations require when the caller must go elsewhere (001 art. 8, 004 art. 8).
bool needs_referral(decline_reason r) {
  return r == decline_reason::emergency || r == decline_reason::out_of_jurisdiction ||
         r == decline_reason::legal_procedure || r == decline_reason::other_organ;
}

bool names_emergency_line(const std::string& referral) {
  for (const char* line : {"110", "119", "120", "122"})
    if (referral.find(line) != std::string::npos) return true;
  return false;
}

// Whether a repeat may be declined here (rules.md §1), or why not.
std::optional<refusal> check_repeat_ground(const ticket_state& s, const policy& p) {
  const auto& ground = p.repeat_decline;
  auto refuse = [&](const std::string& why) {
    return invalid_field("reason_code",
                         "repeat_without_new_facts " + why + " (" + ground.from + ")");
  };
  if (s.related_to.empty()) return refuse("needs the ticket to be related_to an earlier one");
  switch (ground.value) {
    case repeat_ground::none:
      return refuse("is not a ground to decline in " + p.id);
    case repeat_ground::handled_or_answered:
      if (s.type != ticket_type::complaint) return refuse("applies to complaints only");
      if (!s.related_handled)
        return refuse("needs the earlier complaint to be in hand or clearly answered");
      return std::nullopt;
    case repeat_ground::after_confirmed_rework:
      if (!s.prior_reworked)
        return refuse(
            "needs the earlier item to have been redone under supervision or rework "
            "and closed by the office; until then it must be accepted");
      return std::nullopt;
  }
  return std::nullopt;
}

// "At once" contact (a term on the 24x7 clock) runs from dispatch, not from signing (002 16(3)).
result<maybe_term> contact_at_once(const policy& p, const profile& prof, const context& ctx) {
  const term_rule* rule = select(p.contact, prof);
  if (!rule || !rule->term || rule->term->kind != period::unit::clock_minutes) return maybe_term{};
  return due_by(p.contact, prof, ctx.now, ctx.where.calendar);
}

}  // namespace

result<dispatched> dispatch_to(const ticket_state& target, const std::string& lead,
                               const std::optional<signatures>& approved_by, const context& ctx) {
  const policy& p = ctx.where.rules;
  auto approval = check_sign_off(sign_off_chain(target, p, step::dispatch), step::dispatch,
                                 approved_by, ctx.now);
  if (!approval) return approval.error();
  profile prof = profile_of(target);
  auto sign_due = due_by(p.sign, prof, ctx.now, ctx.where.calendar);
  if (!sign_due) return sign_due.error();
  auto return_due = due_by(p.return_window, prof, ctx.now, ctx.where.calendar);
  if (!return_due) return return_due.error();
  auto contact_due = contact_at_once(p, prof, ctx);
  if (!contact_due) return contact_due.error();
  dispatched e;
  e.lead = lead;
  for (const auto& h : target.co) e.co.push_back(h.department);
  e.signed_off = approval->first;
  e.further_sign_offs = approval->further;
  e.sign_due = due_of(*sign_due);
  e.sign_term = fact_of(*sign_due);
  e.return_due = due_of(*return_due);
  e.return_term = fact_of(*return_due);
  e.deemed_on_return_expiry = p.deemed_acceptance.value;
  e.contact_due = due_of(*contact_due);
  e.contact_term = fact_of(*contact_due);
  return e;
}

std::optional<refusal> check_dispatch_tier(const department_tree& tree, const policy& p,
                                           const std::string& field, const std::string& id) {
  const auto& tier = p.dispatch_tier;
  const department* d = tree.find(id);
  if (tier.value && d && d->tier != *tier.value)
    return invalid_field(field, "'" + id + "' is a tier-" + std::to_string(d->tier) +
                                    " unit; the office dispatches to tier-" +
                                    std::to_string(*tier.value) + " units (" + tier.from + ")");
  return std::nullopt;
}

events decide_one(const ticket_state& s, const submit& c, const context& ctx) {
  const policy& p = ctx.where.rules;
  intake q = c.request;
  if (auto denied = authorize_intake(ctx.by)) return *denied;
  // Which upper item a ticket answers to is said by the upper platform's own token (002 art. 10).
  if (ctx.by.who == role::platform) {
    if (q.via != channel::upper_platform)
      return invalid_field("channel", "must be upper_platform from an upper platform");
    if (!q.upper) return invalid_field("upper", "is required from an upper platform");
    if (auto r = check_text("upper.ticket", q.upper->ticket, 100)) return *r;
    q.upper->platform = ctx.by.department;
  } else if (q.upper) {
    return invalid_field("upper", "is given by an upper platform only");
  }
  // An upper platform's item is a key item where the regulation says so (001 art. 2, 10(4)).
  if (p.upper_platform_is_key.value && q.via == channel::upper_platform && !q.key)
    q.key = key_source::upper_hotline;
  if (s.exists()) return invalid_transition(s, p, "The ticket already exists.");
  if (c.facts.id.empty()) return invalid_field("id", "must be assigned by the hotline center");
  if (auto r = check_text("title", q.title, 200)) return *r;
  if (auto r = check_text("content", q.content, 20000)) return *r;
  for (auto [field, text] : {std::pair{"region", &q.region}, {"topic", &q.topic}})
    if (!text->empty())
      if (auto r = check_text(field, *text, 100)) return *r;
  if (q.caller)
    for (auto [field, text] :
         {std::pair{"citizen.name", &q.caller->name}, {"citizen.phone", &q.caller->phone}})
      if (!text->empty())
        if (auto r = check_text(field, *text, 100)) return *r;
  if (auto r = check_unused(p, q.cls, q.cx)) return *r;
  if (q.kind_of_matter && !p.uses_nature.value)
    return invalid_field("nature", "is not used in " + p.id);
  if (c.facts.repeat_count < 0) return invalid_field("related_to", "gives a negative repeat count");
  if (!c.facts.blocked_by.empty()) {
    refusal r;
    r.code = refusal_code::caller_blocked;
    r.message = "This caller's phone is blocked for harassment by ticket " + c.facts.blocked_by +
                " (000 art. 20, 001 art. 13); a supervisor may lift the block there.";
    r.ticket = c.facts.blocked_by;
    return r;
  }

  auto dispatch_due =
      due_by(p.dispatch, profile{q.type, q.cls, q.cx, q.emergency}, ctx.now, ctx.where.calendar);
  if (!dispatch_due) return dispatch_due.error();

  decision d(s, ctx);
  d.add(submitted{c.facts.id, p.id, q, c.facts.repeat_count, c.facts.prior_reworked,
                  c.facts.proposed_lead, due_of(*dispatch_due), c.facts.related_handled,
                  fact_of(*dispatch_due)});
  // Key items and repeat callers are supervised from the start where the jurisdiction says so.
  ticket_state fresh;
  fresh.key = q.key;
  fresh.repeat_count = c.facts.repeat_count;
  auto by_key = automatic_level(p, supervision_trigger::key_item, fresh);
  auto by_repeat = automatic_level(p, supervision_trigger::repeat, fresh);
  if (by_key || by_repeat) {
    bool key_wins = by_key && (!by_repeat || *by_key >= *by_repeat);
    d.add(supervised{key_wins ? *by_key : *by_repeat,
                     key_wins ? supervision_trigger::key_item : supervision_trigger::repeat,
                     key_wins
                         ? "key item: " + std::string(name_of(*q.key))
                         : "call " + std::to_string(c.facts.repeat_count + 1) + " on the matter",
                     std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  }
  return d.take();
}

events decide_one(const ticket_state& s, const answer& c, const context& ctx) {
  if (c.entry_id.empty())
    return one_checked_event(s, ctx, "answer", c.text, 20000, answered{c.text, "", 0});
  if (auto r = check_citation(c.cited, c.entry_id, ctx.now)) return *r;
  return one_checked_event(s, ctx, "answer", c.text, 20000,
                           answered{c.text, c.entry_id, c.cited->revision});
}

events decide_one(const ticket_state& s, const decline& c, const context& ctx) {
  if (auto r = check_text("reason", c.reason, 2000)) return *r;
  if (needs_referral(c.reason_code) && c.referral.empty())
    return invalid_field("referral", "must tell the caller where to go (001 art. 8, 004 art. 8)");
  if (c.reason_code == decline_reason::emergency && !names_emergency_line(c.referral))
    return invalid_field("referral",
                         "must name 110, 119, 120 or 122 for an emergency (002 art. 12)");
  if (c.reason_code == decline_reason::repeat_without_new_facts)
    if (auto r = check_repeat_ground(s, ctx.where.rules)) return *r;
  decision d(s, ctx);
  d.add(declined{c.reason_code, c.reason, c.referral});
  close_and_archive(d, ctx, false);
  return d.take();
}

events decide_one(const ticket_state& s, const dispatch& c, const context& ctx) {
  const policy& p = ctx.where.rules;
  const department_tree& tree = ctx.where.departments;
  if (c.lead.empty() || !tree.find(c.lead))
    return invalid_field("lead", "'" + c.lead + "' is not a department of " + p.id);
  for (std::size_t i = 0; i < c.co.size(); ++i) {
    const std::string& d = c.co[i];
    std::string field = "co[" + std::to_string(i) + "]";
    if (!tree.find(d)) return invalid_field(field, "'" + d + "' is not a department of " + p.id);
    if (d == c.lead) return invalid_field(field, "repeats the lead department");
    if (std::find(c.co.begin(), c.co.begin() + i, d) != c.co.begin() + i)
      return invalid_field(field, "names '" + d + "' twice");
    if (auto r = check_dispatch_tier(tree, p, field, d)) return *r;
  }
  if (auto r = check_dispatch_tier(tree, p, "lead", c.lead)) return *r;
  if (auto r = check_unused(p, c.cls, c.cx)) return *r;
  ticket_state target = s;  // the ticket as dispatched, for term and sign-off selection
  if (c.cls) target.cls = c.cls;
  if (c.cx) target.cx = c.cx;
  if (p.uses_class.value && !target.cls)
    return invalid_field("class", "is required: " + p.id + " sets terms by class (003 §4)");
  for (const auto& co : c.co) target.co.emplace_back(co);

  auto e = dispatch_to(target, c.lead, c.approved_by, ctx);
  if (!e) return e.error();
  e.value().cls = c.cls;
  e.value().cx = c.cx;
  decision d(s, ctx);
  d.add(*e);
  // Several units on one item are supervised where the regulation says so (001 art. 21(5)).
  if (!c.co.empty())
    if (auto level = automatic_level(p, supervision_trigger::multi_unit, target);
        level && *level > s.supervision) {
      auto raised = raise(s, ctx, *level, supervision_trigger::multi_unit,
                          std::to_string(c.co.size() + 1) + " units handle it", true, false);
      if (!raised) return raised.error();
      d.add(*raised);
    }
  return d.take();
}

}  // namespace hotline::workflow::detail
