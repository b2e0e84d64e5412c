#include "http/peers.h"

#include <set>

#include "http/config_file.h"

namespace hotline::http {
using namespace workflow;

namespace {

std::optional<peer> read_peer(const boost::json::value* v) {
  const auto* o = v ? v->if_object() : nullptr;
  if (!o) return std::nullopt;
  auto text = [&](const char* key) -> std::string {
    auto* x = o->if_contains(key);
    return x && x->is_string() ? std::string(x->get_string()) : std::string();
  };
  peer p{text("id"), text("url"), text("token")};
  if (p.url.compare(0, 7, "http://") != 0 || p.token.empty()) return std::nullopt;
  return p;
}

}  // namespace

result<peers_config> load_peers(const std::string& file) {
  auto doc = read_config_file(file);
  if (!doc) return doc.error();
  const auto* top = doc.value().if_object();
  const auto* list = top && top->contains("peers") ? top->at("peers").if_array() : nullptr;
  if (!list) return bad_file(file, "must be {\"peers\":[...]}");
  peers_config c;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto p = read_peer(&(*list)[i]);
    std::string where = "peers[" + std::to_string(i) + "]";
    if (!p || p->id.empty())
      return bad_file(file, where + " needs an id, an http:// url and a token");
    if (!ids.insert(p->id).second) return bad_file(file, where + ".id repeats");
    c.peers.push_back(std::move(*p));
  }
  if (top->contains("sms_gateway")) {
    c.sms_gateway = read_peer(top->if_contains("sms_gateway"));
    if (!c.sms_gateway) return bad_file(file, "sms_gateway needs an http:// url and a token");
    c.sms_gateway->id = "sms_gateway";
  }
  return c;
}

}  // namespace hotline::http
