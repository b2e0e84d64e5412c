#include "apps/simulate/load_model.h"

#include "apps/scenario/json_reader.h"

namespace hotline::simulate {
using scenario::node;
using scenario::read_error;
using namespace workflow;

namespace {

double number(const node& n) {
  return n.real();
}

double rate(const node& n) {
  double r = number(n);
  if (r < 0 || r > 1) n.fail("must be a probability, 0..1");
  return r;
}

range read_range(const node& n) {
  auto items = n.items();
  if (items.size() != 2) n.fail("must be [min, max]");
  range r{number(items[0]), number(items[1])};
  if (r.min < 0 || r.max < r.min) n.fail("must be 0 <= min <= max");
  return r;
}

template <class E>
weights<E> read_weights(const node& n) {
  weights<E> out;
  for (const auto& item : n.items())
    out.emplace_back(item.at("value").name<E>(), number(item.at("weight")));
  if (out.empty()) n.fail("needs at least one entry");
  return out;
}

template <class Target>
void maybe(const node& parent, const char* key, Target& t, double (*read)(const node&)) {
  if (auto n = parent.find(key)) t = read(*n);
}

unit_behavior read_unit(const node& n, unit_behavior u) {
  if (auto v = n.find("sign_hours")) u.sign_hours = read_range(*v);
  if (auto v = n.find("contact_hours")) u.contact_hours = read_range(*v);
  if (auto v = n.find("reply_share")) u.reply_share = read_range(*v);
  maybe(n, "return_rate", u.return_rate, rate);
  maybe(n, "late_rate", u.late_rate, rate);
  maybe(n, "extension_rate", u.extension_rate, rate);
  maybe(n, "unhappy_rate", u.unhappy_rate, rate);
  maybe(n, "assign_unit_rate", u.assign_unit_rate, rate);
  return u;
}

template <std::size_t N>
std::array<double, N> read_curve(const node& n) {
  auto items = n.items();
  if (items.size() != N) n.fail("must have " + std::to_string(N) + " numbers");
  std::array<double, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = number(items[i]);
  return out;
}

load_model read_model(const node& root) {
  load_model m;
  m.name = root.at("name").text();
  m.tickets_per_day = number(root.at("tickets_per_day"));
  m.hourly = read_curve<24>(root.at("hourly"));
  m.weekday = read_curve<7>(root.at("weekday"));
  maybe(root, "holiday_factor", m.holiday_factor, number);
  m.types = read_weights<ticket_type>(root.at("types"));
  m.channels = read_weights<channel>(root.at("channels"));
  for (const auto& t : root.at("topics").items()) {
    topic_route r;
    r.topic = t.at("topic").text();
    r.weight = number(t.at("weight"));
    r.lead = t.at("lead").text();
    if (auto co = t.find("co"))
      for (const auto& c : co->items()) r.co.push_back(c.text());
    m.topics.push_back(std::move(r));
  }
  if (auto n = root.find("matters_per_topic")) {
    m.matters_per_topic = n->integer();
    if (m.matters_per_topic < 1) n->fail("must be at least 1");
  }
  for (const auto& r : root.at("regions").items())
    m.regions.emplace_back(r.at("value").text(), number(r.at("weight")));
  maybe(root, "repeat_rate", m.repeat_rate, rate);
  maybe(root, "confidential_rate", m.confidential_rate, rate);
  maybe(root, "key_rate", m.key_rate, rate);
  if (auto k = root.find("key_sources")) m.key_sources = read_weights<key_source>(*k);
  maybe(root, "emergency_rate", m.emergency_rate, rate);
  if (auto c = root.find("classes")) m.classes = read_weights<ticket_class>(*c);
  maybe(root, "complex_rate", m.complex_rate, rate);
  maybe(root, "mediation_rate", m.mediation_rate, rate);
  node center = root.at("center");
  maybe(center, "answer_rate", m.answer_rate, rate);
  maybe(center, "decline_rate", m.decline_rate, rate);
  maybe(center, "approve_return_rate", m.approve_return_rate, rate);
  maybe(center, "unreasonable_rate", m.unreasonable_rate, rate);
  if (auto v = center.find("dispatch_minutes")) m.dispatch_minutes = read_range(*v);
  if (auto v = center.find("approval_minutes")) m.approval_minutes = read_range(*v);
  if (auto v = center.find("evaluation_hours")) m.evaluation_hours = read_range(*v);
  node units = root.at("departments");
  m.units = read_unit(units.at("default"), m.units);
  if (auto overrides = units.find("overrides"))
    for (const auto& o : overrides->items())
      m.unit_overrides[o.at("department").text()] = read_unit(o, m.units);
  if (auto storms = root.find("storms"))
    for (const auto& s : storms->items()) {
      storm st;
      st.day = s.at("day").integer();
      st.hour = number(s.at("hour"));
      st.callers = s.at("callers").integer();
      maybe(s, "spread_minutes", st.spread_minutes, number);
      st.topic = s.at("topic").text();
      st.region = s.at("region").text();
      if (auto t = s.find("type")) st.type = t->name<ticket_type>();
      if (auto c = s.find("class")) st.cls = c->name<ticket_class>();
      if (auto c = s.find("calls_each")) st.calls_each = c->integer();
      if (auto u = s.find("unreasonable")) st.unreasonable = u->flag();
      maybe(s, "unhappy_rate", st.unhappy_rate, rate);
      if (st.callers < 1 || st.calls_each < 1)
        s.fail("needs at least one caller and one call each");
      m.storms.push_back(std::move(st));
    }
  return m;
}

}  // namespace

result<load_model> load_model_file(const std::string& file) {
  try {
    auto doc = scenario::parse_file(file);
    return read_model(node(doc, ""));
  } catch (const read_error& e) {
    return scenario::load_failure(file, e);
  }
}

}  // namespace hotline::simulate
