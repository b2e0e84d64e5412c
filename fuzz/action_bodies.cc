// libFuzzer: every action's body decoder and the intake's. The first byte picks the command,
// the rest is the body as a client would send it. A decoder must refuse, never crash.
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>

#include "http/json_codec.h"

namespace {
using namespace hotline;

template <std::size_t I = 0>
void decode_command(std::size_t which, const boost::json::value& body) {
  if constexpr (I < std::variant_size_v<workflow::command>) {
    if (which % std::variant_size_v<workflow::command> == I) {
      using T = std::variant_alternative_t<I, workflow::command>;
      if constexpr (workflow::is_action_command_v<T>)
        (void)http::from_json<T>(body);
      return;
    }
    decode_command<I + 1>(which, body);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  boost::json::error_code ec;
  auto body = boost::json::parse(
      boost::json::string_view(reinterpret_cast<const char*>(data) + 1, size - 1), ec);
  if (ec) return 0;
  if (data[0] == 0xFF)
    (void)http::from_json<workflow::intake>(body);
  else
    decode_command(data[0], body);
  return 0;
}
