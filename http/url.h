#pragma once
// Percent-decoding of a request's path and query string. Only percent-decoding: a '+' stays a
// '+' (a time's offset, +08:00, arrives as written), and a %00 decodes to a NUL byte the caller
// can see and refuse.

#include <map>
#include <string>

namespace hotline::http {

std::string url_decode(const std::string& s);
/// name=value pairs split at '&', each side decoded; a name without '=' has the value "".
std::map<std::string, std::string> parse_query(const char* q);

}  // namespace hotline::http
