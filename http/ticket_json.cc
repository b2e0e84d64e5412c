#include "http/ticket_json.h"

#include "http/json_text.h"
#include "workflow/provisional_deadlines.h"

namespace hotline::http {
using namespace workflow;
namespace json = boost::json;

json::object attachment_json(const attachment& a) {
  return {{"digest", a.digest}, {"name", a.name}, {"type", name_of(a.type)},
          {"size", a.size},     {"by", a.by},     {"at", format_instant(a.at)}};
}

namespace {

template <class T>
void or_null(json_text& to, const std::optional<T>& v) {
  json_text_writer::value(to, v);
}

// As attachment_json gives it (attachments are few: built as a tree, once).
void write_attachment(json_text& to, const attachment& a) {
  to.text(json::serialize(attachment_json(a)));
}

void write_history_entry(json_text& to, const event_record& e, bool citizen_visible,
                         const actor_ref& viewer) {
  to.begin_object()
      .key("seq")
      .number(e.seq)
      .key("at")
      .string(format_instant(e.at))
      .key("event")
      .string(event_name(e.body))
      .key("by")
      .string(e.by)
      .key("policy_version")
      .string_or_null(e.policy_version)
      .key("data");
  auto* a = std::get_if<attached>(&e.body);
  if (a && !attachment_visible(a->center_only, viewer))
    to.begin_object().key("redacted").boolean(true).end_object();
  else
    std::visit([&](const auto& body) { json_text_writer::object(to, body, !citizen_visible); },
               e.body);
  to.end_object();
}

}  // namespace

std::string ticket_json_text(const ticket_state& s, const jurisdiction& j, const actor_ref& viewer,
                             const std::vector<event_record>* history) {
  const policy& p = j.rules;
  const bool visible = citizen_visible(s, viewer);
  json_text t;
  t.out.reserve(history ? 2048 + 512 * history->size() : 2048);
  t.begin_object()
      .key("id")
      .string(s.id)
      .key("jurisdiction")
      .string(s.jurisdiction)
      .key("channel")
      .string(name_of(s.via))
      .key("type")
      .string(name_of(s.type))
      .key("class");
  or_null(t, s.cls);
  t.key("complexity");
  or_null(t, s.cx);
  t.key("emergency").boolean(s.emergency).key("nature");
  or_null(t, s.kind_of_matter);
  t.key("title")
      .string(s.title)
      .key("content")
      .string(s.content)
      .key("region")
      .string_or_null(s.region)
      .key("topic")
      .string_or_null(s.topic)
      .key("citizen");
  if (visible)
    or_null(t, s.caller);
  else
    t.begin_object().key("redacted").boolean(true).end_object();
  t.key("confidential").boolean(s.confidential).key("key_source");
  or_null(t, s.key);
  t.key("related_to")
      .string_or_null(s.related_to)
      .key("status")
      .string(name_of(s.current))
      .key("created_at")
      .string(format_instant(s.created_at))
      .key("lead_department")
      .string_or_null(s.lead)
      .key("co_departments")
      .begin_array();
  for (const auto& c : s.co) t.string(c.department);
  t.end_array().key("co_reports").begin_array();
  for (const auto& c : s.co) {
    t.begin_object().key("department").string(c.department).key("due");
    or_null(t, c.due);
    t.key("reported_at");
    or_null(t, c.reported_at);
    t.key("overdue").boolean(c.overdue).end_object();
  }
  t.end_array()
      .key("unit")
      .string_or_null(s.unit)
      .key("proposed_lead")
      .string_or_null(s.proposed_lead)
      .key("deadlines")
      .begin_object();
  const std::pair<const char*, const std::optional<instant>*> deadlines[] = {
      {"dispatch", &s.dispatch_deadline.due}, {"sign", &s.sign_deadline.due},
      {"return", &s.return_deadline.due},     {"contact", &s.contact_deadline.due},
      {"plan", &s.plan_deadline.due},         {"handle", &s.handle_deadline.due},
      {"handle_term", &s.handle_term_due},    {"co_report", &s.co_report_deadline.due},
      {"survey", &s.survey_deadline.due}};
  for (const auto& [name, due] : deadlines) {
    t.key(name);
    or_null(t, *due);
  }
  t.end_object().key("next_due");
  or_null(t, next_due(s));
  // Counted on a year without its official arrangement (rules.md §9).
  t.key("provisional").begin_array();
  for (auto kind : provisional_deadlines(s, j.calendar)) t.string(name_of(kind));
  t.end_array()
      .key("overdue")
      .boolean(s.overdue)
      .key("repeat_count")
      .number(s.repeat_count)
      .key("rework_count")
      .number(s.rework_count)
      .key("extension_count")
      .number(s.extension_count)
      .key("supervision_level")
      .string(name_of(s.supervision));
  std::vector<std::vector<sign_off_level>> chains;
  for (std::size_t i = 0; i < count_of<step>(); ++i)
    chains.push_back(workflow::sign_off_chain(s, p, static_cast<step>(i)));
  t.key("sign_off").begin_object();
  for (std::size_t i = 0; i < chains.size(); ++i) {
    t.key(name_of(static_cast<step>(i)));
    if (chains[i].empty())
      t.null();
    else
      t.string(name_of(chains[i].back()));
  }
  t.end_object().key("sign_off_chain").begin_object();
  for (std::size_t i = 0; i < chains.size(); ++i) {
    t.key(name_of(static_cast<step>(i))).begin_array();
    for (auto level : chains[i]) t.string(name_of(level));
    t.end_array();
  }
  t.end_object().key("approvals").begin_array();
  for (const auto& a : s.approvals) json_text_writer::object(t, a);
  t.end_array().key("pending").begin_object().key("return");
  or_null(t, s.return_request);
  t.key("extension");
  or_null(t, s.extension_request);
  t.key("termination");
  or_null(t, s.termination_request);
  t.key("block");
  or_null(t, s.block_request);
  t.end_object().key("allowed").begin_array();
  for (auto a : allowed_actions(s, p)) t.string(name_of(a));
  t.end_array().key("evaluation");
  if (s.satisfied)
    t.string(*s.satisfied ? "satisfied" : "dissatisfied");
  else
    t.null();
  t.key("archived").boolean(s.archived).key("retain_until");
  or_null(t, s.retain_until);
  t.key("caller_blocked").boolean(s.caller_blocked).key("upper");
  or_null(t, s.upper);
  t.key("forwarded_to").string_or_null(s.forwarded_to).key("forwarded_due");
  or_null(t, s.forwarded_due);
  t.key("attachments").begin_array();
  for (const auto& a : visible_attachments(s, viewer)) write_attachment(t, a);
  t.end_array()
      .key("version")
      .number(s.version)
      .key("policy_version")
      .string_or_null(s.policy_version);
  if (history) {
    t.key("history").begin_array();
    for (const auto& e : *history) write_history_entry(t, e, visible, viewer);
    t.end_array();
  }
  t.end_object();
  return std::move(t.out);
}

json::object ticket_json(const ticket_state& s, const jurisdiction& j, const actor_ref& viewer,
                         const std::vector<event_record>* history) {
  return json::parse(ticket_json_text(s, j, viewer, history)).as_object();
}

}  // namespace hotline::http
