#include "http/ticket_json.h"

#include "http/json_codec.h"
#include "workflow/provisional_deadlines.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

namespace {

template <class T>
json::value or_null(const std::optional<T>& v) {
  return v ? json_writer::value(*v) : json::value(nullptr);
}

json::value text_or_null(const std::string& s) {
  return s.empty() ? json::value(nullptr) : json::value(s);
}

json::value citizen_json(const ticket_state& s, bool visible) {
  if (!visible) return json::object{{"redacted", true}};
  return or_null(s.caller);
}

json::object history_entry(const event_record& e, bool citizen_visible, const actor_ref& viewer) {
  json::object data = std::visit([](const auto& body) { return to_json(body); }, e.body);
  if (!citizen_visible && data.contains("citizen"))
    data["citizen"] = json::object{{"redacted", true}};
  if (auto* a = std::get_if<attached>(&e.body); a && !attachment_visible(a->center_only, viewer))
    data = json::object{{"redacted", true}};
  return {{"seq", e.seq},
          {"at", format_instant(e.at)},
          {"event", event_name(e.body)},
          {"by", e.by},
          {"policy_version",
           e.policy_version.empty() ? json::value(nullptr) : json::value(e.policy_version)},
          {"data", std::move(data)}};
}

}  // namespace

json::object attachment_json(const attachment& a) {
  return {{"digest", a.digest}, {"name", a.name}, {"type", name_of(a.type)},
          {"size", a.size},     {"by", a.by},     {"at", format_instant(a.at)}};
}

json::object ticket_json(const ticket_state& s, const jurisdiction& j, const actor_ref& viewer,
                         const std::vector<event_record>* history) {
  const policy& p = j.rules;
  const bool visible = citizen_visible(s, viewer);
  json::array co, co_reports;
  for (const auto& c : s.co) {
    co.push_back(json::string(c.department));
    co_reports.push_back({{"department", c.department},
                          {"due", or_null(c.due)},
                          {"reported_at", or_null(c.reported_at)},
                          {"overdue", c.overdue}});
  }
  json::object deadlines{{"dispatch", or_null(s.dispatch_deadline.due)},
                         {"sign", or_null(s.sign_deadline.due)},
                         {"return", or_null(s.return_deadline.due)},
                         {"contact", or_null(s.contact_deadline.due)},
                         {"plan", or_null(s.plan_deadline.due)},
                         {"handle", or_null(s.handle_deadline.due)},
                         {"handle_term", or_null(s.handle_term_due)},
                         {"co_report", or_null(s.co_report_deadline.due)},
                         {"survey", or_null(s.survey_deadline.due)}};
  json::array provisional;  // counted on a year without its official arrangement (rules.md §9)
  for (auto kind : provisional_deadlines(s, j.calendar))
    provisional.push_back(json::string(name_of(kind)));
  json::object sign_off, sign_off_chain;
  for (std::size_t i = 0; i < count_of<step>(); ++i) {
    auto st = static_cast<step>(i);
    auto chain = workflow::sign_off_chain(s, p, st);
    sign_off[name_of(st)] =
        chain.empty() ? json::value(nullptr) : json::string(name_of(chain.back()));
    json::array levels;
    for (auto level : chain) levels.push_back(json::string(name_of(level)));
    sign_off_chain[name_of(st)] = std::move(levels);
  }
  json::array approvals;
  for (const auto& a : s.approvals) approvals.push_back(to_json(a));
  json::object pending{{"return", or_null(s.return_request)},
                       {"extension", or_null(s.extension_request)},
                       {"termination", or_null(s.termination_request)},
                       {"block", or_null(s.block_request)}};
  json::array allowed;
  for (auto a : allowed_actions(s, p)) allowed.push_back(json::string(name_of(a)));
  json::array attachments;
  for (const auto& a : visible_attachments(s, viewer)) attachments.push_back(attachment_json(a));
  json::value evaluation = nullptr;
  if (s.satisfied) evaluation = json::string(*s.satisfied ? "satisfied" : "dissatisfied");

  json::object t{{"id", s.id},
                 {"jurisdiction", s.jurisdiction},
                 {"channel", name_of(s.via)},
                 {"type", name_of(s.type)},
                 {"class", or_null(s.cls)},
                 {"complexity", or_null(s.cx)},
                 {"emergency", s.emergency},
                 {"nature", or_null(s.kind_of_matter)},
                 {"title", s.title},
                 {"content", s.content},
                 {"region", text_or_null(s.region)},
                 {"topic", text_or_null(s.topic)},
                 {"citizen", citizen_json(s, visible)},
                 {"confidential", s.confidential},
                 {"key_source", or_null(s.key)},
                 {"related_to", text_or_null(s.related_to)},
                 {"status", name_of(s.current)},
                 {"created_at", format_instant(s.created_at)},
                 {"lead_department", text_or_null(s.lead)},
                 {"co_departments", std::move(co)},
                 {"co_reports", std::move(co_reports)},
                 {"unit", text_or_null(s.unit)},
                 {"proposed_lead", text_or_null(s.proposed_lead)},
                 {"deadlines", std::move(deadlines)},
                 {"provisional", std::move(provisional)},
                 {"overdue", s.overdue},
                 {"repeat_count", s.repeat_count},
                 {"rework_count", s.rework_count},
                 {"extension_count", s.extension_count},
                 {"supervision_level", name_of(s.supervision)},
                 {"sign_off", std::move(sign_off)},
                 {"sign_off_chain", std::move(sign_off_chain)},
                 {"approvals", std::move(approvals)},
                 {"pending", std::move(pending)},
                 {"allowed", std::move(allowed)},
                 {"evaluation", std::move(evaluation)},
                 {"archived", s.archived},
                 {"retain_until", or_null(s.retain_until)},
                 {"caller_blocked", s.caller_blocked},
                 {"upper", or_null(s.upper)},
                 {"forwarded_to", text_or_null(s.forwarded_to)},
                 {"forwarded_due", or_null(s.forwarded_due)},
                 {"attachments", std::move(attachments)},
                 {"version", s.version},
                 {"policy_version", text_or_null(s.policy_version)}};
  if (history) {
    json::array h;
    for (const auto& e : *history) h.push_back(history_entry(e, visible, viewer));
    t["history"] = std::move(h);
  }
  return t;
}

}  // namespace hotline::http
