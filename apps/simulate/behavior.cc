#include "apps/simulate/behavior.h"

#include <algorithm>

namespace hotline::simulate {
using namespace workflow;

namespace {

const actor_ref operator_ref{role::operator_, "", "sim"};
const actor_ref supervisor_ref{role::supervisor, "", "sim"};
actor_ref unit_ref(const std::string& d) {
  return {role::department, d, d};
}

instant plus_hours(instant t, double hours) {
  return {t.seconds + static_cast<std::int64_t>(hours * 3600)};
}

instant latest(instant a, instant b) {
  return a < b ? b : a;
}

// A unit meets a deadline unless it is late: a planned moment past the deadline moves to the
// same share of the time that was left.
instant within(instant planned, instant from, const std::optional<instant>& deadline, double share,
               bool late) {
  if (!deadline || late || planned <= *deadline || *deadline <= from) return planned;
  return {from.seconds +
          static_cast<std::int64_t>(share * double(deadline->seconds - from.seconds))};
}

}  // namespace

enum class behavior::why : int {
  answer_it = 1,
  decline_it,
  dispatch_delay,
  sign_delay,
  return_it,
  approve_return,
  approval_delay,
  contact_delay,
  reply_share,
  late,
  late_hours,
  extend,
  unhappy,
  evaluation_delay,
  assign,
  plan_delay,
  redispatch_to,
  co_delay
};

namespace {

// Who signs off, by level (for the approvals the regulations ask for).
const char* signer(sign_off_level l) {
  switch (l) {
    case sign_off_level::bureau_leader:
      return "杨书记";
    case sign_off_level::bureau_head:
      return "李局长";
    case sign_off_level::hotline_head:
      return "王主任";
    case sign_off_level::office_head:
      return "赵主任";
    case sign_off_level::deputy_county_head:
      return "孙副县长";
    case sign_off_level::county_head:
      return "周县长";
    case sign_off_level::unit_head:
      return "单位负责人";
    case sign_off_level::named_leader:
      return "分管领导";
    case sign_off_level::city_leader:
      return "陈副市长";
  }
  return "负责人";
}

}  // namespace

double behavior::chance(const ticket_state& t, std::size_t index, why reason) const {
  return draw(seed_, index, t.version, static_cast<std::uint64_t>(reason));
}

instant behavior::later(instant from, range hours, const ticket_state& t, std::size_t index,
                        why reason) const {
  return plus_hours(from, hours.min + (hours.max - hours.min) * chance(t, index, reason));
}

const unit_behavior& behavior::unit(const std::string& department) const {
  auto it = m_.unit_overrides.find(department);
  return it == m_.unit_overrides.end() ? m_.units : it->second;
}

std::optional<signatures> behavior::sign_off(const ticket_state& t, workflow::step s) const {
  auto chain = sign_off_chain(t, j_.rules, s);
  if (chain.empty()) return std::nullopt;
  signatures given;
  for (auto level : chain) given.chain.push_back({signer(level), std::string(name_of(level))});
  return given;
}

std::optional<step> behavior::next(const ticket_state& t, const arrival& a, std::size_t index,
                                   std::optional<action> blocked) const {
  switch (t.current) {
    case status::received:
      return center(t, index);
    case status::answered:
    case status::replied:
      return evaluation(t, a, index);
    case status::dispatched:
    case status::handling:
      if (t.return_request || t.extension_request || t.termination_request)
        return supervisor(t, index);
      return with_unit(t, a, index, blocked);
    case status::professional_review:
      return supervisor(t, index);
    case status::declined:
    case status::terminated:
    case status::closed:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<step> behavior::center(const ticket_state& t, std::size_t index) const {
  range minutes{m_.dispatch_minutes.min / 60, m_.dispatch_minutes.max / 60};
  instant at = later(t.last_change, minutes, t, index, why::dispatch_delay);
  if (t.type == ticket_type::consultation && t.rework_count == 0 && t.dissatisfied_count == 0 &&
      chance(t, index, why::answer_it) < m_.answer_rate)
    return step{at, answer{"依据知识库答复：" + t.topic + "的办理指南已告知来电人。"},
                operator_ref};
  if (chance(t, index, why::decline_it) < m_.decline_rate)
    return step{
        at,
        decline{decline_reason::too_vague, "诉求内容不具体，无法办理", "请补充具体地点后再次来电"},
        operator_ref};
  dispatch d;
  d.lead = j_.departments.all().front().id;
  for (const auto& r : m_.topics)
    if (t.topic.compare(0, r.topic.size(), r.topic) == 0) {  // the matter's category
      d.lead = r.lead;
      d.co = r.co;
    }
  if (j_.rules.uses_class.value && !t.cls) d.cls = ticket_class::B;
  ticket_state target = t;  // the sign-off may depend on the co-handlers (004 art. 12)
  for (const auto& c : d.co) target.co.emplace_back(c);
  d.approved_by = sign_off(target, workflow::step::dispatch);
  return step{at, d, operator_ref};
}

std::optional<step> behavior::supervisor(const ticket_state& t, std::size_t index) const {
  range hours{m_.approval_minutes.min / 60, m_.approval_minutes.max / 60};
  if (t.return_request) {
    instant at = later(t.return_request->at, hours, t, index, why::approval_delay);
    if (chance(t, index, why::approve_return) < m_.approve_return_rate) {
      const auto& all = j_.departments.all();
      std::size_t pick =
          static_cast<std::size_t>(chance(t, index, why::redispatch_to) * all.size());
      std::string to = all[pick].id == t.lead ? all[(pick + 1) % all.size()].id : all[pick].id;
      ticket_state target = t;  // as the rule core sees it: the co-handlers stay, bar the new lead
      target.co.erase(std::remove_if(target.co.begin(), target.co.end(),
                                     [&](const co_handler& c) { return c.department == to; }),
                      target.co.end());
      return step{at, approve_return{to, sign_off(target, workflow::step::dispatch)},
                  supervisor_ref};
    }
    return step{at, reject_return{"属本单位职责，应正常办理"}, supervisor_ref};
  }
  if (t.extension_request)
    return step{later(t.extension_request->at, hours, t, index, why::approval_delay),
                approve_extension{}, supervisor_ref};
  if (t.termination_request)
    return step{later(t.termination_request->at, hours, t, index, why::approval_delay),
                approve_termination{"经县政府主要领导批示同意终结",
                                    sign_off(t, workflow::step::termination_approval)},
                supervisor_ref};
  return step{later(t.last_change, hours, t, index, why::approval_delay),
              review{true, "专业评价：承办单位已依法依规办理"}, supervisor_ref};
}

std::optional<step> behavior::with_unit(const ticket_state& t, const arrival& a, std::size_t index,
                                        std::optional<action> blocked) const {
  const unit_behavior& u = unit(t.lead);
  const std::string& acting = t.unit.empty() ? t.lead : t.unit;
  instant received = t.received_by_unit.value_or(t.last_change);
  const bool late_unit = chance(t, index, why::late) < u.late_rate;
  if (t.current == status::dispatched) {
    instant at = within(later(received, u.sign_hours, t, index, why::sign_delay), received,
                        t.sign_deadline.due, 0.8 * chance(t, index, why::reply_share), late_unit);
    at = latest(at, t.last_change);
    bool window_open = t.return_deadline.due && at <= *t.return_deadline.due;
    if (!t.return_refused && window_open && chance(t, index, why::return_it) < u.return_rate)
      return step{at, return_ticket{"经核查不属于本单位职责", "本单位三定方案", ""},
                  unit_ref(t.lead)};
    return step{at, sign{sign_off(t, workflow::step::sign)}, unit_ref(t.lead)};
  }
  // Handling: the earliest of what is still to do.
  std::optional<step> best;
  auto consider = [&](step s) {
    if (!best || s.at < best->at) best = std::move(s);
  };
  const auto children = [&] {
    std::vector<std::string> out;
    for (const auto& d : j_.departments.all())
      if (d.parent == t.lead) out.push_back(d.id);
    return out;
  }();
  auto may = [&](action a) { return blocked != a; };
  if (t.unit.empty() && !children.empty() && chance(t, index, why::assign) < u.assign_unit_rate &&
      may(action::assign_unit))
    consider({plus_hours(t.last_change, 1), assign_unit{children[index % children.size()]},
              unit_ref(t.lead)});
  if (!t.contacted)
    consider({latest(within(later(received, u.contact_hours, t, index, why::contact_delay),
                            received, t.contact_deadline.due,
                            0.8 * chance(t, index, why::contact_delay), late_unit),
                     t.last_change),
              contact{"已与来电人联系，告知受理情况"}, unit_ref(acting)});
  if (t.plan_deadline.due && !t.plan_given)
    consider({latest(plus_hours(*t.plan_deadline.due, -24 * chance(t, index, why::plan_delay)),
                     t.last_change),
              submit_plan{"制定整改方案：现场核查、分步处置、按期回复"}, unit_ref(acting)});
  bool terminates = a.unreasonable && j_.rules.termination_allowed.value &&
                    t.repeat_count + 1 >= j_.rules.termination_calls_at_least.value &&
                    may(action::request_termination);
  if (terminates)
    consider(
        {plus_hours(t.last_change, 2),
         request_termination{"来电人多次提出不合理诉求", sign_off(t, workflow::step::termination)},
         unit_ref(t.lead)});
  // The reply, at a share of the remaining term, or late past the deadline.
  instant reply_at = plus_hours(t.last_change, 24 * 7);  // no handling deadline: when done
  if (t.handle_deadline.due) {
    double share = u.reply_share.min +
                   (u.reply_share.max - u.reply_share.min) * chance(t, index, why::reply_share);
    reply_at = {t.last_change.seconds +
                static_cast<std::int64_t>(
                    share * double(t.handle_deadline.due->seconds - t.last_change.seconds))};
    if (late_unit)
      reply_at = later(*t.handle_deadline.due, {1, 72}, t, index, why::late_hours);
    else if (t.extension_count == 0 && chance(t, index, why::extend) < u.extension_rate &&
             t.last_change < *t.handle_deadline.due && may(action::request_extension)) {
      request_extension ask{std::nullopt, "情况复杂，需协调多个部门", std::nullopt};
      if (!j_.rules.extension_same_as_original.value) ask.working_days = 3;
      ticket_state asked = t;
      asked.extension_days += ask.working_days.value_or(t.handle_term_days) - 1;
      ask.approved_by = sign_off(asked, workflow::step::extension);
      consider({latest(t.last_change, plus_hours(reply_at, -1)), ask, unit_ref(acting)});
    }
  }
  reply_at = latest(reply_at, t.last_change);
  for (const auto& co : t.co)
    if (!co.reported)
      consider({latest(t.last_change, plus_hours(reply_at, -2 * chance(t, index, why::co_delay))),
                co_report{"协办事项已办结"}, unit_ref(co.department)});
  consider({reply_at,
            reply{"经调查核实，已处理完毕：" + t.topic, handler{"李四", "科长", "0558-7000000"},
                  sign_off(t, workflow::step::reply)},
            unit_ref(acting)});
  return best;
}

std::optional<step> behavior::evaluation(const ticket_state& t, const arrival& a,
                                         std::size_t index) const {
  instant at = later(t.last_change, m_.evaluation_hours, t, index, why::evaluation_delay);
  double unhappy_rate = a.unhappy_rate >= 0 ? a.unhappy_rate : unit(t.lead).unhappy_rate;
  bool satisfied = chance(t, index, why::unhappy) >= unhappy_rate;
  // The center's verification of a dissatisfaction finds the unit at fault (002 art. 19(3)).
  std::optional<bool> at_fault;
  if (!satisfied && t.current == status::replied) at_fault = true;
  return step{at, evaluate{satisfied, satisfied ? "满意" : "问题未解决，不满意", at_fault},
              operator_ref};
}

}  // namespace hotline::simulate
