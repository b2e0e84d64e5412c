#include "http/http_types.h"

#include "http/utf8.h"

namespace hotline::http {
using namespace workflow;

std::string request::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

response json_response(int status, const boost::json::value& body) {
  return json_text_response(status, boost::json::serialize(body));
}

response json_text_response(int status, std::string body) {
  response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

namespace {

// Error texts quote the request (a path, a parameter): never write its bytes unchecked.
void make_utf8(boost::json::value& v) {
  if (auto* s = v.if_string()) {
    if (!is_utf8(*s)) *s = to_utf8(*s);
  } else if (auto* o = v.if_object()) {
    for (auto& member : *o) make_utf8(member.value());
  } else if (auto* a = v.if_array()) {
    for (auto& item : *a) make_utf8(item);
  }
}

}  // namespace

response error_response(int status, const std::string& code, const std::string& message,
                        boost::json::object details) {
  boost::json::value body{{"error", {{"code", code}, {"message", message}, {"details", details}}}};
  make_utf8(body);
  return json_response(status, body);
}

response refusal_response(const refusal& r) {
  boost::json::object details;
  int status = 422;
  switch (r.code) {
    case refusal_code::validation_failed:  // fix the request
      status = 422;
      details["field"] = r.field;
      if (r.level) details["level"] = std::string(name_of(*r.level));
      break;
    case refusal_code::invalid_transition: {  // not until the ticket changes
      status = 409;
      if (r.current) details["status"] = std::string(name_of(*r.current));
      boost::json::array allowed;
      for (auto a : r.allowed) allowed.push_back(boost::json::string(name_of(a)));
      details["allowed"] = std::move(allowed);
      break;
    }
    case refusal_code::deadline_passed:
      status = 409;
      if (r.deadline) details["deadline"] = std::string(name_of(*r.deadline));
      if (r.due) details["due"] = format_instant(*r.due);
      break;
    case refusal_code::limit_reached:
      status = 409;
      break;
    case refusal_code::forbidden:
      status = 403;
      break;
    case refusal_code::not_found:
      status = 404;
      break;
    case refusal_code::calendar_unavailable:  // an operator must add a calendar year
      status = 503;
      break;
    case refusal_code::caller_blocked:  // until a supervisor lifts the block on that ticket
      status = 403;
      details["ticket"] = r.ticket;
      break;
    case refusal_code::payload_too_large:  // send less
      status = 413;
      break;
  }
  return error_response(status, std::string(name_of(r.code)), r.message, std::move(details));
}

}  // namespace hotline::http
