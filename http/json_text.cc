#include "http/json_text.h"

#include <cstring>

namespace hotline::http {

namespace {

// Whether any of the 8 bytes of `w` must be escaped (below 0x20, the quote, the backslash):
// the classic "has a zero byte" test, eight bytes at a time.
bool any_to_escape(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto has_zero = [&](std::uint64_t x) { return ((x - ones) & ~x & highs) != 0; };
  const bool below_space = ((w - ones * 0x20) & ~w & highs) != 0;
  return below_space || has_zero(w ^ (ones * '"')) || has_zero(w ^ (ones * '\\'));
}

}  // namespace

// As boost::json's serializer escapes: the quote, the backslash and control characters (short
// forms where JSON has them, else \u00xx with lower-case hex); everything else as it is.
void json_text::quoted(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  std::size_t i = 0;
  for (std::uint64_t w; i + 8 <= s.size(); i += 8) {  // most text has nothing to escape
    std::memcpy(&w, s.data() + i, 8);
    if (any_to_escape(w)) break;
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    out += '\\';
    switch (c) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '\b':
        out += 'b';
        break;
      case '\t':
        out += 't';
        break;
      case '\n':
        out += 'n';
        break;
      case '\f':
        out += 'f';
        break;
      case '\r':
        out += 'r';
        break;
      default:
        out += "u00";
        out += hex[c >> 4];
        out += hex[c & 15];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

}  // namespace hotline::http
