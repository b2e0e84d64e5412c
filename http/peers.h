#pragma once
// The peers file (`hotline serve --peers FILE`): the other hotlines' servers this one talks to,
// and the SMS gateway.
//   {"peers":[{"id":"yichang","url":"http://10.0.0.2:8080","token":"…"}],
//    "sms_gateway":{"url":"http://10.0.0.9/send","token":"…"}}
// One token per link, known to both ends: this server presents it to the peer, and a request
// that presents it here acts as that peer (role platform). The gateway's token is presented on
// each message sent and required on its inbound replies (POST /api/v1/sms/inbound).

#include <optional>
#include <string>
#include <vector>

#include "workflow/result.h"

namespace hotline::http {

struct peer {
  std::string id;
  std::string url;  // http://host:port, optionally with a path prefix
  std::string token;
};

struct peers_config {
  std::vector<peer> peers;
  std::optional<peer> sms_gateway;  // id "sms_gateway"
};

/// Reads the peers file; the error names the file and entry.
workflow::result<peers_config> load_peers(const std::string& file);

}  // namespace hotline::http
