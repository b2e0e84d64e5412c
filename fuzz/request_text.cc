// libFuzzer: what the edge does with a request's raw text before any route sees it: the
// percent-decoding of paths and query strings, the UTF-8 check and repair of text quoted back,
// and the time parser query parameters go through. Checks the repair's promise too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "http/url.h"
#include "http/utf8.h"
#include "workflow/time.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  using namespace hotline;
  std::string path = http::url_decode(text);
  if (path.size() > text.size()) std::abort();  // decoding never grows
  auto query = http::parse_query(text.c_str());
  for (const auto& [name, value] : query) {
    std::string safe = http::to_utf8(value);
    if (!http::is_utf8(safe)) std::abort();  // what we write is UTF-8
    if (http::is_utf8(value) && safe != value) std::abort();  // and valid text is left alone
    (void)workflow::parse_instant(value);
    (void)name;
  }
  if (!http::is_utf8(http::to_utf8(path))) std::abort();
  (void)workflow::parse_instant(text);
  return 0;
}
