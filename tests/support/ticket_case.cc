#include "tests/support/ticket_case.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <sstream>

#include "apps/scenario/load_scenario.h"

namespace hotline::testing {
using namespace workflow;

const jurisdiction& scenario(const std::string& id) {
  static std::map<std::string, jurisdiction> loaded;
  auto it = loaded.find(id);
  if (it != loaded.end()) return it->second;
  auto j = scenario::load_scenario(std::string(HOTLINE_SCENARIOS_DIR) + "/" + id);
  if (!j) {
    std::fprintf(stderr, "cannot load scenario %s: %s\n", id.c_str(), j.error().message.c_str());
    std::abort();
  }
  return loaded.emplace(id, std::move(j).value()).first->second;
}

instant at(const std::string& text) {
  auto t = parse_instant(text);
  if (!t) {
    std::fprintf(stderr, "bad instant in test: %s\n", text.c_str());
    std::abort();
  }
  return *t;
}

actor_ref operator_role() {
  return {role::operator_, "", "alice"};
}
actor_ref department(const std::string& id) {
  return {role::department, id, id};
}
actor_ref supervisor() {
  return {role::supervisor, "", "sup"};
}
actor_ref timer() {
  return {role::system, "", "timer"};
}
signature signed_by(const std::string& name, const std::string& post) {
  return {name, post};
}

namespace {

// Writes every member through describe(): a printable fingerprint of any described value.
struct printer {
  std::ostringstream out;
  template <class T>
  void operator()(const char* name, T& v, optional_tag) {
    (*this)(name, v);
  }
  template <class T>
  void operator()(const char* name, T& v, since) {
    (*this)(name, v);
  }
  template <class T>
  void operator()(const char* name, T& v) {
    out << name << "=";
    write(v);
    out << ";";
  }
  void write(const std::string& s) { out << '"' << s << '"'; }
  void write(bool b) { out << b; }
  void write(int i) { out << i; }
  void write(std::uint64_t i) { out << i; }
  void write(instant t) { out << t.seconds; }
  void write(date d) { out << format_date(d); }
  template <class T>
  void write(const std::optional<T>& v) {
    if (v)
      write(*v);
    else
      out << "null";
  }
  template <class T>
  void write(const std::vector<T>& v) {
    out << "[";
    for (const auto& x : v) write(x), out << ",";
    out << "]";
  }
  template <class T>
  void write(const T& v) {
    if constexpr (std::is_enum_v<T>) {
      out << name_of(v);
    } else {
      out << "{";
      describe(*this, const_cast<T&>(v));
      out << "}";
    }
  }
};

}  // namespace

std::string fingerprint(const ticket_state& s) {
  printer p;
  describe(p, const_cast<ticket_state&>(s));
  return p.out.str();
}

intake request(ticket_type type) {
  intake r;
  r.via = channel::phone;
  r.type = type;
  r.title = "小区停水三天";
  r.content = "幸福小区3栋自周一起停水，至今未恢复，请尽快处理。";
  r.caller = citizen{"张三", "13800000000"};
  r.region = "chengguan";
  r.topic = "water-outage";
  return r;
}

ticket_case::ticket_case(const std::string& scenario_id) : where_(scenario(scenario_id)) {}

result<std::vector<event_record>> ticket_case::run(const command& c, const std::string& when,
                                                   const actor_ref& who) {
  context ctx{where_, at(when), who};
  auto events = decide(state_, c, ctx);
  if (events)
    for (const auto& e : *events) {
      evolve(state_, e);
      log_.push_back(e);
    }
  return events;
}

std::vector<std::string> ticket_case::ok(const command& c, const std::string& when,
                                         const actor_ref& who) {
  auto events = run(c, when, who);
  std::vector<std::string> names;
  if (!events) {
    ADD_FAILURE() << "refused: " << events.error().message << " (" << name_of(events.error().code)
                  << ", field " << events.error().field << ")";
    return names;
  }
  for (const auto& e : *events) names.push_back(event_name(e.body));
  return names;
}

refusal ticket_case::refused(const command& c, const std::string& when, const actor_ref& who) {
  std::string before = fingerprint(state_);
  auto events = run(c, when, who);
  EXPECT_EQ(before, fingerprint(state_)) << "a refusal changed the state";
  if (events) {
    ADD_FAILURE() << "expected a refusal, got " << events->size() << " event(s)";
    return {};
  }
  return events.error();
}

std::vector<std::string> ticket_case::submit(intake r, const std::string& when, int repeat_count) {
  workflow::submit s;
  s.request = std::move(r);
  s.facts.id = "T-1";
  s.facts.repeat_count = repeat_count;
  return ok(s, when, operator_role());
}

std::vector<std::string> ticket_case::advance(const std::string& when) {
  std::vector<std::string> names;
  instant until = at(when);
  for (;;) {
    auto armed = deadlines(state_);
    if (armed.empty() || until < armed.front().due) return names;
    auto next = armed.front();
    context ctx{where_, next.due, timer()};
    auto events = decide(state_, expire{next.kind, next.due}, ctx);
    if (!events || events->empty()) {
      ADD_FAILURE() << "an armed deadline did not fire: " << name_of(next.kind);
      return names;
    }
    for (const auto& e : *events) {
      evolve(state_, e);
      log_.push_back(e);
      names.push_back(event_name(e.body));
    }
  }
}

std::string ticket_case::due(deadline_kind kind) const {
  const auto& slot = state_.slot(kind);
  return slot.due ? format_instant(*slot.due) : "none";
}

std::string ticket_case::sign_off(step s) const {
  auto level = sign_off_needed(state_, where_.rules, s);
  return level ? std::string(name_of(*level)) : "none";
}

}  // namespace hotline::testing

namespace hotline::testing {

workflow::dispatch dispatch_to(const std::string& lead, std::vector<std::string> co,
                               std::optional<workflow::signatures> approved_by) {
  workflow::dispatch d;
  d.lead = lead;
  d.co = std::move(co);
  d.approved_by = std::move(approved_by);
  return d;
}

workflow::reply reply_with(const std::string& result,
                           std::optional<workflow::signatures> approved_by) {
  workflow::reply r;
  r.result = result;
  r.by = {"李四", "科长", "0558-7654321"};
  r.approved_by = std::move(approved_by);
  return r;
}

workflow::evaluate satisfied() {
  workflow::evaluate e;
  e.satisfied = true;
  return e;
}

workflow::evaluate dissatisfied(const std::string& comment, std::optional<bool> unit_at_fault) {
  workflow::evaluate e;
  e.comment = comment;
  e.unit_at_fault = unit_at_fault;
  return e;
}

}  // namespace hotline::testing
