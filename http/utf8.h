#pragma once
// UTF-8 checks for text that came from a request's bytes: everything the server writes is valid
// UTF-8, also when it quotes a client's malformed path or parameter back.

#include <string>
#include <string_view>

namespace hotline::http {

/// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_utf8(std::string_view s);
/// `s` with each byte that does not start a well-formed sequence replaced by U+FFFD.
std::string to_utf8(std::string_view s);

}  // namespace hotline::http
