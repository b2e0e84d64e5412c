#pragma once
// A request and a response as plain values: handlers never see CivetWeb, so they are tested
// without sockets and the server file is the only one that knows the library.

#include <boost/json.hpp>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "workflow/result.h"

namespace hotline::http {

struct request {
  std::string method;
  std::string path;
  std::map<std::string, std::string> query;    // decoded
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string header(const std::string& lower_name) const;
};

struct response {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
};

response json_response(int status, const boost::json::value& body);
/// A body that is JSON text already.
response json_text_response(int status, std::string body);
/// {"error":{"code","message","details"}}.
response error_response(int status, const std::string& code, const std::string& message,
                        boost::json::object details = {});
/// The status and body for a refusal of the rule core, by what the caller should do.
response refusal_response(const workflow::refusal& r);

}  // namespace hotline::http
