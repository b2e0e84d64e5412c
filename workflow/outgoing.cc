#include "workflow/outgoing.h"

#include <cstdio>

namespace hotline::workflow {
namespace {

// The item as a lower platform registers it: its own rules class and key it, so only what the
// caller said travels, with the confidentiality flag and the term given (002 art. 10).
intake forward_request(const ticket_state& s, const forwarded& e) {
  intake q;
  q.via = channel::upper_platform;
  q.type = s.type;
  q.title = s.title;
  q.content = s.content;
  q.caller = s.caller;
  q.confidential = s.confidential;
  q.region = s.region;
  q.topic = s.topic;
  q.emergency = s.emergency;
  q.upper = upper_ref{"", s.id, e.due};
  return q;
}

struct planner {
  const ticket_state& s;
  const outgoing_options& o;
  const event_record* r = nullptr;
  std::vector<outgoing_message> out;
  int n = 0;

  outgoing_message& add(outgoing_kind kind, std::string to) {
    outgoing_message m;
    m.kind = kind;
    char seq[24];  // zero-padded, so that ids sort in the order the events happened
    std::snprintf(seq, sizeof seq, "%08llu", static_cast<unsigned long long>(r->seq));
    m.id = s.id + "/" + seq + "/" + std::to_string(n++);
    m.ticket = s.id;
    m.to = std::move(to);
    out.push_back(std::move(m));
    return out.back();
  }
  void report(platform_report_kind kind, std::string text, std::string reported_to = "") {
    if (!s.upper) return;
    auto& m = add(outgoing_kind::report, s.upper->platform);
    m.upper_ticket = s.upper->ticket;
    m.report = platform_report{kind, std::move(text), s.id, std::move(reported_to)};
  }
  void sms(std::string text) {
    if (!o.sms || !s.caller || s.caller->phone.empty() || s.caller_blocked) return;
    add(outgoing_kind::sms, s.caller->phone).text = "【12345】" + std::move(text);
  }
  void survey() { sms("请对办理结果评价：回复1为满意，回复2为不满意（工单" + s.id + "）。"); }

  void operator()(const forwarded& e) {
    add(outgoing_kind::forward, e.platform).request = forward_request(s, e);
  }
  void operator()(const signed_for&) { took_on(); }
  void operator()(const deemed_signed&) { took_on(); }
  void took_on() {
    report(platform_report_kind::progress, "已签收");
    sms("您的诉求（工单" + s.id + "）已由承办单位签收，将尽快与您联系。");
  }
  void operator()(const contacted& e) { report(platform_report_kind::progress, e.note); }
  void operator()(const replied& e) {
    report(platform_report_kind::replied, e.result);
    sms("您的诉求（工单" + s.id + "）办理结果：" + e.result);
  }
  void operator()(const answered& e) { sms("您的诉求（工单" + s.id + "）答复：" + e.text); }
  // The rule core decided to survey (workflow/survey.h) and armed the answer's expiry with it.
  void operator()(const survey_sent&) { survey(); }
  void operator()(const closed&) {
    report(platform_report_kind::closed, s.satisfied ? (*s.satisfied ? "满意" : "不满意") : "");
  }
  void operator()(const terminated& e) {
    report(platform_report_kind::terminated, e.reason, e.reported_to);
  }
  void operator()(const declined& e) { report(platform_report_kind::returned, e.reason); }
  template <class E>
  void operator()(const E&) {}
};

}  // namespace

std::vector<outgoing_message> outgoing(const ticket_state& after,
                                       const std::vector<event_record>& events,
                                       const outgoing_options& o) {
  planner p{after, o, nullptr, {}, 0};
  for (const auto& e : events) {
    p.r = &e;
    p.n = 0;
    std::visit(p, e.body);
  }
  return std::move(p.out);
}

std::optional<bool> survey_answer(const std::string& text) {
  std::string t;
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') t += c;
  if (t == "1" || t == "满意") return true;
  if (t == "2" || t == "不满意") return false;
  return std::nullopt;
}

}  // namespace hotline::workflow
