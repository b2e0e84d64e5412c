#include "apps/scenario/load_scenario.h"

#include <filesystem>

#include "workflow/policy_versions.h"

#include "apps/scenario/json_reader.h"
#include "apps/scenario/load_calendars.h"
#include "apps/scenario/policy_versions.h"
#include "apps/scenario/read_policy.h"

namespace hotline::scenario {
namespace fs = std::filesystem;
using namespace workflow;

namespace {

// "08:30" -> seconds of the day.
std::int64_t clock_time(const node& n, const std::string& text) {
  if (text.size() != 5 || text[2] != ':') n.fail("'" + text + "' is not HH:MM");
  int h = std::atoi(text.substr(0, 2).c_str()), m = std::atoi(text.substr(3).c_str());
  if (h > 24 || m > 59) n.fail("'" + text + "' is not a time of day");
  return h * 3600 + m * 60;
}

business_hours read_hours(const node& n) {
  business_hours h;
  for (const auto& item : n.at("value").items()) {
    std::string text = item.text();  // "08:30-12:00"
    auto dash = text.find('-');
    if (dash == std::string::npos) item.fail("'" + text + "' is not HH:MM-HH:MM");
    h.intervals.emplace_back(clock_time(item, text.substr(0, dash)),
                             clock_time(item, text.substr(dash + 1)));
  }
  if (auto problem = check_hours(h); !problem.empty()) n.fail(problem);
  return h;
}

source read_source(const node& n) {
  std::string s = n.at("source").text();
  if (s.empty()) n.fail("needs a source: the seed and article, or \"assumed: why\"");
  return s;
}

sourced<bool> read_flag(const node& n) {
  return {n.at("value").flag(), read_source(n)};
}
sourced<int> read_int(const node& n) {
  return {n.at("value").integer(), read_source(n)};
}
sourced<std::optional<int>> read_optional_int(const node& n) {
  sourced<std::optional<int>> out;
  if (auto v = n.find("value")) out.value = v->integer();
  out.from = read_source(n);
  return out;
}
template <class E>
sourced<E> read_name(const node& n) {
  return {n.at("value").name<E>(), read_source(n)};
}

period read_period(const node& n, std::int32_t day_minutes) {
  auto p = parse_period(n.text(), day_minutes);
  if (!p) n.fail("'" + n.text() + "' is not a term (write e.g. 5wd, 0.5wd, 24h or 30min)");
  return *p;
}

selector read_selector(const std::optional<node>& n) {
  selector s;
  if (!n) return s;
  if (auto t = n->find("types")) s.types = t->names<ticket_type>();
  if (auto c = n->find("classes")) s.classes = c->names<ticket_class>();
  if (auto c = n->find("complexities")) s.complexities = c->names<complexity>();
  if (auto e = n->find("emergency")) s.emergency = e->flag();
  return s;
}

term_table read_terms(const node& n, std::int32_t day_minutes) {
  term_table table;
  for (const auto& item : n.items()) {
    term_rule rule;
    rule.when = read_selector(item.find("when"));
    auto term = item.at("term");
    if (term.text() != "none") rule.term = read_period(term, day_minutes);
    if (auto limit = item.find("limit")) rule.limit = read_period(*limit, day_minutes);
    rule.from = read_source(item);
    table.push_back(std::move(rule));
  }
  return table;
}

std::vector<sign_off_rule> read_sign_offs(const node& n) {
  std::vector<sign_off_rule> rules;
  for (const auto& item : n.items()) {
    sign_off_rule r;
    r.at = item.at("step").name<step>();
    // One level, or a chain of levels in signing order (001 art. 24).
    if (auto chain = item.find("chain"))
      r.chain = chain->names<sign_off_level>();
    else
      r.chain = {item.at("level").name<sign_off_level>()};
    if (r.chain.empty()) item.fail("a sign-off chain needs at least one level");
    if (auto w = item.find("when")) {
      if (auto c = w->find("calls_at_least")) r.when.calls_at_least = c->integer();
      if (auto k = w->find("key")) r.when.key = k->flag();
      if (auto c = w->find("classes")) r.when.classes = c->names<ticket_class>();
      if (auto c = w->find("complexities")) r.when.complexities = c->names<complexity>();
      if (auto j = w->find("joint")) r.when.joint = j->flag();
      if (auto h = w->find("hot_spot")) r.when.hot_spot = h->flag();
      if (auto t = w->find("total_days_above")) r.when.total_days_above = t->integer();
    }
    r.from = read_source(item);
    rules.push_back(std::move(r));
  }
  return rules;
}

std::vector<supervision_rule> read_supervision(const node& n) {
  std::vector<supervision_rule> rules;
  for (const auto& item : n.items()) {
    supervision_rule r;
    r.trigger = item.at("trigger").name<supervision_trigger>();
    r.level = item.at("level").name<supervision_level>();
    if (auto k = item.find("key")) r.key = k->name<key_source>();
    if (auto c = item.find("calls_at_least")) r.calls_at_least = c->integer();
    if (auto c = item.find("nth")) r.nth = c->integer();
    if (auto f = item.find("needs_fault")) r.needs_fault = f->flag();
    if (r.trigger == supervision_trigger::key_item && !r.key)
      item.fail("a key_item rule needs the key source it applies to");
    r.from = read_source(item);
    rules.push_back(std::move(r));
  }
  return rules;
}

}  // namespace

policy read_policy(const node& root, business_hours& hours) {
  policy p;
  p.id = root.at("id").text();
  p.name = root.at("name").text();
  p.seed = root.at("seed").text();
  hours = read_hours(root.at("business_hours"));
  const auto day_minutes = static_cast<std::int32_t>(hours.seconds_per_day() / 60);
  p.retention_years = read_int(root.at("retention_years"));

  node intake = root.at("intake");
  p.uses_class = read_flag(intake.at("uses_class"));
  p.uses_complexity = read_flag(intake.at("uses_complexity"));
  p.uses_nature = read_flag(intake.at("uses_nature"));
  node keys = intake.at("key_items");
  p.key_items = {keys.at("value").names<key_source>(), read_source(keys)};
  p.upper_platform_is_key = read_flag(intake.at("upper_platform_is_key"));
  node answerable = intake.at("direct_answer_types");
  p.direct_answer_types = {answerable.at("value").names<ticket_type>(), read_source(answerable)};
  p.repeat_decline = read_name<repeat_ground>(intake.at("repeat_decline"));

  node network = root.at("network");
  p.dispatch_tier = read_optional_int(network.at("dispatch_tier"));
  p.reply_by_lead = read_flag(network.at("reply_by_lead"));
  p.co_report_lead_days = read_int(network.at("co_report_lead_days"));

  node terms = root.at("terms");
  p.dispatch = read_terms(terms.at("dispatch"), day_minutes);
  p.sign = read_terms(terms.at("sign"), day_minutes);
  p.return_window = read_terms(terms.at("return"), day_minutes);
  p.contact = read_terms(terms.at("contact"), day_minutes);
  p.plan = read_terms(terms.at("plan"), day_minutes);
  p.handle = read_terms(terms.at("handle"), day_minutes);

  node returns = root.at("returns");
  p.deemed_acceptance = read_flag(returns.at("deemed_acceptance"));
  p.center_may_refuse_return = read_flag(returns.at("center_may_refuse"));
  p.return_needs = read_name<return_grounds>(returns.at("needs"));

  node ext = root.at("extension");
  p.extension_max_count = read_optional_int(ext.at("max_count"));
  p.extension_max_applications = read_optional_int(ext.at("max_applications"));
  p.extension_max_total = read_terms(ext.at("max_total"), day_minutes);
  for (std::size_t i = 0; i < p.extension_max_total.size(); ++i) {
    const auto& term = p.extension_max_total[i].term;
    if (term && term->kind != period::unit::working_days)
      ext.at("max_total").items()[i].at("term").fail("a cap on the total must be in working days");
  }
  p.extension_same_as_original = read_flag(ext.at("same_as_original"));

  p.sign_offs = read_sign_offs(root.at("sign_offs"));

  node dis = root.at("dissatisfaction");
  node exempt = dis.at("exempt");
  p.satisfaction_exempt = {exempt.at("value").names<nature>(), read_source(exempt)};
  p.second_dissatisfaction_review = read_flag(dis.at("second_review"));
  p.rework_needs_fault = read_flag(dis.at("rework_needs_fault"));

  p.supervision = read_supervision(root.at("supervision"));
  node ladder = root.at("ladder");
  p.ladder.enabled = ladder.at("enabled").flag();
  p.ladder.escalate_after = read_terms(ladder.at("escalate_after"), day_minutes);
  p.ladder.on_site_plan = read_period(ladder.at("on_site_plan"), day_minutes);
  p.ladder.from = read_source(ladder);

  node conc = root.at("concentration");
  p.concentration_callers = read_int(conc.at("callers"));
  p.concentration_window_days = read_int(conc.at("window_days"));

  p.routing_precedent = read_flag(root.at("routing_precedent"));
  p.harassment_blocking = read_flag(root.at("harassment_blocking"));

  node reports = root.at("reports");
  node periods = reports.at("bulletins");
  p.bulletins = {periods.at("value").names<report_period>(), read_source(periods)};
  p.annual_score = read_flag(reports.at("annual_score"));

  node term = root.at("termination");
  p.termination_allowed = read_flag(term.at("allowed"));
  p.termination_calls_at_least = read_int(term.at("calls_at_least"));
  node report = term.at("report_to");
  p.termination_report_to = {report.at("value").text(), read_source(report)};
  p.version = read_version(root.at("version"));

  p.attachment_max_bytes = read_int(root.at("attachments").at("max_bytes"));
  if (p.attachment_max_bytes.value < 1)
    root.at("attachments").at("max_bytes").at("value").fail("must be a positive number of bytes");
  node survey = root.at("survey");
  node expiry = survey.at("expiry");
  p.survey_expiry = {read_period(expiry.at("value"), day_minutes), read_source(expiry)};
  p.survey_unanswered = read_name<survey_silence>(survey.at("unanswered"));
  return p;
}

policy_version read_version(const node& n) {
  policy_version v;
  v.id = n.at("id").text();
  if (v.id.empty()) n.at("id").fail("needs a name: the document number, or the date");
  if (auto from = n.find("effective_from")) {
    auto d = parse_date(from->text());
    if (!d) from->fail("is not a YYYY-MM-DD date");
    v.effective_from = *d;
  }
  v.source = read_source(n);
  return v;
}

namespace {

std::vector<department> read_departments(const node& root) {
  std::vector<department> out;
  for (const auto& item : root.at("departments").items()) {
    department d;
    d.id = item.at("id").text();
    d.name = item.at("name").text();
    if (auto parent = item.find("parent")) d.parent = parent->text();
    d.tier = item.at("tier").integer();
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

result<jurisdiction> load_scenario(const std::string& dir) {
  auto versions = load_policy_versions(dir);
  if (!versions) return versions.error();
  department_tree departments;
  std::string file = (fs::path(dir) / "departments.json").string();
  try {
    auto doc = parse_file(file);
    auto tree = department_tree::build(read_departments(node(doc, "")));
    if (!tree) {
      refusal r = tree.error();  // its message already names the field
      r.message = file + ": " + r.message;
      return r;
    }
    departments = std::move(tree).value();
  } catch (const read_error& e) {
    return load_failure(file, e);
  }
  auto calendar = load_calendar(versions->hours, national_calendars_dir(dir), dir);
  if (!calendar) return calendar.error();
  // Not yet rolled forward to any day: the runtime puts the version of its day in force.
  return with_versions(std::move(versions->policies), std::move(departments),
                       std::move(calendar).value(), date{1, 1, 1});
}

result<bool> check_covers(const jurisdiction& j, instant now) {
  int year = local_date(now).year;
  if (j.calendar.covers(year)) return true;
  refusal r;
  r.code = refusal_code::calendar_unavailable;
  r.message = j.rules.id + " has no working-day calendar for " + std::to_string(year) +
              ", official or provisional: add scenarios/calendars/" + std::to_string(year) +
              ".json";
  return r;
}

}  // namespace hotline::scenario
