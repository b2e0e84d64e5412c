#include "http/url.h"

#include <civetweb.h>

namespace hotline::http {

std::string url_decode(const std::string& s) {
  std::string out(s.size() + 1, '\0');
  int n = mg_url_decode(s.c_str(), static_cast<int>(s.size()), &out[0],
                        static_cast<int>(out.size()), 0);
  out.resize(n < 0 ? 0 : n);
  return out;
}

std::map<std::string, std::string> parse_query(const char* q) {
  std::map<std::string, std::string> out;
  if (!q) return out;
  std::string s(q);
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find('&', start);
    if (end == std::string::npos) end = s.size();
    std::string pair = s.substr(start, end - start);
    if (!pair.empty()) {
      std::size_t eq = pair.find('=');
      out[url_decode(pair.substr(0, eq))] =
          eq == std::string::npos ? "" : url_decode(pair.substr(eq + 1));
    }
    start = end + 1;
  }
  return out;
}

}  // namespace hotline::http
