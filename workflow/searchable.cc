#include "workflow/searchable.h"

namespace hotline::workflow {
namespace {

void blank_out(std::string& text, const std::string& what) {
  if (what.empty()) return;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at))
    text.replace(at, what.size(), std::string(what.size(), ' '));
}

std::string digits_of(const std::string& phone) {
  std::string out;
  for (char c : phone)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

}  // namespace

std::string without_caller(std::string text, const citizen& caller) {
  blank_out(text, caller.name);
  blank_out(text, caller.phone);
  // Digits shorter than a phone number would blank out house numbers and dates.
  if (auto digits = digits_of(caller.phone); digits.size() >= 5) blank_out(text, digits);
  return text;
}

searchable_text searchable(const std::vector<event_record>& history) {
  searchable_text out;
  citizen caller;
  for (const auto& e : history) {
    if (auto* s = std::get_if<submitted>(&e.body)) {
      if (s->request.caller) caller = *s->request.caller;
      out.title = s->request.title;
      out.text = s->request.content;
    } else if (auto* a = std::get_if<answered>(&e.body)) {
      out.text += "\n" + a->text;
    } else if (auto* r = std::get_if<replied>(&e.body)) {
      out.text += "\n" + r->result;
    }
  }
  out.title = without_caller(std::move(out.title), caller);
  out.text = without_caller(std::move(out.text), caller);
  return out;
}

bool changes_searchable(const std::vector<event_record>& events) {
  for (const auto& e : events)
    if (std::holds_alternative<submitted>(e.body) || std::holds_alternative<answered>(e.body) ||
        std::holds_alternative<replied>(e.body))
      return true;
  return false;
}

searchable_text searchable(const knowledge_entry& e) {
  return {e.fields.title, e.fields.body};
}

}  // namespace hotline::workflow
