// Helpers every decision uses: term selection, sign-offs, supervision, closing, refusals.
#include <algorithm>

#include "workflow/decide_support.h"

namespace hotline::workflow {

refusal invalid_field(std::string field, std::string message) {
  refusal r;
  r.code = refusal_code::validation_failed;
  r.message = field + " " + message + ".";
  r.field = std::move(field);
  return r;
}

refusal refused(refusal_code code, std::string message) {
  refusal r;
  r.code = code;
  r.message = std::move(message);
  return r;
}

std::string by_text(const actor_ref& a) {
  return std::string(name_of(a.who)) + ":" + (a.department.empty() ? a.label : a.department);
}

}  // namespace hotline::workflow

namespace hotline::workflow::detail {
namespace {

template <class T>
bool matches(const std::vector<T>& allowed, const std::optional<T>& value) {
  return allowed.empty() ||
         (value && std::find(allowed.begin(), allowed.end(), *value) != allowed.end());
}

}  // namespace

profile profile_of(const ticket_state& s) {
  return {s.type, s.cls, s.cx, s.emergency};
}

const term_rule* select(const term_table& table, const profile& p) {
  for (const auto& rule : table) {
    const selector& w = rule.when;
    if (!matches(w.types, std::optional<ticket_type>(p.type)) || !matches(w.classes, p.cls) ||
        !matches(w.complexities, p.cx) || (w.emergency && *w.emergency != p.emergency))
      continue;
    return &rule;
  }
  return nullptr;
}

result<set_term> term_from(instant from, period p, const working_calendar& cal) {
  auto due = cal.due(from, p);
  if (!due) return due.error();
  return set_term{*due, term_fact{from, p, 0}};
}

result<maybe_term> due_by(const term_table& table, const profile& p, instant from,
                          const working_calendar& cal) {
  const term_rule* rule = select(table, p);
  if (!rule || !rule->term) return maybe_term{};
  auto t = term_from(from, *rule->term, cal);
  if (!t) return t.error();
  return maybe_term{*t};
}

result<maybe_term> limit_by(const term_table& table, const profile& p, instant from,
                            const working_calendar& cal) {
  const term_rule* rule = select(table, p);
  if (!rule || !rule->limit) return due_by(table, p, from, cal);
  auto t = term_from(from, *rule->limit, cal);
  if (!t) return t.error();
  return maybe_term{*t};
}

namespace {

// Co-handlers report to the lead the policy's working days before the lead's own term ends
// (rules.md §1, assumed 1); where the term is not counted in working days, or is shorter, by it.
result<maybe_term> co_report_due(const ticket_state& s, const context& ctx, instant from,
                                 int term_days, const maybe_term& term_due) {
  if (s.co.empty()) return maybe_term{};
  int ahead = ctx.where.rules.co_report_lead_days.value;
  if (term_days <= ahead) return term_due;
  auto t = term_from(from, working_days(term_days - ahead), ctx.where.calendar);
  if (!t) return t.error();
  return maybe_term{*t};
}

}  // namespace

result<handling_terms> start_handling(const ticket_state& s, const context& ctx) {
  const policy& p = ctx.where.rules;
  const auto& cal = ctx.where.calendar;
  profile prof = profile_of(s);
  instant from = s.received_by_unit.value_or(ctx.now);
  auto contact_due = due_by(p.contact, prof, from, cal);
  auto plan_due = due_by(p.plan, prof, from, cal);
  auto term_due = due_by(p.handle, prof, from, cal);
  auto handle_due = limit_by(p.handle, prof, from, cal);
  for (auto* r : {&contact_due, &plan_due, &term_due, &handle_due})
    if (!*r) return r->error();
  maybe_term plan = *plan_due;
  // On-site supervision given before the unit took the ticket on: the plan is due from now.
  if (p.ladder.enabled && s.supervision >= supervision_level::on_site && !s.plan_given) {
    auto on_site = term_from(ctx.now, p.ladder.on_site_plan, cal);
    if (!on_site) return on_site.error();
    if (!plan || on_site->due < plan->due) plan = *on_site;
  }
  handling_terms t;
  if (const term_rule* rule = select(p.handle, prof);
      rule && rule->term && rule->term->kind == period::unit::working_days)
    t.handle_term_days = rule->term->amount;
  auto co_due = co_report_due(s, ctx, from, t.handle_term_days, *term_due);
  if (!co_due) return co_due.error();
  t.contact_due = due_of(*contact_due);
  t.contact_term = fact_of(*contact_due);
  t.plan_due = due_of(plan);
  t.plan_term = fact_of(plan);
  t.handle_due = due_of(*handle_due);
  t.handle_term = fact_of(*handle_due);
  if (due_of(*term_due) != due_of(*handle_due)) t.term_due = due_of(*term_due);
  t.co_report_due = due_of(*co_due);
  t.co_report_term = fact_of(*co_due);
  return t;
}

sign_off_facts sign_off_facts_of(const ticket_state& s, const policy& p) {
  sign_off_facts f;
  f.calls = s.repeat_count + 1;
  const auto& keys = p.key_items.value;
  f.key = s.key && std::find(keys.begin(), keys.end(), *s.key) != keys.end();
  f.cls = s.cls;
  f.cx = s.cx;
  f.joint = !s.co.empty();
  f.hot_spot = s.hot_spot;
  f.total_days = s.handle_term_days + s.extension_days;
  return f;
}

std::vector<sign_off_level> sign_off_for(const policy& p, step at, const sign_off_facts& f) {
  for (const auto& rule : p.sign_offs) {
    const condition& c = rule.when;
    if (rule.at != at || f.calls < c.calls_at_least || (c.key && *c.key != f.key) ||
        !matches(c.classes, f.cls) || !matches(c.complexities, f.cx) || (c.joint && !f.joint) ||
        (c.hot_spot && !f.hot_spot) ||
        (c.total_days_above > 0 && f.total_days <= c.total_days_above))
      continue;
    return rule.chain;
  }
  return {};
}

namespace {

std::string chain_text(const std::vector<sign_off_level>& chain) {
  std::string out;
  for (auto level : chain) out += (out.empty() ? "" : " -> ") + std::string(name_of(level));
  return out;
}

refusal missing_sign_off(std::string field, std::string message, sign_off_level level) {
  refusal r = invalid_field(std::move(field), std::move(message));
  r.level = level;
  return r;
}

}  // namespace

result<sign_offs> check_sign_off(const std::vector<sign_off_level>& chain, step at,
                                 const std::optional<signatures>& given, instant now) {
  const std::size_t n = given ? given->chain.size() : 0;
  if (n == 0 && chain.empty()) return sign_offs{};
  if (n == 0)
    return missing_sign_off(
        "approved_by",
        chain.size() == 1
            ? "is required: this step needs the sign-off of a " + std::string(name_of(chain[0]))
            : "is required: this step needs the sign-offs " + chain_text(chain) + ", in that order",
        chain[0]);
  if (!chain.empty() && n != chain.size()) {
    std::string message = "must give " + std::to_string(chain.size()) + " names, one for each of " +
                          chain_text(chain) + " in that order; " + std::to_string(n) +
                          " were given";
    return missing_sign_off("approved_by", message, chain[std::min(n, chain.size() - 1)]);
  }
  sign_offs out;
  for (std::size_t i = 0; i < n; ++i) {
    const signature& one = given->chain[i];
    std::optional<sign_off_level> level;
    if (!chain.empty()) level = chain[i];
    if (one.name.empty()) {
      std::string field =
          n == 1 ? "approved_by.name" : "approved_by[" + std::to_string(i) + "].name";
      refusal r = invalid_field(field, "must name who signed off");
      r.level = level;
      return r;
    }
    approval a{at, level, one.name, one.post, now};
    if (i == 0)
      out.first = a;
    else
      out.further.push_back(a);
  }
  return out;
}

supervision_level next_rung(supervision_level l) {
  return l == supervision_level::transferred
             ? l
             : static_cast<supervision_level>(static_cast<int>(l) + 1);
}

std::optional<supervision_level> automatic_level(const policy& p, supervision_trigger t,
                                                 const ticket_state& s, bool fault_confirmed) {
  for (const auto& rule : p.supervision) {
    if (rule.trigger != t) continue;
    if (t == supervision_trigger::key_item && rule.key != s.key) continue;
    if (t == supervision_trigger::repeat && s.repeat_count + 1 < rule.calls_at_least) continue;
    if (t == supervision_trigger::dissatisfaction &&
        (s.dissatisfied_count + 1 < rule.nth || (rule.needs_fault && !fault_confirmed)))
      continue;
    return rule.level;
  }
  return std::nullopt;
}

result<supervised> raise(const ticket_state& s, const context& ctx, supervision_level level,
                         supervision_trigger trigger, std::string reason, bool handling,
                         bool overdue_now) {
  const policy& p = ctx.where.rules;
  supervised e{level, trigger, std::move(reason), {}, {}, {}, {}};
  if (!p.ladder.enabled) return e;
  if (handling && level >= supervision_level::on_site &&
      s.supervision < supervision_level::on_site && !s.plan_given) {
    auto t = term_from(ctx.now, p.ladder.on_site_plan, ctx.where.calendar);
    if (!t) return t.error();
    e.plan_due = t->due;
    e.plan_term = t->set_by;
  }
  if (handling && overdue_now && level < supervision_level::transferred) {
    // A and D items climb on the 24x7 clock (003 §4 "不得以节假日为由拖延").
    auto t = due_by(p.ladder.escalate_after, profile_of(s), ctx.now, ctx.where.calendar);
    if (!t) return t.error();
    e.escalate_due = due_of(*t);
    e.escalate_term = fact_of(*t);
  }
  return e;
}

void close_and_archive(decision& d, const context& ctx, bool add_closed) {
  if (add_closed) d.add(closed{});
  d.add(archived{add_years(local_date(ctx.now), ctx.where.rules.retention_years.value)});
}

long utf8_length(const std::string& s) {
  long n = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80         ? 1
                      : (c >> 5) == 6  ? 2
                      : (c >> 4) == 14 ? 3
                      : (c >> 3) == 30 ? 4
                                       : 0;
    if (len == 0 || i + len > s.size()) return -1;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return -1;
    i += len;
    ++n;
  }
  return n;
}

std::optional<refusal> check_text(const std::string& field, const std::string& text, long max) {
  long n = utf8_length(text);
  if (n < 0) return invalid_field(field, "is not valid UTF-8");
  if (text.find('\0') != std::string::npos) return invalid_field(field, "must not contain NUL");
  if (n == 0) return invalid_field(field, "must not be empty");
  if (n > max)
    return invalid_field(field, "must be at most " + std::to_string(max) + " characters");
  return std::nullopt;
}

refusal invalid_transition(const ticket_state& s, const policy& p, std::string message) {
  refusal r;
  r.code = refusal_code::invalid_transition;
  r.message = std::move(message);
  r.current = s.current;
  r.allowed = allowed_actions(s, p);
  return r;
}

refusal deadline_passed(deadline_kind kind, instant due, std::string message) {
  refusal r;
  r.code = refusal_code::deadline_passed;
  r.message = std::move(message);
  r.deadline = kind;
  r.due = due;
  return r;
}

refusal limit_reached(std::string message) {
  refusal r;
  r.code = refusal_code::limit_reached;
  r.message = std::move(message);
  return r;
}

}  // namespace hotline::workflow::detail
